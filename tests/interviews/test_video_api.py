from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from ats.stages import Stage
from gdpr.models import AuditLogEntry
from interviews.video.models import MeetingStatus, VideoMeeting
from tests.accounts.factories import CandidateFactory, DomainExpertFactory, RecruiterFactory
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.interviews.video_support import VideoMeetingFactory, calendar_part, in_future
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db
MEETINGS = "/api/v1/video/meetings"


@pytest.fixture
def application():
    return ApplicationFactory(stage=Stage.INTERVIEW_SCHEDULED)


@pytest.fixture
def owner(application):
    return application.job.owner


def schedule(client, application, **changes):
    body = {
        "application_id": str(application.pk),
        "start_time": in_future(days=2).isoformat(),
        "duration_minutes": 45,
        "interviewer_ids": [application.job.owner_id],
        "timezone": "Europe/Paris",
        **changes,
    }
    return client.post(MEETINGS, body, format="json")


def test_without_zoom_a_meeting_gets_an_unguessable_jitsi_room(
    application, owner, settings, django_capture_on_commit_callbacks
):
    settings.ZOOM_ACCOUNT_ID = ""
    settings.JITSI_BASE_URL = "https://jitsi.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        first = schedule(client_for(owner), application)
        second = schedule(client_for(owner), application)

    assert first.status_code == 201, first.json()
    body = first.json()
    assert body["provider"] == "jitsi"
    assert body["join_url"].startswith("https://jitsi.example.org/Hirewise-")
    room = body["join_url"].rsplit("-", 1)[-1]
    assert len(body["join_url"].split("Hirewise-", 1)[1]) >= 22  # 128 random bits
    assert application.job.title not in body["join_url"]
    assert room and second.json()["join_url"] != body["join_url"]
    assert body["status"] == "scheduled" and body["sequence"] == 0
    assert body["interviewers"] == [{"id": owner.pk, "name": owner.name, "email": owner.email}]
    assert AuditLogEntry.objects.filter(action="meeting.scheduled", object_id=body["id"]).exists()


def test_the_candidate_and_interviewers_are_invited_with_a_calendar_file(
    application, owner, django_capture_on_commit_callbacks
):
    expert = DomainExpertFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = schedule(client_for(owner), application, interviewer_ids=[owner.pk, expert.pk])

    assert response.status_code == 201
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {application.applicant_email, owner.email, expert.email}
    to_candidate = sent[application.applicant_email]
    assert to_candidate.subject.startswith("Video interview: ")
    assert response.json()["join_url"] in to_candidate.body
    assert "Candidate page" not in to_candidate.body
    assert "Candidate page" in sent[owner.email].body
    method, text = calendar_part(to_candidate)
    assert method == "REQUEST"
    assert "METHOD:REQUEST" in text
    assert owner.email not in text  # each person sees only themselves as attendee


def test_reschedule_sends_an_update_with_the_next_sequence(
    application, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting_id = schedule(client_for(owner), application).json()["id"]
    mail.outbox.clear()
    later = in_future(days=4).replace(microsecond=0)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(owner).patch(
            f"{MEETINGS}/{meeting_id}",
            {"start_time": later.isoformat(), "duration_minutes": 60},
            format="json",
        )

    assert response.status_code == 200, response.json()
    assert response.json()["sequence"] == 1
    assert response.json()["duration_minutes"] == 60
    assert {message.to[0] for message in mail.outbox} == {application.applicant_email, owner.email}
    message = next(m for m in mail.outbox if m.to == [application.applicant_email])
    assert message.subject.startswith("Moved: ")
    method, text = calendar_part(message)
    assert method == "REQUEST"
    assert "SEQUENCE:1" in text
    assert f"UID:{meeting_id}@hirewise" in text
    assert AuditLogEntry.objects.filter(action="meeting.rescheduled").count() == 1


def test_an_interviewer_taken_off_gets_a_cancellation(
    application, owner, django_capture_on_commit_callbacks
):
    expert = DomainExpertFactory()
    with django_capture_on_commit_callbacks(execute=True):
        meeting_id = schedule(
            client_for(owner), application, interviewer_ids=[owner.pk, expert.pk]
        ).json()["id"]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client_for(owner).patch(
            f"{MEETINGS}/{meeting_id}", {"interviewer_ids": [owner.pk]}, format="json"
        )

    methods = {message.to[0]: calendar_part(message)[0] for message in mail.outbox}
    assert methods == {
        application.applicant_email: "REQUEST",
        owner.email: "REQUEST",
        expert.email: "CANCEL",
    }


def test_cancel_tells_everyone_and_the_meeting_stays_as_cancelled(
    application, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting_id = schedule(client_for(owner), application).json()["id"]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(owner).delete(f"{MEETINGS}/{meeting_id}")

    assert response.status_code == 204
    meeting = VideoMeeting.objects.get(pk=meeting_id)
    assert meeting.status == MeetingStatus.CANCELLED and meeting.sequence == 1
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert message.subject.startswith("Cancelled: ")
        method, text = calendar_part(message)
        assert method == "CANCEL"
        assert "METHOD:CANCEL" in text and "STATUS:CANCELLED" in text
    again = client_for(owner).delete(f"{MEETINGS}/{meeting_id}")
    assert again.status_code == 409
    assert again.json()["error_code"] == "meeting_not_changeable"
    moved = client_for(owner).patch(
        f"{MEETINGS}/{meeting_id}", {"duration_minutes": 30}, format="json"
    )
    assert moved.status_code == 409


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start_time": "2020-01-01T09:00:00+00:00"}, "start_time"),
        ({"start_time": "2030-01-01T09:00:00"}, "start_time"),  # no UTC offset
        ({"start_time": "tomorrow"}, "start_time"),
        ({"duration_minutes": 5}, "duration_minutes"),
        ({"duration_minutes": 481}, "duration_minutes"),
        ({"interviewer_ids": []}, "interviewer_ids"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"interviewer_ids": "all"}, "interviewer_ids"),
    ],
)
def test_invalid_input_is_a_400_and_schedules_nothing(application, owner, changes, field):
    response = schedule(client_for(owner), application, **changes)

    assert response.status_code == 400
    body = response.json()
    assert body["error_code"] == "validation_error"
    assert field in body["errors"]
    assert not VideoMeeting.objects.exists()
    assert not mail.outbox


