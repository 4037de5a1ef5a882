"""The assistant page: the conversation without scripts, and the JSON its script falls back on."""

import json

import pytest

from tests.accounts.factories import CandidateFactory
from tests.resumes.factories import ResumeFactory

pytestmark = pytest.mark.django_db

PAGE = "/portal/assistant/"


@pytest.fixture
def candidate_client(client):
    resume = ResumeFactory()
    client.force_login(resume.owner)
    return client


def test_the_page_offers_the_conversation_and_suggestions(candidate_client):
    response = candidate_client.get(PAGE)

    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-socket-path="/ws/chat/"' in page
    assert "Which skills do I have?" in page
    assert 'href="/portal/assistant/" aria-current="page"' in page


def test_signing_in_is_required(client):
    assert client.get(PAGE)["Location"].startswith("/login/")


def test_without_scripts_the_form_answers_and_carries_the_conversation(candidate_client):
    earlier = [{"type": "human", "content": "Hello"}, {"type": "ai", "content": "Hi there."}]

    response = candidate_client.post(
        PAGE, {"user_input": "What was my last job?", "history": json.dumps(earlier)}
    )

    page = response.content.decode()
    assert "Senior Software Engineer at Acme Analytics" in page
    assert "Hi there." in page
    carried = json.loads(response.context["form"].initial["history"])
    assert [message["type"] for message in carried] == ["human", "ai", "human", "ai"]


def test_the_script_fallback_gets_json(candidate_client):
    response = candidate_client.post(
        PAGE, {"user_input": "Which skills do I have?"}, HTTP_ACCEPT="application/json"
    )

    body = response.json()
    assert "Kubernetes" in body["response"]
    assert body["metadata"]["matched_question"] == "Which skills do I have?"


@pytest.mark.parametrize("history", ["{broken", '[{"type": "robot", "content": "x"}]', '"text"'])
def test_an_unreadable_conversation_is_a_clear_error(candidate_client, history):
    data = {"user_input": "Hello", "history": history}

    page = candidate_client.post(PAGE, data)
    api = candidate_client.post(PAGE, data, HTTP_ACCEPT="application/json")

    assert "The conversation could not be read" in page.content.decode()
    assert api.status_code == 400
    assert api.json()["error_code"] == "validation_error"
    assert "history" in api.json()["errors"]


def test_a_blank_question_is_refused(client):
    client.force_login(CandidateFactory())

    response = client.post(PAGE, {"user_input": "  "}, HTTP_ACCEPT="application/json")

    assert response.status_code == 400
    assert "user_input" in response.json()["errors"]
