"""Placeholder until its helper writes it."""

from django.http import Http404


def analytics_view(request, **kwargs):
    raise Http404
