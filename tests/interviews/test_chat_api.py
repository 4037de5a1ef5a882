"""`POST /api/v1/chat`: answers grounded in the user's own records, refusals, history, bad
bodies, the rate limit, and Gemini seeing no personal details."""

import json

import httpx
import pytest
import respx

from ats.stages import Stage
from resumes.models import AnalysisStatus
from tests.accounts.factories import CandidateFactory
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.jobs.factories import JobFactory, SavedJobFactory
from tests.resumes.factories import AnalysisFactory, ResumeFactory

pytestmark = pytest.mark.django_db

CHAT = "/api/v1/chat"
REFUSAL_START = "I don't know that from your resume"
MODEL = "gemini-2.5-flash"
GEMINI_URL = f"https://generativelanguage.googleapis.com/v1beta/models/{MODEL}:generateContent"


@pytest.fixture
def resume():
    return ResumeFactory()


def ask(user, user_input, messages=None):
    body = {"user_input": user_input}
    if messages is not None:
        body["messages"] = messages
    return client_for(user).post(CHAT, body, format="json")


def test_the_last_job_is_answered_from_the_resume(resume):
    response = ask(resume.owner, "What was my last job?")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert "Senior Software Engineer at Acme Analytics" in body["response"]
    assert body["metadata"] == {
        "from_qa": True,
        "similarity": 1.0,
        "matched_question": "What was my last job?",
    }
    assert body["sentiment"] == "continue"
    assert body["engine"] == "local"


def test_a_paraphrase_finds_the_skills_on_the_resume(resume):
    body = ask(resume.owner, "which skills do I have?").json()

    assert body["metadata"]["matched_question"] == "Which skills do I have?"
    for skill in ("Python", "Django", "PostgreSQL", "Kubernetes"):
        assert skill in body["response"]


def test_a_question_the_records_cannot_answer_is_refused_without_a_guess(resume):
    body = ask(resume.owner, "What was my salary at Acme Analytics?").json()

    assert body["response"].startswith(REFUSAL_START)
    assert body["metadata"]["from_qa"] is False
    assert body["metadata"]["matched_question"] is None
    assert 0 < body["metadata"]["similarity"] < 0.7
    assert not any(character.isdigit() for character in body["response"])


def test_an_unrelated_question_is_refused_with_suggestions(resume):
    body = ask(resume.owner, "What is the capital of France?").json()

    assert body["response"].startswith(REFUSAL_START)
    assert "which skills do I have" in body["response"]
    assert body["metadata"]["similarity"] == 0.0


def test_without_a_resume_the_assistant_says_so_instead_of_inventing_one():
    body = ask(CandidateFactory(), "Which skills do I have?").json()

    assert body["response"].startswith("I don't have a resume of yours")


def test_another_users_resume_is_never_used(resume):
    body = ask(CandidateFactory(), "What was my last job?").json()

    assert "Acme Analytics" not in body["response"]


def test_the_latest_analysis_saved_jobs_and_applications_are_known(resume):
    AnalysisFactory(
        resume=resume,
        status=AnalysisStatus.COMPLETED,
        result={
            "ats_score": {"overall": 72},
            "strengths": ["Quantified bullets"],
            "recommendations": ["Add a summary of your cloud work"],
            "profile": resume.parsed_data,
        },
    )
    SavedJobFactory(user=resume.owner, job=JobFactory(title="Data Engineer", company="Globex"))
    ApplicationFactory(
        resume=resume, job=JobFactory(title="Platform Engineer"), stage=Stage.INTERVIEW_SCHEDULED
    )

    score = ask(resume.owner, "What is my resume score?").json()["response"]
    advice = ask(resume.owner, "How can I make my resume better?").json()["response"]
    saved = ask(resume.owner, "Which jobs have I saved?").json()["response"]
    applied = ask(resume.owner, "What is the status of my applications?").json()["response"]

    assert "72 out of 100" in score
    assert "Add a summary of your cloud work" in advice
    assert "Data Engineer at Globex" in saved
    assert "Platform Engineer at Acme Payments: Interview scheduled" in applied


def test_product_help_is_answered(resume):
    body = ask(resume.owner, "How do I upload my CV?").json()

    assert body["metadata"]["matched_question"] == "How do I upload a resume?"
    assert "Resumes" in body["response"]


def test_the_history_comes_back_with_this_turn_added(resume):
    history = [
        {"type": "system", "content": "You are a helpful assistant"},
        {"type": "human", "content": "Hello"},
        {"type": "ai", "content": "Hi! Ask me about your resume."},
    ]

    body = ask(resume.owner, "Where did I study?", history).json()

    assert body["messages"][:3] == history
    assert body["messages"][3] == {"type": "human", "content": "Where did I study?"}
    assert body["messages"][4]["type"] == "ai"
    assert "University of Leeds" in body["messages"][4]["content"]
    assert body["messages"][4]["content"] == body["response"]


