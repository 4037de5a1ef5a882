"""One exception handler: every API error leaves in the documented body.

`{"detail": str, "error_code": str, "timestamp": iso8601, "errors": {field: [str]}?}`
"""

import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from core.errors import DomainError, InvalidInput, error_body

logger = logging.getLogger(__name__)

# DRF's own codes renamed where a client deserves a clearer one.
ERROR_CODES = {
    "invalid": "validation_error",
    "parse_error": "malformed_request",
    "throttled": "rate_limited",
}


def flatten_errors(detail, prefix: str = "") -> dict[str, list[str]]:
    """Turn DRF's nested validation detail into `{"field.sub": ["message", ...]}`."""
    nested = None
    if isinstance(detail, dict):
        nested = detail.items()
    elif isinstance(detail, list) and detail and isinstance(detail[0], dict | list):
        nested = enumerate(detail)
    if nested is not None:
        flat: dict[str, list[str]] = {}
        for key, value in nested:
            flat.update(flatten_errors(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    messages = detail if isinstance(detail, list) else [detail]
    return {prefix or "non_field_errors": [str(message) for message in messages]}


def _validation_body(exc: exceptions.ValidationError) -> dict:
    return InvalidInput(flatten_errors(exc.detail)).as_payload()


def _api_exception_body(exc: exceptions.APIException) -> dict:
    if isinstance(exc, exceptions.ValidationError):
        return _validation_body(exc)
    detail = exc.detail
    code = exc.default_code
    if isinstance(detail, dict):
        # simplejwt nests {"detail", "code", "messages"}; keep the sentence and its code.
        code = str(detail.get("code", code))
        detail = detail.get("detail", exc.default_detail)
    elif isinstance(detail, list):
        detail = " ".join(str(item) for item in detail)
    else:
        code = getattr(detail, "code", None) or code
    return error_body(str(detail), ERROR_CODES.get(code, code))


def api_exception_handler(exc, context):
    if isinstance(exc, DomainError):
        set_rollback()
        retry_after = getattr(exc, "retry_after", None)
        headers = {"Retry-After": str(retry_after)} if retry_after else None
        return Response(exc.as_payload(), status=exc.status_code, headers=headers)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        logger.exception("Unhandled error in %s", context.get("view"), exc_info=exc)
        set_rollback()
        return Response(
            error_body("An unexpected error occurred.", "server_error"),
            status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )
    response.data = _api_exception_body(exc)
    return response