def test_a_start_over_a_year_ahead_is_refused(application, owner):
    response = schedule(
        client_for(owner),
        application,
        start_time=(timezone.now() + timedelta(days=400)).isoformat(),
    )
    assert response.status_code == 400
    assert "start_time" in response.json()["errors"]


def test_an_interviewer_from_outside_the_hiring_side_is_refused(application, owner):
    other_company = JobFactory(company="Other Corp").owner
    candidate = CandidateFactory()
    no_jobs = RecruiterFactory()

    for stranger in (other_company, candidate, no_jobs):
        response = schedule(client_for(owner), application, interviewer_ids=[owner.pk, stranger.pk])
        assert response.status_code == 400
        assert str(stranger.pk) in response.json()["errors"]["interviewer_ids"][0]
    assert not VideoMeeting.objects.exists()


def test_a_colleague_of_the_same_company_may_interview(application, owner):
    colleague = JobFactory(company=application.job.company.upper()).owner

    response = schedule(client_for(owner), application, interviewer_ids=[colleague.pk])

    assert response.status_code == 201
    assert response.json()["interviewers"][0]["id"] == colleague.pk


def test_another_recruiters_application_is_a_404(application):
    outsider = RecruiterFactory()

    response = schedule(client_for(outsider), application, interviewer_ids=[outsider.pk])

    assert response.status_code == 404
    assert response.json()["error_code"] == "application_not_found"


def test_another_recruiters_meeting_is_a_404_everywhere(application):
    meeting = VideoMeetingFactory(application=application)
    outsider = client_for(RecruiterFactory())
    url = f"{MEETINGS}/{meeting.pk}"

    assert outsider.get(url).status_code == 404
    assert outsider.patch(url, {"duration_minutes": 30}, format="json").status_code == 404
    assert outsider.delete(url).status_code == 404
    assert outsider.get(MEETINGS).json()["total"] == 0
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_an_interviewer_sees_the_meeting_but_cannot_change_it(application):
    expert = DomainExpertFactory()
    meeting = VideoMeetingFactory(application=application)
    meeting.interviewers.add(expert)
    client = client_for(expert)

    assert client.get(f"{MEETINGS}/{meeting.pk}").status_code == 200
    assert client.get(MEETINGS).json()["total"] == 1
    assert client.delete(f"{MEETINGS}/{meeting.pk}").status_code == 404


def test_candidates_may_not_use_the_meetings_api(application):
    response = client_for(application.candidate).get(MEETINGS)
    assert response.status_code == 403


def test_the_list_splits_upcoming_and_past(application, owner, django_assert_max_num_queries):
    soon = VideoMeetingFactory(application=application, starts_at=in_future(days=1))
    later = VideoMeetingFactory(application=application, starts_at=in_future(days=3))
    past = VideoMeetingFactory(
        application=application, starts_at=timezone.now() - timedelta(days=2)
    )
    cancelled = VideoMeetingFactory(
        application=application, starts_at=in_future(days=2), status=MeetingStatus.CANCELLED
    )
    client = client_for(owner)

    with django_assert_max_num_queries(8):
        upcoming = client.get(MEETINGS, {"when": "upcoming"}).json()
    past_page = client.get(MEETINGS, {"when": "past"}).json()

    assert [item["id"] for item in upcoming["items"]] == [str(soon.pk), str(later.pk)]
    assert [item["id"] for item in past_page["items"]] == [str(cancelled.pk), str(past.pk)]
    assert client.get(MEETINGS, {"when": "soon"}).status_code == 400


def test_a_patch_without_fields_is_a_400(application, owner):
    meeting = VideoMeetingFactory(application=application)
    response = client_for(owner).patch(f"{MEETINGS}/{meeting.pk}", {}, format="json")
    assert response.status_code == 400


def test_recordings_are_listed_for_those_who_see_the_meeting(application, owner):
    meeting = VideoMeetingFactory(application=application)
    meeting.recordings.create(
        external_id="file-1",
        recording_type="shared_screen_with_speaker_view",
        file_type="MP4",
        play_url="https://zoom.test/rec/play/1",
    )

    mine = client_for(owner).get("/api/v1/video/recordings").json()
    theirs = client_for(RecruiterFactory()).get("/api/v1/video/recordings").json()

    assert [item["play_url"] for item in mine["items"]] == ["https://zoom.test/rec/play/1"]
    assert mine["items"][0]["meeting_id"] == str(meeting.pk)
    assert theirs["total"] == 0