@pytest.mark.parametrize(
    ("text", "sentiment"),
    [
        ("Thanks, that's all. Bye!", "end"),
        ("This is useless, that's wrong", "frustrated"),
        ("What was my last job?", "continue"),
    ],
)
def test_sentiment_follows_the_users_words(resume, text, sentiment):
    assert ask(resume.owner, text).json()["sentiment"] == sentiment


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "user_input"),
        ({"user_input": ""}, "user_input"),
        ({"user_input": "x" * 2001}, "user_input"),
        ({"user_input": 5}, None),
        ({"user_input": "Hi", "messages": "not a list"}, "messages.non_field_errors"),
        ({"user_input": "Hi", "messages": [{"type": "robot", "content": "x"}]}, "messages.0.type"),
        ({"user_input": "Hi", "messages": [{"type": "human"}]}, "messages.0.content"),
        (
            {"user_input": "Hi", "messages": [{"type": "human", "content": "x" * 4001}]},
            "messages.0.content",
        ),
        (
            {"user_input": "Hi", "messages": [{"type": "ai", "content": "x"}] * 101},
            "messages.non_field_errors",
        ),
    ],
)
def test_a_malformed_body_is_a_400_in_the_documented_format(resume, body, field):
    response = client_for(resume.owner).post(CHAT, body, format="json")

    assert response.status_code == 400
    error = response.json()
    assert error["error_code"] == "validation_error"
    assert {"detail", "timestamp", "errors"} <= set(error)
    if field:
        assert field in error["errors"]


@pytest.mark.parametrize("raw", ["[]", '"hello"', "null", "{not json"])
def test_a_body_that_is_no_object_is_a_400(resume, raw):
    response = client_for(resume.owner).post(CHAT, raw, content_type="application/json")

    assert response.status_code == 400
    assert "error_code" in response.json()


def test_signing_in_is_required(api_client):
    assert api_client.post(CHAT, {"user_input": "Hi"}, format="json").status_code == 401


def test_chat_is_rate_limited_per_user(resume, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "chat": "2/h"}

    statuses = [ask(resume.owner, "Hello").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert ask(CandidateFactory(), "Hello").status_code == 200


# --- Gemini ---------------------------------------------------------------------------------


def gemini_answers(settings, monkeypatch, reply: str):
    settings.GEMINI_API_KEY = "test-key"
    settings.GEMINI_MODEL = MODEL
    settings.AI_MAX_RETRIES = 0
    monkeypatch.setenv("GOOGLE_GENAI_HTTP_CLIENT", "httpx")
    text = json.dumps({"reply": reply})
    candidate = {"content": {"role": "model", "parts": [{"text": text}]}}
    return respx.post(GEMINI_URL).mock(
        return_value=httpx.Response(200, json={"candidates": [candidate]})
    )


@respx.mock
def test_gemini_words_the_answer_and_receives_no_personal_details(resume, settings, monkeypatch):
    route = gemini_answers(
        settings, monkeypatch, "You most recently worked as a Senior Software Engineer."
    )
    personal = resume.parsed_data["personal_info"]
    history = [
        {"type": "human", "content": f"I am {personal['name']}, call {personal['phone']}"},
        {"type": "ai", "content": "Hello Jane, how can I help?"},
        {"type": "human", "content": f"Mail {personal['email']} or 020 7946 0958"},
        {"type": "ai", "content": "I cannot send mail."},
    ]

    body = ask(resume.owner, "What was my last job?", history).json()

    assert body["engine"] == "gemini"
    assert body["response"] == "You most recently worked as a Senior Software Engineer."
    sent = route.calls.last.request.content.decode()
    for detail in (personal["name"], "Jane", personal["email"], personal["phone"], "7946"):
        assert detail not in sent
    assert "Acme Analytics" in sent  # the facts themselves do go


@respx.mock
def test_a_gemini_answer_with_an_invented_employer_falls_back_to_the_local_one(
    resume, settings, monkeypatch
):
    gemini_answers(settings, monkeypatch, "Your last job was at Initech Global.")

    body = ask(resume.owner, "What was my last job?").json()

    assert body["engine"] == "local"
    assert "Acme Analytics" in body["response"]


@respx.mock
def test_a_refusal_never_asks_gemini(resume, settings, monkeypatch):
    route = gemini_answers(settings, monkeypatch, "Your salary was 90,000.")

    body = ask(resume.owner, "What was my salary at Acme Analytics?").json()

    assert body["response"].startswith(REFUSAL_START)
    assert not route.called
