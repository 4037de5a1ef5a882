"""Zoom's webhook: signature check, the URL-validation challenge, and the events we keep.

Zoom signs each delivery: x-zm-signature = "v0=" + hex HMAC-SHA256(secret, "v0:{timestamp}:
{raw body}"), with the timestamp (seconds) in x-zm-request-timestamp. A delivery older or
newer than five minutes is refused, so a captured request cannot be replayed later.
"""

import hashlib
import hmac
import json

from django.conf import settings
from django.utils import timezone

from interviews.video.errors import (
    WebhookBodyInvalid,
    WebhookNotConfigured,
    WebhookSignatureInvalid,
)
from interviews.video.services import zoom_meeting_ended, zoom_recording_completed

MAX_SKEW_SECONDS = 300
URL_VALIDATION = "endpoint.url_validation"
MEETING_ENDED = "meeting.ended"
RECORDING_COMPLETED = "recording.completed"


def _hmac_hex(secret: str, message: str) -> str:
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def zoom_signature(secret: str, timestamp: str, body: bytes) -> str:
    return "v0=" + _hmac_hex(secret, f"v0:{timestamp}:{body.decode('utf-8', 'replace')}")


def verify_signature(*, body: bytes, signature: str, timestamp: str) -> None:
    """Raise WebhookSignatureInvalid (401) unless Zoom signed this body just now."""
    secret = settings.ZOOM_WEBHOOK_SECRET
    if not secret:
        raise WebhookNotConfigured()
    if not signature or not timestamp.isascii() or not timestamp.isdigit():
        raise WebhookSignatureInvalid()
    if abs(timezone.now().timestamp() - int(timestamp)) > MAX_SKEW_SECONDS:
        raise WebhookSignatureInvalid("The Zoom signature is too old (or from the future).")
    if not hmac.compare_digest(zoom_signature(secret, timestamp, body), signature):
        raise WebhookSignatureInvalid()


def parse_event(body: bytes) -> dict:
    try:
        event = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise WebhookBodyInvalid() from error
    if not isinstance(event, dict) or not isinstance(event.get("event"), str):
        raise WebhookBodyInvalid()
    payload = event.get("payload")
    event["payload"] = payload if isinstance(payload, dict) else {}
    return event


def handle_event(event: dict) -> dict:
    """The answer for Zoom: the challenge's encrypted token, or what was recorded."""
    name, payload = event["event"], event["payload"]
    if name == URL_VALIDATION:
        plain = payload.get("plainToken")
        if not isinstance(plain, str) or not plain:
            raise WebhookBodyInvalid("The URL validation carries no plainToken.")
        return {
            "plainToken": plain,
            "encryptedToken": _hmac_hex(settings.ZOOM_WEBHOOK_SECRET, plain),
        }
    meeting = payload.get("object")
    meeting = meeting if isinstance(meeting, dict) else {}
    if name == MEETING_ENDED:
        known = zoom_meeting_ended(zoom_id=meeting.get("id"), end_time=meeting.get("end_time"))
        return {"event": name, "recorded": known}
    if name == RECORDING_COMPLETED:
        added = zoom_recording_completed(
            zoom_id=meeting.get("id"), files=meeting.get("recording_files")
        )
        return {"event": name, "recorded": added > 0}
    return {"event": name, "recorded": False}
