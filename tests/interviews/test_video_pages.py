from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from ats.stages import Stage
from interviews.video.models import MeetingStatus, VideoMeeting
from interviews.video.panel import video_panel
from tests.accounts.factories import RecruiterFactory
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.interviews.video_support import VideoMeetingFactory, calendar_part

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    return ApplicationFactory(stage=Stage.UNDER_REVIEW)


@pytest.fixture
def owner(application, client):
    client.force_login(application.job.owner)
    return application.job.owner


def local(days: int) -> str:
    return (timezone.now() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def form_data(owner, **changes):
    return {
        "meeting-start": local(3),
        "meeting-timezone": "America/New_York",
        "meeting-duration_minutes": "30",
        "meeting-interviewers": [str(owner.pk)],
        **changes,
    }


def test_the_candidate_page_offers_the_schedule_form(client, owner, application):
    page = client.get(reverse("ats:candidate", args=[application.pk]))

    assert page.status_code == 200
    html = page.content.decode()
    assert "Video interviews" in html
    assert reverse("video:schedule", args=[application.pk]) in html
    assert 'name="meeting-start"' in html and 'type="datetime-local"' in html


def test_scheduling_from_the_candidate_page_invites_everyone(
    client, owner, application, django_capture_on_commit_callbacks
):
    url = reverse("video:schedule", args=[application.pk])
    back = reverse("ats:candidate", args=[application.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**form_data(owner), "next": back})

    assert response.status_code == 302 and response.url == back
    meeting = VideoMeeting.objects.get()
    assert meeting.timezone == "America/New_York"
    typed = timezone.now() + timedelta(days=3)
    local_start = meeting.starts_at.astimezone(ZoneInfo("America/New_York"))
    assert local_start.strftime("%Y-%m-%dT%H:%M") == typed.strftime("%Y-%m-%dT%H:%M")
    assert {message.to[0] for message in mail.outbox} == {application.applicant_email, owner.email}
    assert calendar_part(mail.outbox[0])[0] == "REQUEST"
    page = client.get(back).content.decode()
    assert meeting.join_url in page


def test_a_past_start_comes_back_on_the_form(client, owner, application):
    url = reverse("video:schedule", args=[application.pk])

    response = client.post(url, form_data(owner, **{"meeting-start": local(-1)}))

    assert response.status_code == 200
    assert "has passed" in response.content.decode()
    assert not VideoMeeting.objects.exists()


def test_moving_to_interview_scheduled_on_the_board_offers_the_form(client, owner, application):
    board = reverse("ats:board", args=[application.job_id])

    moved = client.post(
        reverse("ats:move", args=[application.pk]),
        {"stage": Stage.INTERVIEW_SCHEDULED, "from_stage": Stage.UNDER_REVIEW},
        follow=True,
    )

    schedule = reverse("video:schedule", args=[application.pk])
    offer = f"{schedule}?{urlencode({'next': board})}"
    html = moved.content.decode()
    assert "Schedule a video interview" in html
    assert f'href="{offer.replace("&", "&amp;")}"' in html
    form = client.get(offer)
    assert form.status_code == 200
    assert f'name="next" value="{board}"' in form.content.decode()


def test_the_board_script_gets_the_offer_too(client, owner, application):
    response = client.post(
        reverse("ats:move", args=[application.pk]),
        {"stage": Stage.INTERVIEW_SCHEDULED, "from_stage": Stage.UNDER_REVIEW},
        HTTP_ACCEPT="application/json",
    )

    (offer,) = response.json()["followups"]
    assert offer["link_label"] == "Schedule a video interview"
    assert offer["url"].startswith(reverse("video:schedule", args=[application.pk]))


def test_other_moves_offer_no_meeting(client, owner, application):
    response = client.post(
        reverse("ats:move", args=[application.pk]),
        {"stage": Stage.REJECTED, "from_stage": Stage.UNDER_REVIEW, "note": "No"},
        HTTP_ACCEPT="application/json",
    )
    assert response.json()["followups"] == []


def test_another_recruiters_pages_are_404(client, application):
    meeting = VideoMeetingFactory(application=application)
    client.force_login(RecruiterFactory())

    assert client.get(reverse("video:schedule", args=[application.pk])).status_code == 404
    assert client.get(reverse("video:reschedule", args=[meeting.pk])).status_code == 404
    assert client.post(reverse("video:cancel", args=[meeting.pk])).status_code == 404
    assert str(meeting.pk) not in client.get(reverse("video:meetings")).content.decode()


def test_the_meetings_list_reschedules_and_cancels(
    client, owner, application, django_capture_on_commit_callbacks
):
    meeting = VideoMeetingFactory(application=application)
    meeting.interviewers.add(owner)
    listing = client.get(reverse("video:meetings")).content.decode()
    assert meeting.join_url in listing
    assert reverse("video:reschedule", args=[meeting.pk]) in listing

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("video:reschedule", args=[meeting.pk]),
            form_data(owner, **{"meeting-start": local(6)}),
        )
    meeting.refresh_from_db()
    assert meeting.sequence == 1 and meeting.duration_minutes == 30

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("video:cancel", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert calendar_part(mail.outbox[-1])[0] == "CANCEL"


def test_the_candidate_sees_their_upcoming_interviews(client, application):
    upcoming = VideoMeetingFactory(application=application)
    VideoMeetingFactory(application=application, status=MeetingStatus.CANCELLED)
    VideoMeetingFactory(application=application, starts_at=timezone.now() - timedelta(days=1))
    someone_elses = VideoMeetingFactory()
    client.force_login(application.candidate)

    html = client.get(reverse("video:my_meetings")).content.decode()

    assert upcoming.join_url in html
    assert html.count("Join the interview") == 1
    assert someone_elses.join_url not in html


def test_the_panel_reads_a_fixed_number_of_queries(application, django_assert_num_queries):
    """Two reads whatever the number of meetings: the meetings and their interviewers."""
    for _ in range(3):
        meeting = VideoMeetingFactory(application=application)
        meeting.interviewers.add(application.job.owner)

    with django_assert_num_queries(2):
        panel = video_panel(application=application, user=application.job.owner)

    assert len(panel.data["meetings"]) == 3
    assert panel.data["can_schedule"] is True


def test_the_candidate_api_returns_the_panel_as_json(application):
    VideoMeetingFactory(application=application)
    response = client_for(application.job.owner).get(f"/api/v1/ats/candidates/{application.pk}")

    assert response.status_code == 200
    (row,) = response.json()["panels"]["video"]["meetings"]
    assert row["status"] == "scheduled"
