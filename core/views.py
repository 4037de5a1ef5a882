"""Site-wide pages: home, liveness probe and error pages (JSON under /api/)."""

from functools import wraps

from django.db import DatabaseError, connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from core.errors import error_body
from core.ratelimit import RateLimited


def home_view(request):
    return render(request, "home.html")


@never_cache
def liveness_view(request):
    """`/health` for load balancers: the process answers and reaches its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unhealthy"}, status=503)
    return JsonResponse({"status": "healthy"})


def render_rate_limited(request, exc: RateLimited):
    response = render(request, "errors/429.html", {"retry_after": exc.wait}, status=429)
    response["Retry-After"] = str(exc.wait)
    for header, value in exc.state.headers().items():
        response[header] = value
    return response


def renders_rate_limits(view):
    """Page-view decorator: a RateLimited raised anywhere in the view becomes the 429 page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except RateLimited as exc:
            return render_rate_limited(request, exc)

    return wrapper


def _wants_json(request) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get(
        "Accept", ""
    )


def _error(request, status: int, detail: str, code: str, template: str):
    if _wants_json(request):
        return JsonResponse(error_body(detail, code), status=status)
    return render(request, template, status=status)


def bad_request(request, exception=None):
    return _error(request, 400, "Bad request.", "bad_request", "errors/400.html")


def permission_denied(request, exception=None):
    return _error(
        request, 403, "You do not have access to this page.", "permission_denied", "errors/403.html"
    )


def page_not_found(request, exception=None):
    return _error(request, 404, "Not found.", "not_found", "errors/404.html")


def server_error(request):
    if _wants_json(request):
        return JsonResponse(error_body("An unexpected error occurred.", "server_error"), status=500)
    # No request context: the failure may be the database the context processors would query.
    return HttpResponseServerError(loader.get_template("errors/500.html").render())


@csrf_exempt
def api_not_found(request):
    """Any /api/ path no route matched (a malformed id too): the JSON 404, also with DEBUG
    on, where Django would answer its HTML debug page instead of handler404."""
    return page_not_found(request)
