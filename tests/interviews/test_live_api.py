"""/api/v1/ai-interview/: status, results, deletion and health; another user's interview is
a 404 everywhere."""

import uuid

import pytest
from rest_framework.test import APIClient

from gdpr.models import AuditLogEntry
from interviews.models import LiveInterview
from interviews.services.live import Start, live_initialize, live_invite
from tests.accounts.factories import CandidateFactory
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.interviews.live_helpers import finished_interview
from tests.jobs.factories import JobFactory
from tests.resumes.factories import ResumeFactory

pytestmark = pytest.mark.django_db

BASE = "/api/v1/ai-interview"


@pytest.fixture
def resume():
    return ResumeFactory()


@pytest.fixture
def job():
    return JobFactory()


def started(resume, job):
    interview, _ = live_initialize(
        user=resume.owner, interview_id=None, start=Start(job_id=job.pk, resume_id=str(resume.pk))
    )
    return interview


def test_status_reports_progress_of_five(resume, job):
    interview = finished_interview(user=resume.owner, job=job, resume=resume, answers=5)
    fresh = started(resume, job)
    client = client_for(resume.owner)

    body = client.get(f"{BASE}/status/{fresh.pk}").json()
    assert (body["status"], body["current_phase"]) == ("in_progress", "greeting")
    assert (body["questions_asked"], body["total_questions"]) == (1, 5)
    assert body["progress_percentage"] == 20.0
    assert body["has_feedback"] is False

    done = client.get(f"{BASE}/status/{interview.pk}").json()
    assert (done["status"], done["questions_answered"], done["progress_percentage"]) == (
        "completed",
        5,
        100.0,
    )
    assert done["has_feedback"] is True


def test_results_give_the_analysis_and_the_transcript(resume, job):
    interview = finished_interview(user=resume.owner, job=job, resume=resume)

    response = client_for(resume.owner).get(f"{BASE}/results/{interview.pk}")

    assert response.status_code == 200
    body = response.json()
    analysis = body["analysis"]
    assert set(analysis) >= {
        "overall_score",
        "technical_score",
        "communication_score",
        "problem_solving_score",
        "cultural_fit_score",
        "strengths",
        "areas_for_improvement",
        "overall_feedback",
        "recommendation",
    }
    assert [answer["question_id"] for answer in analysis["answers"]] == [
        "greeting",
        "resume",
        "follow_up",
        "scenario",
        "scenario_follow_up",
    ]
    assert body["interview_data"]["questions_answered"] == 5
    assert body["interview_data"]["total_messages"] == len(body["transcript"]) == 12
    assert body["transcript"][0]["kind"] == "welcome"
    assert body["transcript"][-1]["kind"] == "completed"


def test_results_of_an_unfinished_interview_are_a_409(resume, job):
    interview = started(resume, job)

    response = client_for(resume.owner).get(f"{BASE}/results/{interview.pk}")

    assert response.status_code == 409
    assert response.json()["error_code"] == "interview_not_completed"


def test_an_interview_ended_early_is_analysed_on_what_was_answered(resume, job):
    interview = finished_interview(user=resume.owner, job=job, resume=resume, answers=2)

    body = client_for(resume.owner).get(f"{BASE}/results/{interview.pk}").json()

    assert body["interview_data"]["early_termination"] is True
    assert len(body["analysis"]["answers"]) == 2
    assert body["analysis"]["problem_solving_score"] == 0.0


@pytest.mark.parametrize("path", ["status", "results", "session"])
def test_another_users_interview_is_a_404(resume, job, path):
    interview = finished_interview(user=resume.owner, job=job, resume=resume, answers=1)
    stranger = client_for(CandidateFactory())

    call = stranger.delete if path == "session" else stranger.get
    response = call(f"{BASE}/{path}/{interview.pk}")

    assert response.status_code == 404
    assert response.json()["error_code"] == "live_interview_not_found"
    assert LiveInterview.objects.filter(pk=interview.pk).exists()


def test_an_unknown_or_malformed_id_is_a_404(resume):
    client = client_for(resume.owner)
    assert client.get(f"{BASE}/status/{uuid.uuid4()}").status_code == 404
    assert client.get(f"{BASE}/status/not-a-uuid").status_code == 404


def test_anonymous_callers_are_refused(resume, job):
    interview = started(resume, job)

    assert APIClient().get(f"{BASE}/status/{interview.pk}").status_code == 401


def test_the_owner_deletes_an_interview_with_its_transcript(resume, job):
    interview = started(resume, job)

    response = client_for(resume.owner).delete(f"{BASE}/session/{interview.pk}")

    assert response.status_code == 200
    assert str(interview.pk) in response.json()["message"]
    assert not LiveInterview.objects.filter(pk=interview.pk).exists()
    assert AuditLogEntry.objects.filter(action="live_interview.deleted").count() == 1


def test_an_invited_interview_cannot_be_deleted_by_the_candidate():
    application = ApplicationFactory()
    interview = live_invite(user=application.job.owner, application_id=application.pk)

    response = client_for(application.candidate).delete(f"{BASE}/session/{interview.pk}")

    assert response.status_code == 409
    assert response.json()["error_code"] == "live_interview_not_deletable"
    assert LiveInterview.objects.filter(pk=interview.pk).exists()


def test_health_counts_interviews_in_progress(resume, job):
    started(resume, job)
    finished_interview(user=resume.owner, job=job, resume=resume, answers=1)

    body = APIClient().get(f"{BASE}/health").json()

    assert (body["status"], body["active_sessions"]) == ("healthy", 1)
    assert body["service"] == "AI Interview WebSocket"


def test_a_description_without_a_title_is_named_by_its_first_line(resume):
    description = "Data Engineer\nWe build pipelines in Python, SQL and Airflow."

    interview, question = live_initialize(
        user=resume.owner,
        interview_id=None,
        start=Start(job_description=description, resume_id=str(resume.pk)),
    )

    assert interview.job_title == "Data Engineer"
    assert "the Data Engineer role" in question["text"]
    assert {"Python", "SQL", "Apache Airflow"} <= set(interview.skills)
