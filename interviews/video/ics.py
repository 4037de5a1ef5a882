"""Calendar invitations (RFC 5545 / iTIP): one VEVENT per meeting, updated in place.

The UID is the meeting's id, so every later message replaces the same calendar entry; a
higher SEQUENCE tells calendars which message is newer. Times are UTC. Text values are
escaped and lines folded at 75 octets without splitting a UTF-8 character.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone

REQUEST, CANCEL = "REQUEST", "CANCEL"
PRODID = "-//Hirewise//Video interviews//EN"
UID_DOMAIN = "hirewise"
LINE_OCTETS = 75


@dataclass(frozen=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True)
class Invitation:
    uid: str
    sequence: int
    summary: str
    description: str
    location: str
    starts_at: datetime
    duration_minutes: int
    organizer: Person
    attendees: tuple[Person, ...]


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def escape_param(value: str) -> str:
    """A parameter value (CN=): quoted, without the characters a quoted value cannot hold."""
    cleaned = "".join(ch for ch in value if ch not in '"\r\n' and ord(ch) >= 32)
    return f'"{cleaned}"'


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, continued by CRLF + space."""
    encoded = line.encode()
    if len(encoded) <= LINE_OCTETS:
        return line
    chunks, current, limit = [], b"", LINE_OCTETS
    for char in line:
        piece = char.encode()
        if len(current) + len(piece) > limit:
            chunks.append(current.decode())
            current, limit = b"", LINE_OCTETS - 1  # the leading space counts
        current += piece
    chunks.append(current.decode())
    return "\r\n ".join(chunks)


def ics_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def meeting_uid(meeting_id) -> str:
    return f"{meeting_id}@{UID_DOMAIN}"


def _person(prop: str, person: Person, extra: str = "") -> str:
    return f"{prop};CN={escape_param(person.name or person.email)}{extra}:mailto:{person.email}"


def calendar(invitation: Invitation, *, method: str) -> str:
    """The whole VCALENDAR text, CRLF line endings, for METHOD:REQUEST or METHOD:CANCEL."""
    cancelled = method == CANCEL
    ends_at = invitation.starts_at + timedelta(minutes=invitation.duration_minutes)
    attendee = ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE"
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{invitation.uid}",
        f"SEQUENCE:{invitation.sequence}",
        f"DTSTAMP:{ics_time(timezone.now())}",
        f"DTSTART:{ics_time(invitation.starts_at)}",
        f"DTEND:{ics_time(ends_at)}",
        f"SUMMARY:{escape_text(invitation.summary)}",
        f"DESCRIPTION:{escape_text(invitation.description)}",
        f"LOCATION:{escape_text(invitation.location)}",
        f"URL:{invitation.location}",
        _person("ORGANIZER", invitation.organizer),
        *(_person("ATTENDEE", person, attendee) for person in invitation.attendees),
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)


def organizer_person(name: str) -> Person:
    """Replies go to the platform's address: the recruiter's own stays private."""
    platform_name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return Person(name=name or platform_name or "Hirewise", email=address)
