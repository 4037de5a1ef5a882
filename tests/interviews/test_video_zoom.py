import base64

import httpx
import pytest

from gdpr.models import AuditLogEntry
from interviews.video.errors import VideoProviderRejected, VideoProviderUnavailable
from interviews.video.models import MeetingProvider, VideoMeeting
from interviews.video.services import meeting_cancel, meeting_reschedule, meeting_schedule
from interviews.video.zoom import ZoomClient
from tests.ats.factories import ApplicationFactory
from tests.interviews.video_support import ZOOM_SETTINGS, FakeZoom, in_future, sent_json


@pytest.fixture
def zoom_settings(settings):
    for name, value in ZOOM_SETTINGS.items():
        setattr(settings, name, value)
    return settings


@pytest.fixture
def fake():
    return FakeZoom()


@pytest.fixture
def slept():
    return []


@pytest.fixture
def zoom(fake, slept):
    return ZoomClient(transport=fake.transport, sleep=slept.append)


def details(**changes):
    return {
        "topic": "Interview: Backend Engineer",
        "starts_at": in_future(days=1),
        "duration_minutes": 45,
        "timezone": "Europe/Paris",
        "agenda": "Video interview.",
        **changes,
    }


def test_the_token_comes_from_the_account_credentials_grant(zoom_settings, zoom, fake):
    zoom.create_meeting(**details())

    (token_request,) = fake.calls("/oauth/token")
    assert token_request.method == "POST"
    assert token_request.url.params["grant_type"] == "account_credentials"
    assert token_request.url.params["account_id"] == "acct-1"
    basic = base64.b64encode(b"client-1:secret-1").decode()
    assert token_request.headers["Authorization"] == f"Basic {basic}"
    (create,) = fake.calls("/v2/users/me/meetings")
    assert create.headers["Authorization"] == "Bearer tok-1"


def test_the_token_is_reused_until_it_expires(zoom_settings, zoom, fake):
    zoom.create_meeting(**details())
    zoom.create_meeting(**details())
    ZoomClient(transport=fake.transport).update_meeting("8000000001", **details())

    assert len(fake.calls("/oauth/token")) == 1
    assert len(fake.calls("/v2/users/me/meetings")) == 2


def test_a_revoked_token_is_replaced_once(zoom_settings, zoom, fake):
    zoom.create_meeting(**details())
    fake.script["/v2/users/me/meetings"] = [httpx.Response(401, json={"message": "expired"})]
    fake.script["/oauth/token"] = [
        httpx.Response(200, json={"access_token": "tok-2", "expires_in": 3600})
    ]

    created = zoom.create_meeting(**details())

    assert created.join_url.startswith("https://zoom.test/j/")
    last = fake.calls("/v2/users/me/meetings")[-1]
    assert last.headers["Authorization"] == "Bearer tok-2"


def test_create_sends_the_time_in_utc_and_no_personal_data(zoom_settings, zoom, fake):
    created = zoom.create_meeting(**details(starts_at=in_future(days=3)))

    body = sent_json(fake.calls("/v2/users/me/meetings")[0])
    assert body["type"] == 2
    assert body["start_time"].endswith("Z")
    assert body["duration"] == 45
    assert body["timezone"] == "Europe/Paris"
    assert created.id == "8000000001"
    assert created.join_url == "https://zoom.test/j/8000000001"


def test_a_429_is_retried_after_the_wait_zoom_asks_for(zoom_settings, zoom, fake, slept):
    fake.script["/v2/users/me/meetings"] = [
        httpx.Response(429, headers={"Retry-After": "7"}, json={"message": "slow down"})
    ]

    created = zoom.create_meeting(**details())

    assert slept == [7.0]
    assert len(fake.calls("/v2/users/me/meetings")) == 2
    assert created.id == "8000000001"


@pytest.mark.django_db
def test_a_zoom_server_error_schedules_nothing(zoom_settings, zoom, fake, slept):
    application = ApplicationFactory()
    fake.script["/v2/users/me/meetings"] = [httpx.Response(503, json={"message": "down"})]

    with pytest.raises(VideoProviderUnavailable) as caught:
        meeting_schedule(
            user=application.job.owner,
            application_id=application.pk,
            starts_at=in_future(),
            duration_minutes=45,
            interviewer_ids=[application.job.owner_id],
            zoom=zoom,
        )

    assert "Zoom answered HTTP 503" in caught.value.detail
    assert "Nothing was changed" in caught.value.detail
    assert caught.value.status_code == 502
    assert not VideoMeeting.objects.exists()
    assert not AuditLogEntry.objects.filter(action="meeting.scheduled").exists()
    assert slept == []  # a POST that may have reached Zoom is not sent twice


@pytest.mark.django_db
def test_refused_credentials_are_a_clear_error(zoom_settings, zoom, fake):
    application = ApplicationFactory()
    fake.script["/oauth/token"] = [httpx.Response(401, json={"reason": "Invalid client_id"})]

    with pytest.raises(VideoProviderRejected) as caught:
        meeting_schedule(
            user=application.job.owner,
            application_id=application.pk,
            starts_at=in_future(),
            duration_minutes=45,
            interviewer_ids=[application.job.owner_id],
            zoom=zoom,
        )

    assert "ZOOM_CLIENT_ID" in caught.value.detail
    assert not VideoMeeting.objects.exists()


@pytest.mark.django_db
def test_a_zoom_meeting_is_created_moved_and_deleted_at_zoom(
    zoom_settings, zoom, fake, django_capture_on_commit_callbacks
):
    application = ApplicationFactory()
    owner = application.job.owner
    with django_capture_on_commit_callbacks(execute=True):
        meeting = meeting_schedule(
            user=owner,
            application_id=application.pk,
            starts_at=in_future(),
            duration_minutes=45,
            interviewer_ids=[owner.pk],
            zoom=zoom,
        )
    assert meeting.provider == MeetingProvider.ZOOM
    assert meeting.external_id == "8000000001"
    assert meeting.join_url == "https://zoom.test/j/8000000001"
    meeting.refresh_from_db()
    assert meeting.host_url.endswith("zak=secret")  # kept (encrypted) for the host

    new_start = in_future(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_reschedule(user=owner, meeting_id=meeting.pk, starts_at=new_start, zoom=zoom)
    (patch,) = fake.calls("/v2/meetings/8000000001", "PATCH")
    assert sent_json(patch)["start_time"] == new_start.strftime("%Y-%m-%dT%H:%M:%SZ")

    with django_capture_on_commit_callbacks(execute=True):
        meeting_cancel(user=owner, meeting_id=meeting.pk, zoom=zoom)
    assert len(fake.calls("/v2/meetings/8000000001", "DELETE")) == 1


@pytest.mark.django_db
def test_a_failed_move_at_zoom_keeps_the_meeting_as_it_was(zoom_settings, zoom, fake):
    application = ApplicationFactory()
    owner = application.job.owner
    meeting = meeting_schedule(
        user=owner,
        application_id=application.pk,
        starts_at=in_future(),
        duration_minutes=45,
        interviewer_ids=[owner.pk],
        zoom=zoom,
    )
    fake.script["/v2/meetings/8000000001"] = [httpx.Response(500)] * 4

    with pytest.raises(VideoProviderUnavailable):
        meeting_reschedule(user=owner, meeting_id=meeting.pk, duration_minutes=60, zoom=zoom)

    meeting.refresh_from_db()
    assert (meeting.duration_minutes, meeting.sequence) == (45, 0)
