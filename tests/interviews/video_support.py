"""Shared pieces of the video-meeting tests: a fake Zoom at the HTTP boundary, factories,
and a small iCalendar reader to check what the invitations say."""

import json
from datetime import timedelta

import factory
import httpx
from django.utils import timezone

from interviews.video.models import MeetingProvider, VideoMeeting
from tests.ats.factories import ApplicationFactory

ZOOM_SETTINGS = {
    "ZOOM_ACCOUNT_ID": "acct-1",
    "ZOOM_CLIENT_ID": "client-1",
    "ZOOM_CLIENT_SECRET": "secret-1",
    "ZOOM_API_URL": "https://zoom.test/v2",
    "ZOOM_OAUTH_URL": "https://zoom.test/oauth/token",
}


class FakeZoom:
    """Answers Zoom's token and meeting endpoints; `script` queues special answers per path
    (e.g. a 429 before success), and every request is kept for the test to inspect."""

    def __init__(self):
        self.requests: list[httpx.Request] = []
        self.script: dict[str, list[httpx.Response]] = {}
        self.created = 0
        self.transport = httpx.MockTransport(self.handle)

    def calls(self, path: str, method: str | None = None) -> list[httpx.Request]:
        return [
            r
            for r in self.requests
            if r.url.path == path and (method is None or r.method == method)
        ]

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        queued = self.script.get(request.url.path)
        if queued:
            return queued.pop(0)
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "tok-1", "expires_in": 3600})
        if request.url.path == "/v2/users/me/meetings":
            self.created += 1
            meeting_id = 8_000_000_000 + self.created
            return httpx.Response(
                201,
                json={
                    "id": meeting_id,
                    "join_url": f"https://zoom.test/j/{meeting_id}",
                    "start_url": f"https://zoom.test/s/{meeting_id}?zak=secret",
                },
            )
        if request.url.path.startswith("/v2/meetings/"):
            return httpx.Response(204)
        return httpx.Response(404, json={"message": "not here"})


def sent_json(request: httpx.Request) -> dict:
    return json.loads(request.content)


def in_future(**delta):
    return timezone.now() + timedelta(**(delta or {"days": 2}))


class VideoMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VideoMeeting
        skip_postgeneration_save = True

    application = factory.SubFactory(ApplicationFactory)
    organizer = factory.SelfAttribute("application.job.owner")
    title = "Interview"
    provider = MeetingProvider.JITSI
    join_url = factory.Sequence(lambda n: f"https://meet.jit.si/Hirewise-room{n}")
    starts_at = factory.LazyFunction(in_future)
    duration_minutes = 45


def unfold(text: str) -> list[str]:
    """RFC 5545 content lines: CRLF endings, continuation lines start with a space."""
    assert "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(char)
    return "".join(out)


def parse_ics(text: str) -> dict:
    """{"METHOD": ..., "VEVENT": {name: [(params, value)]}} — enough to read an invitation."""
    calendar: dict = {"VEVENT": {}}
    inside = False
    for line in unfold(text):
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        if line == "BEGIN:VEVENT":
            inside = True
        elif line == "END:VEVENT":
            inside = False
        elif inside:
            calendar["VEVENT"].setdefault(name, []).append((params, value))
        else:
            calendar[name] = value
    return calendar


def event_value(calendar: dict, name: str) -> str:
    return unescape(calendar["VEVENT"][name][0][1])


def calendar_part(message):
    """The text/calendar attachment of a sent email: (method param, text)."""
    for part in message.attachments:
        if getattr(part, "get_content_type", lambda: "")() == "text/calendar":
            return part.get_param("method"), part.get_payload(decode=True).decode()
    raise AssertionError("no calendar attachment")
