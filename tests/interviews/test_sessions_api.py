import pytest

from interviews.models import Answer, InterviewSession
from tests.accounts.factories import CandidateFactory
from tests.conftest import client_for
from tests.interviews.factories import ApprovedQuestionFactory
from tests.jobs.factories import JobFactory, SavedJobFactory

pytestmark = pytest.mark.django_db

START = "/api/v1/interview/start"
ANSWER = "/api/v1/interview/answer"


@pytest.fixture
def candidate():
    return CandidateFactory()


@pytest.fixture
def client(candidate):
    return client_for(candidate)


def _start(client, **fields):
    body = {"job_role": "Backend developer", "difficulty": "medium", "total_questions": 2, **fields}
    response = client.post(START, body, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def _answer(client, session_id, question_id, text="I would yield values lazily to save memory."):
    return client.post(
        ANSWER,
        {
            "session_id": session_id,
            "question_id": question_id,
            "answer_text": text,
            "time_taken_seconds": 60,
            "paste_count": 0,
            "tab_switches": 0,
        },
        format="json",
    )


def _current(client, session_id) -> dict | None:
    return client.get(f"/api/v1/interview/{session_id}/question").json()["question"]


def test_a_practice_session_from_the_starter_bank_end_to_end(client):
    session = _start(client, skills=["Python"])
    assert session["status"] == "in_progress"
    assert session["total_questions"] == 2

    for _ in range(2):
        question = _current(client, session["id"])
        assert "gold_answer" not in question and "key_points" not in question
        response = _answer(client, session["id"], question["id"])
        assert response.status_code == 201, response.json()
        scored = response.json()
        assert set(scored["scores"]) == {
            "relevance",
            "completeness",
            "accuracy",
            "clarity",
            "overall",
        }
        assert scored["feedback"] and scored["sentiment"]
    assert _current(client, session["id"]) is None

    completed = client.post(f"/api/v1/interview/{session['id']}/complete").json()

    assert completed["status"] == "completed"
    assert completed["recommendation"] in {"select", "next_round", "reject"}
    assert set(completed["ratings"]) == {"technical", "communication", "confidence"}
    assert len(completed["answers"]) == 2


def test_an_answer_to_another_question_is_400_and_stores_nothing(client):
    session = _start(client, skills=["Python"])

    response = _answer(client, session["id"], "not-the-current-one")

    assert response.status_code == 400
    assert response.json()["error_code"] == "wrong_question"
    assert not Answer.objects.exists()


def test_an_answer_after_completion_is_409(client):
    session = _start(client, skills=["Python"], total_questions=2)
    question = _current(client, session["id"])
    _answer(client, session["id"], question["id"])
    next_question = _current(client, session["id"])
    assert client.post(f"/api/v1/interview/{session['id']}/complete").status_code == 200

    response = _answer(client, session["id"], next_question["id"])

    assert response.status_code == 409
    assert response.json()["error_code"] == "session_completed"
    assert client.post(f"/api/v1/interview/{session['id']}/complete").status_code == 409
    assert Answer.objects.count() == 1


def test_completing_without_answers_is_400(client):
    session = _start(client, skills=["Python"])

    response = client.post(f"/api/v1/interview/{session['id']}/complete")

    assert response.status_code == 400
    assert response.json()["error_code"] == "nothing_answered"


def test_another_users_session_is_404_everywhere(client):
    session = _start(client, skills=["Python"])
    question = _current(client, session["id"])
    other = client_for(CandidateFactory())
    session_url = f"/api/v1/interview/{session['id']}"

    assert other.get(session_url).status_code == 404
    assert other.get(f"{session_url}/question").status_code == 404
    assert other.post(f"{session_url}/complete").status_code == 404
    assert other.delete(session_url).status_code == 404
    assert _answer(other, session["id"], question["id"]).status_code == 404
    assert InterviewSession.objects.filter(pk=session["id"]).exists()


def test_a_saved_jobs_approved_bank_is_used(candidate, client):
    job = JobFactory()
    SavedJobFactory(user=candidate, job=job)
    approved = [ApprovedQuestionFactory(job=job) for _ in range(2)]

    session = _start(client, job_id=job.pk, job_role="")

    assert session["job_id"] == job.pk
    assert _current(client, session["id"])["id"] == str(approved[0].pk)


def test_start_needs_a_role_skills_or_a_job(client):
    response = client.post(START, {"job_role": " ", "total_questions": 2}, format="json")

    assert response.status_code == 400
    assert "job_role" in response.json()["errors"]


def test_delete_removes_a_practice_session(client):
    session = _start(client, skills=["Python"])

    assert client.delete(f"/api/v1/interview/{session['id']}").status_code == 204
    assert not InterviewSession.objects.exists()


def test_session_list_and_stats(client, django_assert_max_num_queries):
    for _ in range(3):
        session = _start(client, skills=["Python"])
        _answer(client, session["id"], _current(client, session["id"])["id"])
        client.post(f"/api/v1/interview/{session['id']}/complete")
    _start(client, skills=["Python"])

    with django_assert_max_num_queries(5):
        listed = client.get("/api/v1/interview/sessions")

    assert listed.json()["total"] == 4
    assert client.get("/api/v1/interview/sessions?status=completed").json()["total"] == 3
    stats = client.get("/api/v1/interview/stats/overview").json()
    assert stats["completed_sessions"] == 3
    assert stats["questions_answered"] == 3
    assert len(stats["trend"]) == 3
    assert set(stats["average_by_dimension"]) == {
        "relevance",
        "completeness",
        "accuracy",
        "clarity",
    }
