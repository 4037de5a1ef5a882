"""Placeholder until its helper writes it."""

from django.http import Http404


def apply_view(request, **kwargs):
    raise Http404


def my_applications_view(request, **kwargs):
    raise Http404


def my_application_view(request, **kwargs):
    raise Http404
