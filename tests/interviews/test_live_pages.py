"""The live interview pages, the recruiter's invitation from the candidate page, the
candidate-page panel with results and transcript, and the live interviews in a data export."""

from datetime import timedelta

import pytest

from gdpr.models import AuditLogEntry
from gdpr.registry import registry
from gdpr.retention import purge_expired
from interviews.models import LiveInterview, LiveStatus
from interviews.services.live import Start, live_answer, live_initialize
from tests.accounts.factories import CandidateFactory, RecruiterFactory
from tests.ats.factories import ApplicationFactory
from tests.interviews.live_helpers import ANSWER, finished_interview
from tests.jobs.factories import JobFactory
from tests.resumes.factories import ResumeFactory

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def resume():
    return ResumeFactory()


def test_the_candidate_navigation_links_to_the_live_interview(client, resume):
    page = signed_in(client, resume.owner).get("/portal/live-interview/").content.decode()

    assert 'href="/portal/live-interview/" aria-current="page"' in page
    assert "data-live-setup" in page and resume.original_name in page
    assert "/static/js/interviews/live.js" in page
    assert "<script>" not in page and " style=" not in page


def test_without_a_resume_the_page_says_to_upload_one(client):
    page = signed_in(client, CandidateFactory()).get("/portal/live-interview/").content.decode()

    assert "data-live-setup" not in page
    assert "Upload a resume first" in page


def test_the_interview_page_connects_with_its_session(client, resume):
    interview, _ = live_initialize(
        user=resume.owner,
        interview_id=None,
        start=Start(job_id=JobFactory().pk, resume_id=str(resume.pk)),
    )

    page = signed_in(client, resume.owner).get(f"/portal/live-interview/{interview.pk}/")

    html = page.content.decode()
    assert f'data-socket-path="/ws/ai-interview/?session_id={interview.pk}"' in html
    for phase in ("Greeting", "Your experience", "Follow-up", "Scenario", "Scenario follow-up"):
        assert phase in html


def test_another_users_interview_page_is_a_404(client, resume):
    interview = finished_interview(user=resume.owner, job=JobFactory(), resume=resume, answers=1)
    signed_in(client, CandidateFactory())

    assert client.get(f"/portal/live-interview/{interview.pk}/").status_code == 404
    assert client.get(f"/portal/live-interview/{interview.pk}/results/").status_code == 404


def test_a_finished_interview_opens_its_results(client, resume):
    interview = finished_interview(user=resume.owner, job=JobFactory(), resume=resume)
    signed_in(client, resume.owner)

    assert client.get(f"/portal/live-interview/{interview.pk}/").url.endswith("/results/")
    page = client.get(f"/portal/live-interview/{interview.pk}/results/").content.decode()

    assert "Cultural fit" in page and "Problem solving" in page
    assert interview.analysis["overall_feedback"] in page
    assert interview.questions[1]["text"][:40] in page
    assert "5 of 5 questions answered" in page


# --- The recruiter's invitation -------------------------------------------------------------


@pytest.fixture
def application():
    return ApplicationFactory()


def test_a_recruiter_invites_an_applicant_and_the_candidate_is_emailed(
    client, application, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    pushed = []
    monkeypatch.setattr(
        "interviews.notifications.notify_user", lambda **kwargs: pushed.append(kwargs)
    )
    recruiter = application.job.owner
    signed_in(client, recruiter)
    candidate_page = f"/recruiter/applications/{application.pk}/"
    assert "Invite to a live AI interview" in client.get(candidate_page).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/recruiter/applications/{application.pk}/live-interview/")

    assert response.url == candidate_page
    interview = LiveInterview.objects.get(application=application)
    assert (interview.user, interview.status, interview.job) == (
        application.candidate,
        LiveStatus.INVITED,
        application.job,
    )
    assert AuditLogEntry.objects.filter(
        action="live_interview.invited", actor=recruiter, object_id=str(interview.pk)
    ).exists()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [application.candidate.email]
    assert f"/portal/live-interview/{interview.pk}/" in mailoutbox[0].body
    assert pushed == [
        {
            "user_id": application.candidate_id,
            "payload": {
                "type": "live_interview_invited",
                "session_id": str(interview.pk),
                "job_title": application.job.title,
                "url": f"/portal/live-interview/{interview.pk}/",
            },
        }
    ]
    page = client.get(candidate_page).content.decode()
    assert "Invite to a live AI interview" not in page and "No live interview yet" not in page


def test_an_open_invitation_is_not_sent_twice(client, application):
    signed_in(client, application.job.owner)
    url = f"/recruiter/applications/{application.pk}/live-interview/"
    client.post(url)

    client.post(url)

    assert LiveInterview.objects.filter(application=application).count() == 1


def test_another_recruiter_cannot_invite(client, application):
    signed_in(client, RecruiterFactory())

    response = client.post(f"/recruiter/applications/{application.pk}/live-interview/")

    assert response.status_code == 404
    assert not LiveInterview.objects.exists()


def test_the_invited_candidate_sees_the_invitation_and_the_recruiter_reads_the_results(
    client, application
):
    recruiter, candidate = application.job.owner, application.candidate
    signed_in(client, recruiter).post(f"/recruiter/applications/{application.pk}/live-interview/")
    interview = LiveInterview.objects.get()
    home = signed_in(client, candidate).get("/portal/live-interview/").content.decode()
    assert f"/portal/live-interview/{interview.pk}/" in home

    live_initialize(user=candidate, interview_id=interview.pk, start=Start())
    for _ in range(5):
        live_answer(
            user=candidate,
            interview_id=interview.pk,
            question_id=None,
            answer_text=ANSWER,
            time_taken_seconds=30,
        )

    page = signed_in(client, recruiter).get(f"/recruiter/applications/{application.pk}/")
    html = page.content.decode()
    interview.refresh_from_db()
    assert "Live AI interview" in html
    assert interview.analysis["overall_feedback"] in html
    assert "Transcript (12 messages)" in html
    assert ANSWER[:50] in html
    assert "Invite to a live AI interview" in html  # the last one is completed


def test_the_data_export_holds_the_transcripts_and_erasure_removes_them(resume):
    interview = finished_interview(user=resume.owner, job=JobFactory(), resume=resume, answers=2)
    assert "live_interviews" in registry.labels

    exported = registry.export_user(resume.owner)["live_interviews"]

    assert exported[0]["id"] == str(interview.pk)
    assert exported[0]["transcript"][2]["text"] == ANSWER
    registry.erase_user(resume.owner)
    assert not LiveInterview.objects.exists()


def test_live_interviews_past_their_retention_are_purged(resume):
    job = JobFactory()
    old = finished_interview(user=resume.owner, job=job, resume=resume, answers=1)
    recent = finished_interview(user=resume.owner, job=job, resume=resume, answers=1)
    LiveInterview.objects.filter(pk=old.pk).update(
        completed_at=old.completed_at - timedelta(days=366)
    )

    report = purge_expired(dry_run=False)

    assert report["kinds"]["live_interviews"]["count"] == 1
    assert list(LiveInterview.objects.values_list("pk", flat=True)) == [recent.pk]
