"""Placeholder until its helper writes it."""

from django.http import Http404


def candidate_view(request, **kwargs):
    raise Http404


def scorecard_view(request, **kwargs):
    raise Http404
