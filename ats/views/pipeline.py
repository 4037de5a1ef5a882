"""Placeholder until its helper writes it."""

from django.http import Http404


def board_view(request, **kwargs):
    raise Http404


def move_view(request, **kwargs):
    raise Http404


def bulk_view(request, **kwargs):
    raise Http404
