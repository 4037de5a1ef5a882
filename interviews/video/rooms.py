"""Where a meeting takes place: a Zoom meeting when Zoom is configured, else a Jitsi room.

A Jitsi room needs no account: whoever knows its name can join, so the name is 128 random
bits (secrets.token_urlsafe), never derived from the job or the candidate.
"""

import secrets
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from core.integrations.errors import ServiceError, ServiceRejected
from interviews.video.errors import VideoProviderRejected, VideoProviderUnavailable
from interviews.video.models import MeetingProvider
from interviews.video.zoom import ZoomClient, zoom_configured

JITSI_ROOM_PREFIX = "Hirewise-"
ROOM_NAME_BYTES = 16


@dataclass(frozen=True)
class Room:
    provider: str
    join_url: str
    external_id: str = ""
    host_url: str = ""


@dataclass(frozen=True)
class RoomDetails:
    """What the provider is told about a meeting: no candidate names or emails."""

    topic: str
    starts_at: datetime
    duration_minutes: int
    timezone: str
    agenda: str = ""

    def as_kwargs(self) -> dict:
        return {
            "topic": self.topic,
            "starts_at": self.starts_at,
            "duration_minutes": self.duration_minutes,
            "timezone": self.timezone,
            "agenda": self.agenda,
        }


def jitsi_room_url() -> str:
    return f"{settings.JITSI_BASE_URL}/{JITSI_ROOM_PREFIX}{secrets.token_urlsafe(ROOM_NAME_BYTES)}"


def _provider_error(error: ServiceError) -> Exception:
    if isinstance(error, ServiceRejected):
        return VideoProviderRejected(f"{VideoProviderRejected.message} ({error})")
    return VideoProviderUnavailable(f"{error} Nothing was changed; try again in a few minutes.")


def room_open(details: RoomDetails, *, zoom: ZoomClient | None = None) -> Room:
    """A new room for the meeting; VideoProviderUnavailable/Rejected when Zoom fails."""
    if not zoom_configured():
        return Room(provider=MeetingProvider.JITSI, join_url=jitsi_room_url())
    try:
        created = (zoom or ZoomClient()).create_meeting(**details.as_kwargs())
    except ServiceError as error:
        raise _provider_error(error) from error
    if not created.id or not created.join_url:
        raise VideoProviderUnavailable("Zoom answered without a meeting link; nothing was changed.")
    return Room(
        provider=MeetingProvider.ZOOM,
        join_url=created.join_url,
        external_id=created.id,
        host_url=created.start_url,
    )


def room_move(
    *, provider: str, external_id: str, details: RoomDetails, zoom: ZoomClient | None = None
) -> None:
    """Tell Zoom the new time (a Jitsi room has none to tell)."""
    if provider != MeetingProvider.ZOOM:
        return
    try:
        (zoom or ZoomClient()).update_meeting(external_id, **details.as_kwargs())
    except ServiceError as error:
        raise _provider_error(error) from error


def room_close(*, provider: str, external_id: str, zoom: ZoomClient | None = None) -> None:
    if provider != MeetingProvider.ZOOM:
        return
    try:
        (zoom or ZoomClient()).delete_meeting(external_id)
    except ServiceError as error:
        raise _provider_error(error) from error
