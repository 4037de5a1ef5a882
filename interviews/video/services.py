"""Scheduling, moving and cancelling video meetings, and what Zoom's webhook reports.

The room is opened (or moved, or closed) at Zoom before anything is written here, so a
Zoom failure leaves nothing half-done; if the write then fails, the new Zoom meeting is
deleted again. Each change is audited and emails everyone concerned after commit (outbox).
"""

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ats.selectors import application_get_managed
from core.errors import ConflictError, InvalidInput
from core.outbox import outbox_enqueue_many
from gdpr.audit import audit_record
from gdpr.models import AuditAction
from interviews.video.emails import CANDIDATE
from interviews.video.errors import MeetingNotChangeable
from interviews.video.ics import CANCEL, REQUEST
from interviews.video.models import MeetingProvider, MeetingRecording, MeetingStatus, VideoMeeting
from interviews.video.rooms import RoomDetails, room_close, room_move, room_open
from interviews.video.selectors import (
    MAX_DURATION_MINUTES,
    interviewers_for,
    meeting_get_managed,
)
from interviews.video.tasks import send_meeting_email
from interviews.video.zoom import ZoomClient

logger = logging.getLogger(__name__)

MIN_DURATION_MINUTES = 15
MAX_INTERVIEWERS = 10
MAX_DAYS_AHEAD = 365


class MeetingChangedMeanwhile(ConflictError):
    error_code = "meeting_changed_meanwhile"
    message = "Someone changed this meeting meanwhile; reload it and try again."


def _check_when(starts_at: datetime, duration_minutes: int, zone: str) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    now = timezone.now()
    if timezone.is_naive(starts_at):
        problems["start_time"] = ["Give the start time with its UTC offset."]
    elif starts_at <= now:
        problems["start_time"] = ["The start time has passed; choose a time in the future."]
    elif starts_at > now + timedelta(days=MAX_DAYS_AHEAD):
        problems["start_time"] = [f"Schedule at most {MAX_DAYS_AHEAD} days ahead."]
    if not MIN_DURATION_MINUTES <= duration_minutes <= MAX_DURATION_MINUTES:
        problems["duration_minutes"] = [
            f"A meeting lasts {MIN_DURATION_MINUTES} to {MAX_DURATION_MINUTES} minutes."
        ]
    if not timezone_is_known(zone):
        problems["timezone"] = ["Give an IANA time zone name such as Europe/Paris or UTC."]
    return problems


def timezone_is_known(zone: str) -> bool:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _interviewers(application, interviewer_ids: list[int]) -> tuple[list, dict]:
    wanted = list(dict.fromkeys(interviewer_ids))
    if not wanted:
        return [], {"interviewer_ids": ["Name at least one interviewer."]}
    if len(wanted) > MAX_INTERVIEWERS:
        return [], {"interviewer_ids": [f"At most {MAX_INTERVIEWERS} interviewers."]}
    found = {
        user.pk: user for user in interviewers_for(application=application).filter(pk__in=wanted)
    }
    strangers = [str(pk) for pk in wanted if pk not in found]
    if strangers:
        message = (
            f"Not someone who may interview for this job: {', '.join(strangers)}. Interviewers "
            "are the job's recruiters (the same company), domain experts and admins."
        )
        return [], {"interviewer_ids": [message]}
    return [found[pk] for pk in wanted], {}


def _details(meeting: VideoMeeting, **changes) -> RoomDetails:
    """What Zoom hears about the meeting (with `changes` applied): no names or emails."""
    when = {
        "starts_at": meeting.starts_at,
        "duration_minutes": meeting.duration_minutes,
        "timezone": meeting.timezone,
        **changes,
    }
    return RoomDetails(
        topic=meeting.title,
        starts_at=when["starts_at"],
        duration_minutes=when["duration_minutes"],
        timezone=when["timezone"],
        agenda=f"Video interview for {meeting.application.job.title}.",
    )


