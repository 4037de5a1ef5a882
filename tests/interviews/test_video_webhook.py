import hashlib
import hmac
import json
from datetime import UTC, datetime

import pytest
from django.utils import timezone

from interviews.video.models import MeetingProvider, MeetingRecording, MeetingStatus
from tests.interviews.video_support import VideoMeetingFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/video/zoom/webhook"
SECRET = "whsec-test"
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _secret_and_clock(settings, monkeypatch):
    settings.ZOOM_WEBHOOK_SECRET = SECRET
    monkeypatch.setattr(timezone, "now", lambda: NOW)


def signed(body: bytes, *, timestamp: int | None = None, secret: str = SECRET) -> dict:
    stamp = str(int(NOW.timestamp()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body.decode()}".encode(), hashlib.sha256)
    return {"HTTP_X_ZM_SIGNATURE": f"v0={digest.hexdigest()}", "HTTP_X_ZM_REQUEST_TIMESTAMP": stamp}


def deliver(api_client, event: dict, **headers):
    body = json.dumps(event).encode()
    headers = headers or signed(body)
    return api_client.post(URL, body, content_type="application/json", **headers)


@pytest.fixture
def zoom_meeting():
    return VideoMeetingFactory(
        provider=MeetingProvider.ZOOM, external_id="85012345678", starts_at=NOW
    )


def ended(meeting_id="85012345678"):
    return {
        "event": "meeting.ended",
        "payload": {"object": {"id": meeting_id, "end_time": "2026-12-07T09:50:00Z"}},
    }


def test_the_url_validation_challenge_is_answered(api_client):
    response = deliver(
        api_client, {"event": "endpoint.url_validation", "payload": {"plainToken": "abc123"}}
    )

    assert response.status_code == 200
    expected = hmac.new(SECRET.encode(), b"abc123", hashlib.sha256).hexdigest()
    assert response.json() == {"plainToken": "abc123", "encryptedToken": expected}


def test_meeting_ended_is_recorded_once(api_client, zoom_meeting):
    first = deliver(api_client, ended())
    zoom_meeting.refresh_from_db()
    assert first.status_code == 200 and first.json() == {"event": "meeting.ended", "recorded": True}
    assert zoom_meeting.status == MeetingStatus.ENDED
    assert zoom_meeting.ended_at == datetime(2026, 12, 7, 9, 50, tzinfo=UTC)

    again = {
        **ended(),
        "payload": {"object": {"id": "85012345678", "end_time": "2026-12-07T11:00:00Z"}},
    }
    assert deliver(api_client, again).status_code == 200
    zoom_meeting.refresh_from_db()
    assert zoom_meeting.ended_at == datetime(2026, 12, 7, 9, 50, tzinfo=UTC)


def test_an_event_for_a_meeting_not_ours_is_acknowledged(api_client, zoom_meeting):
    response = deliver(api_client, ended("999"))
    assert response.status_code == 200
    assert response.json()["recorded"] is False
    zoom_meeting.refresh_from_db()
    assert zoom_meeting.status == MeetingStatus.SCHEDULED


def test_recording_completed_keeps_each_file_once(api_client, zoom_meeting):
    event = {
        "event": "recording.completed",
        "payload": {
            "object": {
                "id": 85012345678,
                "recording_files": [
                    {
                        "id": "file-a",
                        "recording_type": "shared_screen_with_speaker_view",
                        "file_type": "MP4",
                        "file_size": 1048576,
                        "play_url": "https://zoom.us/rec/play/a",
                        "download_url": "https://zoom.us/rec/download/a",
                        "recording_start": "2026-12-07T09:01:00Z",
                        "recording_end": "2026-12-07T09:49:00Z",
                    },
                    {"id": "file-b", "file_type": "M4A", "play_url": "javascript:alert(1)"},
                    "not a file",
                ],
            }
        },
    }

    assert deliver(api_client, event).json() == {"event": "recording.completed", "recorded": True}
    assert deliver(api_client, event).json()["recorded"] is False  # redelivery

    files = {item.external_id: item for item in MeetingRecording.objects.all()}
    assert set(files) == {"file-a", "file-b"}
    assert files["file-a"].meeting == zoom_meeting
    assert files["file-a"].play_url == "https://zoom.us/rec/play/a"
    assert files["file-a"].file_size == 1048576
    assert files["file-b"].play_url == ""  # only web links are kept


def test_a_wrong_signature_is_a_401(api_client, zoom_meeting):
    body = json.dumps(ended()).encode()
    response = api_client.post(
        URL, body, content_type="application/json", **signed(body, secret="guessed")
    )

    assert response.status_code == 401
    assert response.json()["error_code"] == "webhook_signature_invalid"
    assert set(response.json()) >= {"detail", "error_code", "timestamp"}
    zoom_meeting.refresh_from_db()
    assert zoom_meeting.status == MeetingStatus.SCHEDULED


def test_a_signature_of_another_body_is_a_401(api_client, zoom_meeting):
    headers = signed(json.dumps(ended("1")).encode())
    assert deliver(api_client, ended(), **headers).status_code == 401


def test_a_missing_signature_is_a_401(api_client):
    response = api_client.post(URL, json.dumps(ended()), content_type="application/json")
    assert response.status_code == 401
    assert response.json()["error_code"] == "webhook_signature_invalid"


def test_a_stale_timestamp_is_a_401_even_when_signed(api_client, zoom_meeting):
    body = json.dumps(ended()).encode()
    stale = int(NOW.timestamp()) - 301
    response = api_client.post(
        URL, body, content_type="application/json", **signed(body, timestamp=stale)
    )
    assert response.status_code == 401
    assert "too old" in response.json()["detail"]


def test_without_a_secret_every_delivery_is_refused(api_client, settings):
    settings.ZOOM_WEBHOOK_SECRET = ""
    response = deliver(
        api_client, {"event": "endpoint.url_validation", "payload": {"plainToken": "x"}}
    )
    assert response.status_code == 401
    assert response.json()["error_code"] == "webhook_not_configured"


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'{"payload": {}}'])
def test_a_signed_body_that_is_not_an_event_is_a_400(api_client, body):
    response = api_client.post(URL, body, content_type="application/json", **signed(body))
    assert response.status_code == 400
    assert response.json()["error_code"] == "webhook_body_invalid"


def test_a_challenge_without_a_token_is_a_400(api_client):
    response = deliver(api_client, {"event": "endpoint.url_validation", "payload": {}})
    assert response.status_code == 400
