"""With Gemini configured, the live interview's questions are worded by it when the words
pass the fact check, and by the local writer when they do not; the rubric is never its."""

import json

import httpx
import pytest
import respx

from interviews.models import LiveInterview
from interviews.services.live import Start, live_answer, live_initialize
from tests.jobs.factories import JobFactory
from tests.resumes.factories import ResumeFactory

pytestmark = pytest.mark.django_db

MODEL = "gemini-2.5-flash"
URL = f"https://generativelanguage.googleapis.com/v1beta/models/{MODEL}:generateContent"


@pytest.fixture(autouse=True)
def _gemini(settings, monkeypatch):
    settings.GEMINI_API_KEY = "test-key"
    settings.GEMINI_MODEL = MODEL
    settings.AI_MAX_RETRIES = 0
    monkeypatch.setenv("GOOGLE_GENAI_HTTP_CLIENT", "httpx")


def answering(question: str):
    def respond(request: httpx.Request) -> httpx.Response:
        text = json.dumps({"question": question})
        candidate = {"content": {"role": "model", "parts": [{"text": text}]}}
        return httpx.Response(200, json={"candidates": [candidate]})

    return respond


def start(resume):
    return live_initialize(
        user=resume.owner,
        interview_id=None,
        start=Start(job_id=JobFactory().pk, resume_id=str(resume.pk)),
    )


@respx.mock
def test_gemini_words_a_question_that_passes_the_fact_check():
    resume = ResumeFactory()
    wording = "Hello and welcome! Could you introduce yourself and say what draws you here?"
    route = respx.post(URL).mock(side_effect=answering(wording))

    _, question = start(resume)

    assert (question["text"], question["engine"]) == (wording, "gemini")
    assert question["key_points"][0]["text"] == "your current role and background"
    sent = b"".join(call.request.content for call in route.calls)
    assert b"jane.doe@example.com" not in sent and b"Jane Doe" not in sent


@respx.mock
def test_an_invented_employer_or_number_falls_back_to_the_local_wording():
    resume = ResumeFactory()
    respx.post(URL).mock(
        side_effect=answering("You led 40 engineers at Globex Corporation; tell me about it?")
    )
    interview, greeting = start(resume)

    result = live_answer(
        user=resume.owner,
        interview_id=interview.pk,
        question_id=None,
        answer_text="I am a backend engineer.",
        time_taken_seconds=20,
    )

    assert greeting["engine"] == "local"
    assert result.next_question["engine"] == "local"
    assert "Globex" not in result.next_question["text"]
    assert LiveInterview.objects.get().questions[1]["phase"] == "resume"
