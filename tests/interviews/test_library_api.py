import pytest

from interviews.models import SavedQuestion
from resumes.models import AnalysisStatus
from tests.accounts.factories import CandidateFactory
from tests.conftest import client_for
from tests.resumes.factories import AnalysisFactory, ResumeFactory

pytestmark = pytest.mark.django_db

LIBRARY = "/api/v1/questions/library"
SAVE = {
    "question": "Describe your experience with Go.",
    "answer": "I built services in Go.",
    "category": "Technical",
    "difficulty": "Medium",
    "tags": ["golang", "Backend"],
    "job_title": "Backend Engineer",
    "company": "Acme",
}


@pytest.fixture
def analysis():
    resume = ResumeFactory()
    return AnalysisFactory(
        resume=resume, status=AnalysisStatus.COMPLETED, result={"profile": resume.parsed_data}
    )


def test_personal_questions_answer_only_from_the_resume(analysis):
    client = client_for(analysis.owner)

    response = client.post(
        "/api/v1/questions/personal",
        {"analysis_id": str(analysis.pk), "job_title": "Platform Engineer", "num_questions": 6},
        format="json",
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["engine"] == "local"
    assert [item["id"] for item in body["questions"]] == [f"q{n}" for n in range(1, 7)]
    answers = " ".join(item["answer"] for item in body["questions"])
    assert "Acme Analytics" in answers or "Brightside Labs" in answers
    personal = analysis.resume.parsed_data["personal_info"]
    for detail in (personal["name"], personal["email"], personal["phone"]):
        assert detail not in answers


def test_personal_questions_need_a_completed_analysis_of_ones_own():
    queued = AnalysisFactory()
    body = {"analysis_id": str(queued.pk)}

    assert (
        client_for(queued.owner).post("/api/v1/questions/personal", body, format="json").status_code
        == 409
    )
    assert (
        client_for(CandidateFactory())
        .post("/api/v1/questions/personal", body, format="json")
        .status_code
        == 404
    )


def test_regenerating_an_answer_gives_another_wording(analysis):
    client = client_for(analysis.owner)
    ask = {
        "analysis_id": str(analysis.pk),
        "question_id": "q1",
        "question": "Tell me about Kubernetes.",
    }

    first = client.post("/api/v1/questions/regenerate-answer", {**ask, "variant": 1}, format="json")
    second = client.post(
        "/api/v1/questions/regenerate-answer", {**ask, "variant": 2}, format="json"
    )

    assert first.status_code == second.status_code == 200
    assert first.json()["question_id"] == "q1"
    assert first.json()["answer"] != second.json()["answer"]


def test_saving_twice_is_409():
    client = client_for(CandidateFactory())

    assert client.post(LIBRARY, SAVE, format="json").status_code == 201
    again = client.post(
        LIBRARY, {**SAVE, "question": "  describe your experience with GO? "}, format="json"
    )

    assert again.status_code == 409
    assert again.json()["error_code"] == "question_already_saved"
    assert SavedQuestion.objects.count() == 1


def test_library_filters_and_another_users_entry(django_assert_max_num_queries):
    owner = CandidateFactory()
    client = client_for(owner)
    client.post(LIBRARY, SAVE, format="json")
    client.post(
        LIBRARY,
        {**SAVE, "question": "A time you led a team?", "category": "behavioral", "tags": ["lead"]},
        format="json",
    )

    with django_assert_max_num_queries(4):
        everything = client.get(LIBRARY).json()

    assert everything["total"] == 2
    assert client.get(f"{LIBRARY}?category=Technical").json()["total"] == 1
    assert client.get(f"{LIBRARY}?tags=backend").json()["total"] == 1
    assert client.get(f"{LIBRARY}?difficulty=hard").json()["total"] == 0
    entry = everything["items"][0]["id"]
    assert client_for(CandidateFactory()).delete(f"{LIBRARY}/{entry}").status_code == 404
    assert client.delete(f"{LIBRARY}/{entry}").status_code == 204
    assert client.get(LIBRARY).json()["total"] == 1


def test_the_saved_answer_is_encrypted_at_rest():
    from django.db import connection

    client_for(CandidateFactory()).post(LIBRARY, SAVE, format="json")

    with connection.cursor() as cursor:
        cursor.execute("SELECT answer FROM interviews_savedquestion")
        stored = cursor.fetchone()[0]
    assert "Go" not in stored


@pytest.mark.parametrize("body", [[None, None], ["question"], "question"])
def test_saving_a_body_that_is_not_an_object_is_a_400(body):
    response = client_for(CandidateFactory()).post(LIBRARY, body, format="json")

    assert response.status_code == 400
    assert response.json()["error_code"]
    assert not SavedQuestion.objects.exists()
