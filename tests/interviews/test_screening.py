"""The whole screening journey: a recruiter's drafts, an expert's approval, an invited
applicant's answers, and the recruiter reading the scores on the candidate page."""

import pytest

from gdpr.models import AuditLogEntry
from interviews.models import InterviewSession
from interviews.screening_panel import screening_panel
from tests.accounts.factories import DomainExpertFactory, RecruiterFactory
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.interviews.factories import KEY_POINTS, ApprovedQuestionFactory, QuestionFactory

pytestmark = pytest.mark.django_db

INVITE = "/api/v1/interview/invitations"
GOOD = "An index helps the database find rows without scanning the table, so it speeds up reads."


@pytest.fixture
def application():
    return ApplicationFactory()


def test_invitation_screening_and_the_recruiter_reads_key_points(application):
    job, recruiter = application.job, application.job.owner
    draft = QuestionFactory(job=job)
    client_for(DomainExpertFactory()).post(
        "/api/v1/questions/approve",
        {"decisions": [{"question_id": draft.pk, "action": "approve"}]},
        format="json",
    )

    invited = client_for(recruiter).post(
        INVITE, {"application_id": str(application.pk), "total_questions": 3}, format="json"
    )
    assert invited.status_code == 201, invited.json()
    session_id = invited.json()["id"]
    assert AuditLogEntry.objects.filter(action="screening.invited").exists()

    candidate = client_for(application.candidate)
    invitations = candidate.get("/api/v1/interview/sessions?status=invited").json()
    assert [row["id"] for row in invitations["items"]] == [session_id]
    question = candidate.get(f"/api/v1/interview/{session_id}/question").json()["question"]
    assert question["id"] == str(draft.pk)
    answered = candidate.post(
        "/api/v1/interview/answer",
        {
            "session_id": session_id,
            "question_id": question["id"],
            "answer_text": GOOD,
            "time_taken_seconds": 75,
            "paste_count": 2,
            "tab_switches": 1,
        },
        format="json",
    )
    assert answered.status_code == 201
    # The rubric is the employer's: the candidate gets no scores or key points back.
    assert answered.json()["scores"] is None
    assert answered.json()["matched_key_points"] == []
    completed = candidate.post(f"/api/v1/interview/{session_id}/complete").json()
    assert completed["recommendation"] is None

    detail = client_for(recruiter).get(f"/api/v1/ats/candidates/{application.pk}").json()
    screening = detail["panels"]["screening"]["sessions"][0]
    assert screening["status"] == "completed"
    assert screening["recommendation"] in {"select", "next_round", "reject"}
    assert screening["integrity_score"] is not None
    answer = screening["answers"][0]
    assert KEY_POINTS[0]["text"] in answer["matched_key_points"]
    assert KEY_POINTS[2]["text"] in answer["missing_key_points"]
    assert answer["paste_count"] == 2
    assert {signal["kind"] for signal in answer["integrity_signals"]} >= {"paste"}

    page = client_for(recruiter)
    page.force_login(recruiter)
    html = page.get(f"/recruiter/applications/{application.pk}/").content.decode()
    assert "Screening interview" in html
    assert KEY_POINTS[2]["text"] in html


def test_only_the_jobs_recruiter_can_invite(application):
    ApprovedQuestionFactory(job=application.job)

    response = client_for(RecruiterFactory()).post(
        INVITE, {"application_id": str(application.pk)}, format="json"
    )

    assert response.status_code == 404
    assert not InterviewSession.objects.exists()


def test_a_job_without_approved_questions_cannot_screen(application):
    QuestionFactory(job=application.job)

    response = client_for(application.job.owner).post(
        INVITE, {"application_id": str(application.pk)}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["error_code"] == "not_enough_approved_questions"


def test_a_second_open_invitation_is_409(application):
    ApprovedQuestionFactory(job=application.job)
    client = client_for(application.job.owner)
    body = {"application_id": str(application.pk)}

    assert client.post(INVITE, body, format="json").status_code == 201
    response = client.post(INVITE, body, format="json")

    assert response.status_code == 409
    assert InterviewSession.objects.count() == 1


def test_the_candidate_cannot_delete_a_screening(application):
    ApprovedQuestionFactory(job=application.job)
    session_id = (
        client_for(application.job.owner)
        .post(INVITE, {"application_id": str(application.pk)}, format="json")
        .json()["id"]
    )

    response = client_for(application.candidate).delete(f"/api/v1/interview/{session_id}")

    assert response.status_code == 409
    assert InterviewSession.objects.filter(pk=session_id).exists()


def test_the_screening_panel_reads_a_fixed_number_of_queries(
    application, django_assert_num_queries
):
    """Three reads whatever the number of sessions and answers: sessions, their answers,
    and the count of approved questions."""
    for _ in range(3):
        ApprovedQuestionFactory(job=application.job)
    recruiter = application.job.owner
    session_id = (
        client_for(recruiter)
        .post(INVITE, {"application_id": str(application.pk), "total_questions": 3}, format="json")
        .json()["id"]
    )
    candidate = client_for(application.candidate)
    for _ in range(3):
        question = candidate.get(f"/api/v1/interview/{session_id}/question").json()["question"]
        candidate.post(
            "/api/v1/interview/answer",
            {
                "session_id": session_id,
                "question_id": question["id"],
                "answer_text": GOOD,
                "time_taken_seconds": 60,
            },
            format="json",
        )

    with django_assert_num_queries(3):
        panel = screening_panel(application=application, user=recruiter)

    assert len(panel.data["sessions"][0]["answers"]) == 3


def test_the_invited_candidate_gets_an_email_with_the_link(
    application, mailoutbox, django_capture_on_commit_callbacks
):
    ApprovedQuestionFactory(job=application.job)

    with django_capture_on_commit_callbacks(execute=True):
        session_id = (
            client_for(application.job.owner)
            .post(INVITE, {"application_id": str(application.pk)}, format="json")
            .json()["id"]
        )

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [application.candidate.email]
    assert application.job.title in message.subject
    assert f"/portal/practice/{session_id}/" in message.body
