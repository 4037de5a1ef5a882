"""Domain errors: plain exceptions with a stable `error_code` that every entry point reports
the same way (API, pages, sockets, background tasks).

Nothing here depends on DRF: a service raises the error, and each entry point shapes it.
Each subclass sets `status_code` (the HTTP status it maps to), `error_code` and `message`
(the sentence a person reads); `field` names the input field it belongs to, if any. The
body is the documented one: `{"detail", "error_code", "timestamp", "errors"?}`.
"""

from http import HTTPStatus

from django.utils import timezone


def error_body(detail: str, error_code: str, errors: dict | None = None) -> dict:
    """The documented error body; `errors` ({field: [message]}) only when there are some."""
    body = {
        "detail": detail,
        "error_code": error_code,
        "timestamp": timezone.now().isoformat().replace("+00:00", "Z"),
    }
    if errors:
        body["errors"] = errors
    return body


class DomainError(Exception):
    status_code: int = HTTPStatus.BAD_REQUEST
    error_code: str = "bad_request"
    message: str = "The request cannot be carried out."
    field: str = ""

    def __init__(self, detail: str | None = None, *, errors: dict[str, list[str]] | None = None):
        """`detail` replaces the class's message; `errors` ({field: [message]}) names the
        fields or items at fault (by default the class's `field`, with the detail)."""
        self.detail = str(detail) if detail is not None else self.message
        if errors is None:
            errors = {self.field: [self.detail]} if self.field else {}
        self.errors = errors
        super().__init__(self.detail)

    def as_payload(self) -> dict:
        """The error body, for a socket message or a task's stored failure."""
        return error_body(self.detail, self.error_code, self.errors)


class ConflictError(DomainError):
    status_code = HTTPStatus.CONFLICT
    error_code = "conflict"
    message = "The request conflicts with the current state."


class InvalidInput(DomainError):
    """Input a service refuses field by field, reported like a serializer's validation error."""

    error_code = "validation_error"
    message = "The input is not valid."

    def __init__(self, errors: dict[str, list[str]]):
        fields = ", ".join(name for name in errors if name != "non_field_errors")
        detail = f"Invalid input in: {fields}." if fields else next(iter(errors.values()))[0]
        super().__init__(detail, errors=errors)


class QueueUnavailable(DomainError):
    """The task broker cannot take a job now; nothing was queued, so the request may be sent
    again as it was."""

    status_code = HTTPStatus.SERVICE_UNAVAILABLE
    error_code = "queue_unavailable"
    message = "The job queue is unavailable right now; nothing was started. Try again in a minute."
    # Seconds, sent as Retry-After.
    retry_after = 30
