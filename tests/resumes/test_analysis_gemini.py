"""An analysis with Gemini configured, against a fake Gemini API at the HTTP boundary."""

import json

import httpx
import pytest
import respx

from resumes.analysis import analyse_resume, job_target_from_description
from resumes.parsing import parse_resume
from tests.resumes.factories import JOB_DESCRIPTION, SAMPLE_RESUME

MODEL = "gemini-2.5-flash"
URL = f"https://generativelanguage.googleapis.com/v1beta/models/{MODEL}:generateContent"
REVIEW = {
    "summary": "Well structured; the impact of the work could be shown with more numbers.",
    "pros": ["Clear sections", "Relevant backend skills", "Steady progression"],
    "cons": ["Some bullets lack results", "No cloud experience", "Summary is short"],
}
ASSESSMENT = {"overall_assessment": "A close fit once cloud infrastructure skills are added."}


@pytest.fixture(autouse=True)
def _gemini(settings, monkeypatch):
    settings.GEMINI_API_KEY = "test-key"
    settings.GEMINI_MODEL = MODEL
    settings.AI_MAX_RETRIES = 0
    monkeypatch.setenv("GOOGLE_GENAI_HTTP_CLIENT", "httpx")


def gemini_answers(request: httpx.Request) -> httpx.Response:
    """The review or the gap assessment, whichever the request's schema asks for."""
    data = ASSESSMENT if b"overall_assessment" in request.content else REVIEW
    candidate = {"content": {"role": "model", "parts": [{"text": json.dumps(data)}]}}
    return httpx.Response(200, json={"candidates": [candidate]})


def analyse() -> dict:
    job = job_target_from_description(JOB_DESCRIPTION)
    return analyse_resume(SAMPLE_RESUME, parse_resume(SAMPLE_RESUME), job)


SCORE_KEYS = ("ats_score", "section_scores", "skill_match_analysis", "estimated_preparation_hours")


@respx.mock
def test_gemini_writes_the_words_and_every_engine_is_recorded(settings):
    route = respx.post(URL).mock(side_effect=gemini_answers)
    result = analyse()
    assert route.call_count == 2
    assert result["review"]["summary"] == REVIEW["summary"]
    assert result["overall_assessment"] == ASSESSMENT["overall_assessment"]
    assert result["engine"]["engine"] == "gemini"
    assert {task: meta["engine"] for task, meta in result["engine"]["tasks"].items()} == {
        "resume_review": "gemini",
        "gap_assessment": "gemini",
    }
    sent = b"".join(call.request.content for call in route.calls)
    assert b"jane.doe@example.com" not in sent and b"Jane Doe" not in sent

    settings.GEMINI_API_KEY = ""
    local = analyse()
    assert {key: result[key] for key in SCORE_KEYS} == {key: local[key] for key in SCORE_KEYS}
    assert result["review"]["score"] == local["review"]["score"]


@respx.mock
def test_a_failing_gemini_falls_back_to_the_local_engine_and_says_so():
    respx.post(URL).mock(return_value=httpx.Response(503, json={"error": {"code": 503}}))
    result = analyse()
    assert result["engine"]["engine"] == "local"
    assert "503" in result["engine"]["fallback_reason"]
    assert result["engine"]["tasks"]["gap_assessment"]["fallback_reason"]
    assert result["review"]["summary"] and result["overall_assessment"]
