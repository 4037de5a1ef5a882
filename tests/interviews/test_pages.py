import pytest

from interviews.models import InterviewSession, Question, QuestionStatus
from tests.accounts.factories import (
    PASSWORD,
    CandidateFactory,
    DomainExpertFactory,
    RecruiterFactory,
)
from tests.interviews.factories import KEY_POINTS, QuestionFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


def _signed_in(client, user):
    client.force_login(user)
    return client


def test_a_domain_expert_lands_on_the_question_queue(client):
    expert = DomainExpertFactory()

    response = client.post("/login/", {"email": expert.email, "password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == "/expert/questions/"


def test_candidate_practises_a_whole_session_without_javascript(client):
    _signed_in(client, CandidateFactory())

    started = client.post(
        "/portal/practice/",
        {"job_role": "Python developer", "difficulty": "medium", "total_questions": 1},
    )
    session = InterviewSession.objects.get()
    assert started.url == f"/portal/practice/{session.pk}/"
    page = client.get(started.url).content.decode()
    question_id = session.plan[0]["id"]
    assert session.plan[0]["text"] in page
    assert "data-answer-form" in page
    client.post(
        f"/portal/practice/{session.pk}/answer/",
        {
            "question_id": question_id,
            "answer_text": "Generators yield values lazily.",
            "time_taken_seconds": 40,
        },
    )
    assert "See my results" in client.get(started.url).content.decode()
    client.post(f"/portal/practice/{session.pk}/complete/")

    html = client.get(started.url).content.decode()
    assert "Results" in html and "Recommendation" in html
    assert client.get("/portal/practice/").status_code == 200


def test_another_users_practice_page_is_404(client):
    _signed_in(client, CandidateFactory())
    client.post(
        "/portal/practice/",
        {"job_role": "Python developer", "difficulty": "medium", "total_questions": 1},
    )
    session = InterviewSession.objects.get()

    _signed_in(client, CandidateFactory())

    assert client.get(f"/portal/practice/{session.pk}/").status_code == 404


def test_recruiter_generates_on_the_job_questions_page(client):
    job = JobFactory()
    _signed_in(client, job.owner)

    response = client.post(
        f"/recruiter/jobs/{job.pk}/questions/", {"difficulty": "medium", "count": 2}
    )

    assert response.status_code == 302
    assert Question.objects.filter(job=job).count() >= 1
    assert "Drafts, rejected and retired" in client.get(response.url).content.decode()
    _signed_in(client, RecruiterFactory())
    assert client.get(f"/recruiter/jobs/{job.pk}/questions/").status_code == 404


def test_expert_bulk_approves_and_sees_what_changed(client):
    questions = [QuestionFactory() for _ in range(2)]
    _signed_in(client, DomainExpertFactory())

    client.post(
        "/expert/questions/", {"action": "approve", "question_ids": [q.pk for q in questions]}
    )
    assert set(Question.objects.values_list("status", flat=True)) == {QuestionStatus.APPROVED}

    question = questions[0]
    client.post(
        f"/recruiter/questions/{question.pk}/",
        {
            "text": "When is a database index worth its cost?",
            "question_type": "technical",
            "difficulty": "hard",
            "skills": "PostgreSQL",
            "gold_answer": question.gold_answer,
            "key_points": "\n".join(point["text"] for point in KEY_POINTS),
            "expected_seconds": 120,
            "action": "save",
        },
    )
    html = client.get(f"/recruiter/questions/{question.pk}/").content.decode()
    assert "Version 2" in html
    assert '<ins class="diff diff--added">' in html

    tried = client.post(
        f"/recruiter/questions/{question.pk}/try/", {"answer_text": "It speeds up reads."}
    ).content.decode()
    assert "chip--matched" in tried


def test_candidate_library_page(client):
    _signed_in(client, CandidateFactory())

    assert client.get("/portal/questions/").status_code == 200
    client.post(
        "/portal/questions/save/",
        {
            "question": "Why this role?",
            "answer": "Because.",
            "category": "situational",
            "difficulty": "easy",
        },
    )

    assert "Why this role?" in client.get("/portal/questions/").content.decode()
