"""ReDoc from our own server only.

The sidecar's ReDoc bundle always shows Redocly's logo from cdn.redoc.ly under its menu (no
option turns it off), so a page that must not call any CDN serves the bundle with that one
address swapped for an empty inline image.
"""

from functools import cache

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

REDOC_BUNDLE = "drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"
REDOCLY_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"
EMPTY_IMAGE = b"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"


@cache
def _local_redoc_bundle() -> bytes:
    with open(finders.find(REDOC_BUNDLE), "rb") as bundle:
        return bundle.read().replace(REDOCLY_LOGO, EMPTY_IMAGE)


@require_GET
@cache_control(public=True, max_age=86_400)
def redoc_bundle_view(request):
    return HttpResponse(_local_redoc_bundle(), content_type="text/javascript; charset=utf-8")