def _send(meeting: VideoMeeting, method: str, interviewer_ids, *, candidate: bool = True) -> None:
    calls = [(str(meeting.pk), CANDIDATE, method)] if candidate else []
    calls += [(str(meeting.pk), str(pk), method) for pk in interviewer_ids]
    if calls:
        outbox_enqueue_many(send_meeting_email, calls)


def _audit(action, meeting: VideoMeeting, *, actor, ip) -> None:
    audit_record(
        action=action,
        actor=actor,
        target=meeting,
        ip=ip,
        metadata={
            "application_id": str(meeting.application_id),
            "provider": meeting.provider,
            "sequence": meeting.sequence,
        },
    )


def meeting_schedule(
    *,
    user,
    application_id,
    starts_at: datetime,
    duration_minutes: int,
    interviewer_ids: list[int],
    timezone_name: str = "UTC",
    title: str = "",
    ip: str | None = None,
    zoom: ZoomClient | None = None,
) -> VideoMeeting:
    """Schedule a video interview of an application to one of the user's jobs.

    404 for any other application; InvalidInput for a time in the past, a duration out of
    bounds, an unknown time zone or an interviewer from outside the job's hiring side.
    """
    application = application_get_managed(user=user, application_id=application_id)
    interviewers, problems = _interviewers(application, interviewer_ids)
    problems = {**_check_when(starts_at, duration_minutes, timezone_name), **problems}
    if problems:
        raise InvalidInput(problems)
    meeting = VideoMeeting(
        application=application,
        organizer=user,
        title=title.strip() or f"Interview: {application.job.title}",
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        timezone=timezone_name,
    )
    room = room_open(_details(meeting), zoom=zoom)
    meeting.provider, meeting.join_url = room.provider, room.join_url
    meeting.external_id, meeting.host_url = room.external_id, room.host_url
    try:
        with transaction.atomic():
            meeting.save()
            meeting.interviewers.set(interviewers)
            _audit(AuditAction.MEETING_SCHEDULED, meeting, actor=user, ip=ip)
            _send(meeting, REQUEST, [person.pk for person in interviewers])
    except Exception:
        _close_quietly(meeting, zoom)
        raise
    return meeting


def _close_quietly(meeting: VideoMeeting, zoom: ZoomClient | None) -> None:
    """Undo a room whose meeting could not be saved: a leftover Zoom meeting is harmless,
    so a failure here is logged, not raised over the original error."""
    try:
        room_close(provider=meeting.provider, external_id=meeting.external_id, zoom=zoom)
    except Exception:
        logger.exception("Could not delete the unsaved Zoom meeting %s", meeting.external_id)


def _changeable(user, meeting_id) -> VideoMeeting:
    meeting = meeting_get_managed(user=user, meeting_id=meeting_id)
    if meeting.status != MeetingStatus.SCHEDULED:
        raise MeetingNotChangeable()
    return meeting


def _bump(meeting: VideoMeeting, **changes) -> None:
    """Write `changes` and the next sequence, unless someone changed the meeting meanwhile."""
    now = timezone.now()
    updated = VideoMeeting.objects.filter(
        pk=meeting.pk, sequence=meeting.sequence, status=MeetingStatus.SCHEDULED
    ).update(sequence=meeting.sequence + 1, updated_at=now, **changes)
    if not updated:
        raise MeetingChangedMeanwhile()
    for name, value in changes.items():
        setattr(meeting, name, value)
    meeting.sequence, meeting.updated_at = meeting.sequence + 1, now


