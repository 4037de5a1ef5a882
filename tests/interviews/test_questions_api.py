import pytest

from gdpr.models import AuditLogEntry
from interviews.models import Question, QuestionStatus, QuestionVersion
from tests.accounts.factories import CandidateFactory, DomainExpertFactory, RecruiterFactory
from tests.conftest import client_for
from tests.interviews.factories import GOLD, KEY_POINTS, ApprovedQuestionFactory, QuestionFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

GENERATE = "/api/v1/questions/generate"
APPROVE = "/api/v1/questions/approve"


@pytest.fixture
def owner():
    return RecruiterFactory()


@pytest.fixture
def job(owner):
    return JobFactory(owner=owner)


@pytest.fixture
def expert():
    return DomainExpertFactory()


def test_recruiter_generates_drafts_for_own_job_from_the_starter_bank(owner, job):
    response = client_for(owner).post(
        GENERATE, {"job_id": job.pk, "count": 3, "difficulty": "medium"}, format="json"
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["engine"] == "local"
    assert 1 <= len(body["questions"]) <= 3
    for draft in body["questions"]:
        assert draft["status"] == "draft"
        assert draft["job_id"] == job.pk
        assert draft["gold_answer"] and draft["key_points"]
        assert all(point["weight"] > 0 for point in draft["key_points"])
    assert Question.objects.filter(job=job, status="draft").count() == len(body["questions"])


def test_generating_for_another_recruiters_job_is_404(job):
    response = client_for(RecruiterFactory()).post(
        GENERATE, {"job_id": job.pk, "count": 2}, format="json"
    )

    assert response.status_code == 404
    assert not Question.objects.exists()


def test_generate_needs_a_job_or_skills(owner):
    response = client_for(owner).post(GENERATE, {"count": 2}, format="json")

    assert response.status_code == 400
    assert "skills" in response.json()["errors"]


def test_candidates_are_forbidden_the_bank(job):
    client = client_for(CandidateFactory())
    question = QuestionFactory(job=job)

    assert (
        client.post(GENERATE, {"skills": ["Python"], "count": 2}, format="json").status_code == 403
    )
    assert client.get("/api/v1/questions").status_code == 403
    assert client.get(f"/api/v1/questions/{question.pk}").status_code == 403
    decision = {"decisions": [{"question_id": question.pk, "action": "approve"}]}
    assert client.post(APPROVE, decision, format="json").status_code == 403


def test_a_recruiter_cannot_approve_but_an_expert_can(owner, job, expert):
    question = QuestionFactory(job=job)
    decision = {"decisions": [{"question_id": question.pk, "action": "approve"}]}

    assert client_for(owner).post(APPROVE, decision, format="json").status_code == 403
    response = client_for(expert).post(APPROVE, decision, format="json")

    assert response.status_code == 200
    question.refresh_from_db()
    assert question.status == QuestionStatus.APPROVED
    assert question.approved_by == expert
    assert AuditLogEntry.objects.filter(
        action="question.approve", object_id=str(question.pk)
    ).exists()


def test_another_recruiters_question_is_404(job):
    question = QuestionFactory(job=job)
    client = client_for(RecruiterFactory())

    assert client.get(f"/api/v1/questions/{question.pk}").status_code == 404
    assert (
        client.patch(f"/api/v1/questions/{question.pk}", {"text": "x?"}, format="json").status_code
        == 404
    )
    assert client.get(f"/api/v1/jobs/{job.pk}/questions").status_code == 404


def test_a_question_edited_then_approved_keeps_both_versions(owner, job, expert):
    question = QuestionFactory(job=job)
    original = question.text

    response = client_for(expert).post(
        APPROVE,
        {
            "decisions": [
                {
                    "question_id": question.pk,
                    "action": "edit_approve",
                    "changes": {"text": "When would you add a database index?"},
                }
            ]
        },
        format="json",
    )

    assert response.status_code == 200, response.json()
    question.refresh_from_db()
    assert question.status == QuestionStatus.APPROVED
    assert question.version == 2
    versions = list(QuestionVersion.objects.filter(question=question).order_by("number"))
    assert [v.content["text"] for v in versions] == [
        original,
        "When would you add a database index?",
    ]
    detail = client_for(owner).get(f"/api/v1/questions/{question.pk}").json()
    assert [v["number"] for v in detail["versions"]] == [1, 2]


def test_rejecting_needs_a_reason_and_a_bad_decision_changes_nothing(job, expert):
    first, second = QuestionFactory(job=job), QuestionFactory(job=job)

    response = client_for(expert).post(
        APPROVE,
        {
            "decisions": [
                {"question_id": first.pk, "action": "approve"},
                {"question_id": second.pk, "action": "reject"},
            ]
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["error_code"] == "questions_not_reviewable"
    assert list(response.json()["errors"]) == [str(second.pk)]
    first.refresh_from_db()
    assert first.status == QuestionStatus.DRAFT


def test_bulk_reject_with_a_reason(job, expert):
    questions = [QuestionFactory(job=job) for _ in range(3)]
    decisions = [
        {"question_id": q.pk, "action": "reject", "reason": "Too vague."} for q in questions
    ]

    response = client_for(expert).post(APPROVE, {"decisions": decisions}, format="json")

    assert response.status_code == 200
    assert set(Question.objects.values_list("status", "rejection_reason")) == {
        ("rejected", "Too vague.")
    }


def test_a_recruiters_edit_of_an_approved_question_sends_it_back_to_the_queue(owner, job):
    question = ApprovedQuestionFactory(job=job)

    response = client_for(owner).patch(
        f"/api/v1/questions/{question.pk}",
        {"gold_answer": GOLD + " Choose columns you filter on."},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["status"] == "draft"
    assert response.json()["version"] == 2


def test_writing_a_question_without_key_points_gets_them_proposed(owner, job):
    response = client_for(owner).post(
        "/api/v1/questions",
        {
            "job_id": job.pk,
            "text": "What does a database index do?",
            "question_type": "technical",
            "difficulty": "easy",
            "skills": ["postgres"],
            "gold_answer": GOLD,
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["key_points"]
    assert body["skills"] == ["PostgreSQL"]
    assert body["versions"][0]["number"] == 1


def test_list_filters_and_query_count(owner, job, expert, django_assert_max_num_queries):
    for _ in range(5):
        QuestionFactory(job=job)
    ApprovedQuestionFactory(job=job, question_type="behavioral")
    QuestionFactory(job=JobFactory(), skills=["Python"])  # another recruiter's job
    client = client_for(expert)

    with django_assert_max_num_queries(6):
        response = client.get("/api/v1/questions?status=draft")

    assert response.json()["total"] == 6
    assert client.get("/api/v1/questions?skill=python").json()["total"] == 1
    assert client.get(f"/api/v1/questions?job_id={job.pk}&type=behavioral").json()["total"] == 1
    assert client_for(owner).get("/api/v1/questions").json()["total"] == 6


def test_job_questions_lists_the_approved_bank(owner, job):
    approved = ApprovedQuestionFactory(job=job)
    QuestionFactory(job=job)

    body = client_for(owner).get(f"/api/v1/jobs/{job.pk}/questions?approved=true").json()

    assert [item["id"] for item in body["items"]] == [approved.pk]
    assert (
        client_for(owner).get(f"/api/v1/jobs/{job.pk}/questions?approved=false").json()["total"]
        == 2
    )


def test_trying_the_rubric_gives_matched_and_missing_key_points(job, expert, owner):
    question = QuestionFactory(job=job)
    answer = (
        "An index helps the database find rows without scanning the table, so it speeds up reads."
    )

    response = client_for(expert).post(
        f"/api/v1/questions/{question.pk}/score", {"answer_text": answer}, format="json"
    )

    assert response.status_code == 200
    body = response.json()
    assert KEY_POINTS[0]["text"] in body["matched_key_points"]
    assert KEY_POINTS[2]["text"] in body["missing_key_points"]
    assert 0 <= body["scores"]["overall"] <= 10
    assert (
        client_for(owner)
        .post(f"/api/v1/questions/{question.pk}/score", {"answer_text": answer}, format="json")
        .status_code
        == 403
    )


@pytest.mark.parametrize("weight", ["2", True, None])
def test_a_key_point_weight_must_be_a_json_number(owner, job, weight):
    response = client_for(owner).post(
        "/api/v1/questions",
        {
            "job_id": job.pk,
            "text": "What does a database index do?",
            "question_type": "technical",
            "difficulty": "easy",
            "gold_answer": GOLD,
            "key_points": [{"text": "speeds up lookups", "weight": weight}],
        },
        format="json",
    )

    assert response.status_code == 400
    assert "key_points.0.weight" in response.json()["errors"]
    assert not Question.objects.exists()
