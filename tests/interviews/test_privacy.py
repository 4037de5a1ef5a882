import pytest
from django.db import connection

from gdpr.registry import registry
from interviews.models import Answer, InterviewSession, SavedQuestion
from tests.accounts.factories import CandidateFactory
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

SECRET_ANSWER = "Generators yield values lazily, which saves memory in my pipelines."


@pytest.fixture
def practised():
    user = CandidateFactory()
    client = client_for(user)
    session = client.post(
        "/api/v1/interview/start", {"skills": ["Python"], "total_questions": 1}, format="json"
    ).json()
    question = client.get(f"/api/v1/interview/{session['id']}/question").json()["question"]
    client.post(
        "/api/v1/interview/answer",
        {
            "session_id": session["id"],
            "question_id": question["id"],
            "answer_text": SECRET_ANSWER,
            "time_taken_seconds": 30,
        },
        format="json",
    )
    client.post(
        "/api/v1/questions/library",
        {
            "question": "Why Python?",
            "answer": "Because.",
            "category": "technical",
            "difficulty": "easy",
        },
        format="json",
    )
    return user


def test_answers_are_encrypted_at_rest(practised):
    with connection.cursor() as cursor:
        cursor.execute("SELECT answer_text FROM interviews_answer")
        stored = cursor.fetchone()[0]

    assert "lazily" not in stored
    assert Answer.objects.get().answer_text == SECRET_ANSWER


def test_export_holds_sessions_answers_and_library(practised):
    exported = registry.export_user(practised)

    assert exported["interview_sessions"][0]["answers"][0]["answer"] == SECRET_ANSWER
    assert exported["question_library"][0]["question"] == "Why Python?"


def test_erasure_removes_sessions_answers_and_library(practised):
    other = CandidateFactory()
    SavedQuestion.objects.create(
        owner=other, question="Kept?", question_key="k", category="technical", difficulty="easy"
    )

    registry.erase_user(practised)

    assert not InterviewSession.objects.filter(user=practised).exists()
    assert not Answer.objects.exists()
    assert list(SavedQuestion.objects.values_list("owner", flat=True)) == [other.pk]
