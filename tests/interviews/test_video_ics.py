from datetime import UTC, datetime

from django.utils import timezone

from interviews.video.ics import CANCEL, REQUEST, Invitation, Person, calendar, escape_text, fold
from tests.interviews.video_support import event_value, parse_ics, unfold

START = datetime(2027, 3, 28, 0, 30, tzinfo=UTC)  # the night Europe moves to summer time


def invitation(**changes) -> Invitation:
    fields = {
        "uid": "6f1c@hirewise",
        "sequence": 0,
        "summary": "Interview: Backend, Payments; Platform \\ Core",
        "description": "Join: https://meet.jit.si/Hirewise-abc\nBring, your; questions",
        "location": "https://meet.jit.si/Hirewise-abc",
        "starts_at": START,
        "duration_minutes": 90,
        "organizer": Person("Riya Recruiter", "no-reply@hirewise.local"),
        "attendees": (Person('Zoë "Z" Müller-Łukasiewicz', "zoe@example.com"),),
    }
    return Invitation(**{**fields, **changes})


def test_a_request_parses_back_to_the_meeting(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: datetime(2027, 3, 1, 12, 0, tzinfo=UTC))
    text = calendar(invitation(), method=REQUEST)
    parsed = parse_ics(text)

    assert parsed["METHOD"] == "REQUEST"
    assert parsed["VERSION"] == "2.0"
    assert event_value(parsed, "UID") == "6f1c@hirewise"
    assert event_value(parsed, "SEQUENCE") == "0"
    assert event_value(parsed, "DTSTART") == "20270328T003000Z"
    assert event_value(parsed, "DTEND") == "20270328T020000Z"
    assert event_value(parsed, "DTSTAMP") == "20270301T120000Z"
    assert event_value(parsed, "SUMMARY") == "Interview: Backend, Payments; Platform \\ Core"
    assert event_value(parsed, "DESCRIPTION") == (
        "Join: https://meet.jit.si/Hirewise-abc\nBring, your; questions"
    )
    assert event_value(parsed, "STATUS") == "CONFIRMED"
    (attendee,) = parsed["VEVENT"]["ATTENDEE"]
    params, value = attendee
    assert value == "mailto:zoe@example.com"
    assert 'CN="Zoë Z Müller-Łukasiewicz"' in params
    assert "RSVP=TRUE" in params


def test_a_cancellation_keeps_the_uid_and_says_cancelled():
    parsed = parse_ics(calendar(invitation(sequence=3), method=CANCEL))

    assert parsed["METHOD"] == "CANCEL"
    assert event_value(parsed, "UID") == "6f1c@hirewise"
    assert event_value(parsed, "SEQUENCE") == "3"
    assert event_value(parsed, "STATUS") == "CANCELLED"


def test_lines_are_crlf_and_folded_at_75_octets_without_splitting_characters():
    long_summary = "Entretien vidéo — équipe plateforme « paiements » " * 6
    text = calendar(invitation(summary=long_summary), method=REQUEST)

    physical = text.split("\r\n")
    assert physical[-1] == ""
    assert all(len(line.encode()) <= 75 for line in physical)
    assert any(line.startswith(" ") for line in physical)
    assert event_value(parse_ics(text), "SUMMARY") == long_summary
    assert len(unfold(text)) < len(physical)


def test_escaping_and_folding_helpers():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert fold("x" * 75) == "x" * 75
    assert fold("x" * 76) == "x" * 75 + "\r\n x"
    folded = fold("é" * 40)  # 80 octets: the first line ends before a whole character
    assert [len(part.encode()) for part in folded.split("\r\n ")] == [74, 6]
