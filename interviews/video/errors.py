from http import HTTPStatus

from core.errors import ConflictError, DomainError


class MeetingNotFound(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "meeting_not_found"
    message = "No video meeting with this id."


class MeetingNotChangeable(ConflictError):
    error_code = "meeting_not_changeable"
    message = "This meeting has ended or was cancelled; schedule a new one instead."


class VideoProviderUnavailable(DomainError):
    """Zoom failed: nothing was scheduled or changed here."""

    status_code = HTTPStatus.BAD_GATEWAY
    error_code = "video_provider_unavailable"
    message = "Zoom did not answer, so nothing was changed. Try again in a few minutes."


class VideoProviderRejected(DomainError):
    status_code = HTTPStatus.BAD_GATEWAY
    error_code = "video_provider_rejected"
    message = (
        "Zoom refused the request, so nothing was changed. Check ZOOM_ACCOUNT_ID, "
        "ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET and the app's meeting scopes."
    )


class WebhookSignatureInvalid(DomainError):
    status_code = HTTPStatus.UNAUTHORIZED
    error_code = "webhook_signature_invalid"
    message = "The Zoom signature is missing, wrong or too old."


class WebhookNotConfigured(WebhookSignatureInvalid):
    error_code = "webhook_not_configured"
    message = "Zoom webhooks are not configured here (ZOOM_WEBHOOK_SECRET is not set)."


class WebhookBodyInvalid(DomainError):
    error_code = "webhook_body_invalid"
    message = "The webhook body is not a Zoom event (a JSON object with an event name)."
