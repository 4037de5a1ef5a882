"""The emails a meeting sends: an invitation, an update or a cancellation, each with the
calendar file (METHOD:REQUEST or METHOD:CANCEL) that keeps the attendee's calendar in step.

Each person gets their own message with only themselves as the attendee: the candidate does
not learn the interviewers' addresses, nor they the candidate's beyond what they may see.
"""

from dataclasses import dataclass
from email.mime.text import MIMEText
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from ats.notifications import stage_recipient
from interviews.video.ics import CANCEL, Invitation, Person, calendar, meeting_uid, organizer_person
from interviews.video.models import VideoMeeting

CANDIDATE = "candidate"
INVITED, UPDATED, CANCELLED = "invited", "updated", "cancelled"
ICS_FILE_NAME = "invite.ics"


@dataclass(frozen=True)
class Addressee:
    person: Person
    is_candidate: bool


def addressee(meeting: VideoMeeting, recipient: str) -> Addressee | None:
    """`recipient` is "candidate" or an interviewer's user id; None when they have no
    address to write to (an erased account, a deactivated interviewer)."""
    if recipient == CANDIDATE:
        found = stage_recipient(meeting.application)
        if found is None:
            return None
        return Addressee(Person(found.name, found.email), is_candidate=True)
    user = meeting.interviewers.model.objects.filter(pk=recipient, is_active=True).first()
    if user is None or not user.email:
        return None
    return Addressee(Person(user.name, user.email), is_candidate=False)


def _when(meeting: VideoMeeting) -> str:
    zone = ZoneInfo(meeting.timezone)
    local = meeting.starts_at.astimezone(zone)
    text = f"{local:%A %d %B %Y, %H:%M} ({meeting.timezone})"
    if meeting.timezone != "UTC":
        text += f", {meeting.starts_at.astimezone(ZoneInfo('UTC')):%H:%M} UTC"
    return f"{text}, {meeting.duration_minutes} minutes"


def _subject(meeting: VideoMeeting, change: str) -> str:
    job = meeting.application.job
    lead = {INVITED: "Video interview", UPDATED: "Moved", CANCELLED: "Cancelled"}[change]
    company = f" at {job.company}" if job.company else ""
    return f"{lead}: {job.title}{company}"


def _body(meeting: VideoMeeting, change: str, to: Addressee) -> str:
    job = meeting.application.job
    opening = {
        INVITED: f"You are invited to a video interview for the {job.title} role.",
        UPDATED: f"The video interview for the {job.title} role has changed.",
        CANCELLED: f"The video interview for the {job.title} role is cancelled.",
    }[change]
    lines = [f"Hello {to.person.name}," if to.person.name else "Hello,", "", opening, ""]
    if change != CANCELLED:
        lines += [f"When: {_when(meeting)}", f"Join: {meeting.join_url}", ""]
        lines.append("The attached invitation adds it to your calendar.")
    else:
        lines.append("The attached file removes it from your calendar.")
    if not to.is_candidate:
        path = reverse("ats:candidate", args=[meeting.application_id])
        lines += ["", f"Candidate page: {settings.SITE_URL}{path}"]
    return "\n".join([*lines, "", "— Hirewise"])


def invitation(meeting: VideoMeeting, to: Addressee) -> Invitation:
    job = meeting.application.job
    description = f"Video interview for {job.title}. Join: {meeting.join_url}"
    return Invitation(
        uid=meeting_uid(meeting.pk),
        sequence=meeting.sequence,
        summary=meeting.title,
        description=description,
        location=meeting.join_url,
        starts_at=meeting.starts_at,
        duration_minutes=meeting.duration_minutes,
        organizer=organizer_person(meeting.organizer.name if meeting.organizer else ""),
        attendees=(to.person,),
    )


def meeting_email(meeting: VideoMeeting, *, to: Addressee, change: str, method: str):
    """The message, with the calendar file attached as text/calendar; method=…"""
    message = EmailMessage(
        subject=_subject(meeting, change),
        body=_body(meeting, change, to),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to.person.email],
    )
    part = MIMEText(calendar(invitation(meeting, to), method=method), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename=ICS_FILE_NAME)
    message.attach(part)
    return message


def change_for(method: str, sequence: int) -> str:
    if method == CANCEL:
        return CANCELLED
    return INVITED if sequence == 0 else UPDATED