def meeting_reschedule(
    *,
    user,
    meeting_id,
    starts_at: datetime | None = None,
    duration_minutes: int | None = None,
    interviewer_ids: list[int] | None = None,
    timezone_name: str | None = None,
    ip: str | None = None,
    zoom: ZoomClient | None = None,
) -> VideoMeeting:
    """Move a scheduled meeting and/or change its interviewers; everyone gets the update
    (SEQUENCE + 1), and an interviewer taken off gets a cancellation."""
    meeting = _changeable(user, meeting_id)
    changes = {
        "starts_at": starts_at or meeting.starts_at,
        "duration_minutes": duration_minutes or meeting.duration_minutes,
        "timezone": timezone_name or meeting.timezone,
    }
    before = [person.pk for person in meeting.interviewers.all()]
    interviewers, problems = _interviewers(
        meeting.application, before if interviewer_ids is None else interviewer_ids
    )
    problems = {
        **_check_when(changes["starts_at"], changes["duration_minutes"], changes["timezone"]),
        **problems,
    }
    if problems:
        raise InvalidInput(problems)
    room_move(
        provider=meeting.provider,
        external_id=meeting.external_id,
        details=_details(meeting, **changes),
        zoom=zoom,
    )
    after = [person.pk for person in interviewers]
    with transaction.atomic():
        _bump(meeting, **changes)
        meeting.interviewers.set(interviewers)
        _audit(AuditAction.MEETING_RESCHEDULED, meeting, actor=user, ip=ip)
        _send(meeting, REQUEST, after)
        _send(meeting, CANCEL, [pk for pk in before if pk not in after], candidate=False)
    return meeting


def meeting_cancel(*, user, meeting_id, ip: str | None = None, zoom: ZoomClient | None = None):
    """Cancel a scheduled meeting: the Zoom meeting is deleted, everyone gets METHOD:CANCEL."""
    meeting = _changeable(user, meeting_id)
    room_close(provider=meeting.provider, external_id=meeting.external_id, zoom=zoom)
    with transaction.atomic():
        _bump(meeting, status=MeetingStatus.CANCELLED, cancelled_at=timezone.now())
        _audit(AuditAction.MEETING_CANCELLED, meeting, actor=user, ip=ip)
        _send(meeting, CANCEL, [person.pk for person in meeting.interviewers.all()])
    return meeting


# --- what Zoom reports ----------------------------------------------------------------------


def _zoom_meeting(zoom_id) -> VideoMeeting | None:
    if zoom_id in (None, ""):
        return None
    return VideoMeeting.objects.filter(
        provider=MeetingProvider.ZOOM, external_id=str(zoom_id)
    ).first()


def _instant(value) -> datetime | None:
    parsed = parse_datetime(value) if isinstance(value, str) else None
    return parsed if parsed is not None and timezone.is_aware(parsed) else None


def zoom_meeting_ended(*, zoom_id, end_time=None) -> bool:
    """Mark the meeting ended (once: a redelivery changes nothing); False if not ours."""
    meeting = _zoom_meeting(zoom_id)
    if meeting is None:
        return False
    VideoMeeting.objects.filter(pk=meeting.pk, ended_at__isnull=True).exclude(
        status=MeetingStatus.CANCELLED
    ).update(
        status=MeetingStatus.ENDED,
        ended_at=_instant(end_time) or timezone.now(),
        updated_at=timezone.now(),
    )
    return True


def _text(value, limit: int) -> str:
    return str(value)[:limit] if isinstance(value, str | int) else ""


def zoom_recording_completed(*, zoom_id, files) -> int:
    """Record each finished recording file once; the number newly recorded."""
    meeting = _zoom_meeting(zoom_id)
    if meeting is None or not isinstance(files, list):
        return 0
    added = 0
    for item in files:
        if not isinstance(item, dict) or not _text(item.get("id"), 100):
            continue
        size = item.get("file_size")
        _, created = MeetingRecording.objects.get_or_create(
            meeting=meeting,
            external_id=_text(item.get("id"), 100),
            defaults={
                "recording_type": _text(item.get("recording_type"), 60),
                "file_type": _text(item.get("file_type"), 20),
                "file_size": size if isinstance(size, int) and size >= 0 else None,
                "play_url": _https(item.get("play_url")),
                "download_url": _https(item.get("download_url")),
                "recording_start": _instant(item.get("recording_start")),
                "recording_end": _instant(item.get("recording_end")),
            },
        )
        added += created
    return added


def _https(value) -> str:
    """Only a web link is kept: this is shown to recruiters as a link."""
    text = _text(value, 1000)
    return text if text.startswith("https://") else ""
