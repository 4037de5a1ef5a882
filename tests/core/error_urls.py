"""The project's URLs plus one page and one API path that fail, for the error-page tests."""

from django.http import Http404
from django.urls import path

from config.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def broken_view(request):
    raise RuntimeError("a bug in a view")


def missing_view(request):
    raise Http404("no such interview")


urlpatterns = [
    path("broken/", broken_view),
    path("missing/", missing_view),
    path("api/v1/broken/", broken_view),
    *urlpatterns,
]
