import time

from django.conf import settings

from core import views


class ProcessTimeMiddleware:
    """Adds `X-Process-Time` (seconds spent in Django) to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        response["X-Process-Time"] = f"{time.perf_counter() - started:.4f}"
        return response


CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # ReDoc and Swagger UI inject <style> elements; inline styles cannot run code.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        # ReDoc builds its search index in a worker created from a blob.
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    """Only our own scripts run on our pages: no inline script, nothing from another origin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


class SynchronousChainMiddleware:
    """Keeps the whole middleware chain synchronous under ASGI; must be the last middleware.

    Our views are synchronous (DRF). Django runs each middleware in the mode of the one below
    it, so an async-capable chain above a sync view hops between the event loop and a thread
    in every middleware (about 30 switches a request). A sync-only innermost middleware makes
    Django switch once on the way in and once to the view.
    """

    sync_capable = True
    async_capable = False

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)


class OwnErrorPagesMiddleware:
    """Our 404 and 500 pages also with DEBUG on, where Django would answer its technical
    pages (every URL pattern, settings and a traceback) to whoever asks. The traceback still
    goes to the log; only the response changes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.DEBUG and _is_technical_error_page(response):
            return TECHNICAL_REPLACEMENTS[response.status_code](request)
        return response


# Django's technical 404 and 500 pages carry this tag; ours never do. Its 500 page for a
# client that does not accept HTML is plain text, which no view of ours answers with.
TECHNICAL_PAGE_MARKER = b'<meta name="robots" content="NONE,NOARCHIVE">'


def _is_technical_error_page(response) -> bool:
    if response.status_code not in TECHNICAL_REPLACEMENTS or response.streaming:
        return False
    if response.status_code == 500 and response.get("Content-Type", "").startswith("text/plain"):
        return True
    return TECHNICAL_PAGE_MARKER in response.content[:2048]


TECHNICAL_REPLACEMENTS = {404: views.page_not_found, 500: views.server_error}
