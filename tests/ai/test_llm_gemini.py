"""The Gemini engine against a fake Gemini API (respx at the HTTP boundary of the SDK)."""

import json

import httpx
import pytest
import respx

from ai.llm import GeminiEngine, LocalEngine, generate
from ai.llm.registry import get_task
from tests.ai.llm_samples import (
    EMAIL,
    NAME,
    PHONE,
    bullet_facts,
    cover_letter_facts,
    profile,
    review_facts,
)

MODEL = "gemini-2.5-flash"
URL = f"https://generativelanguage.googleapis.com/v1beta/models/{MODEL}:generateContent"

REVIEW = {
    "summary": "Formatting and section structure are the strongest areas; impact needs work.",
    "pros": ["Clean formatting", "Clear sections", "Python and Django match the role"],
    "cons": ["Few quantified bullets", "Kubernetes is missing", "Keywords are thin"],
}
LETTER = {
    "subject": "Senior Backend Engineer at Acme",
    "greeting": "Dear Hiring Manager,",
    "paragraphs": [
        "With 5.5 years of experience as a Backend Developer at Globex, I build Python APIs.",
        "I would like to bring Django and PostgreSQL to Acme.",
    ],
    "closing": "Kind regards,",
}


@pytest.fixture(autouse=True)
def _gemini(settings, monkeypatch):
    settings.GEMINI_API_KEY = "test-key"
    settings.GEMINI_MODEL = MODEL
    settings.AI_TIMEOUT_SECONDS = 5
    settings.AI_MAX_RETRIES = 2
    # The SDK defaults to httpx2; its httpx transport is the one respx intercepts.
    monkeypatch.setenv("GOOGLE_GENAI_HTTP_CLIENT", "httpx")


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def engine(sleeps) -> GeminiEngine:
    return GeminiEngine.from_settings(sleep=sleeps.append)


def answer(data: object) -> httpx.Response:
    text = data if isinstance(data, str) else json.dumps(data)
    candidate = {"content": {"role": "model", "parts": [{"text": text}]}, "finishReason": "STOP"}
    return httpx.Response(200, json={"candidates": [candidate]})


def failure(status: int) -> httpx.Response:
    return httpx.Response(status, json={"error": {"code": status, "message": "no", "status": "X"}})


@respx.mock
def test_a_valid_answer_is_used_as_is():
    route = respx.post(URL).mock(return_value=answer(REVIEW))
    result = generate("resume_review", review_facts())
    assert result.data == REVIEW
    assert result.meta() == {"engine": "gemini", "model": MODEL, "fallback_reason": None}
    request = route.calls.last.request
    body = json.loads(request.content)
    assert request.headers["x-goog-api-key"] == "test-key"
    assert request.headers["x-server-timeout"] == "5"  # AI_TIMEOUT_SECONDS
    assert body["generationConfig"]["responseMimeType"] == "application/json"
    assert body["generationConfig"]["responseJsonSchema"] == get_task("resume_review").schema
    assert body["generationConfig"]["temperature"] == 0
    assert "Never invent an employer" in body["systemInstruction"]["parts"][0]["text"]


@respx.mock
def test_a_503_is_retried_and_the_second_answer_used(engine, sleeps):
    route = respx.post(URL).mock(side_effect=[failure(503), answer(REVIEW)])
    result = generate("resume_review", review_facts(), engine=engine)
    assert (result.engine, result.data) == ("gemini", REVIEW)
    assert route.call_count == 2
    assert sleeps == [1.0]


@respx.mock
def test_a_timeout_is_retried(engine, sleeps):
    route = respx.post(URL).mock(side_effect=[httpx.ReadTimeout("slow"), answer(REVIEW)])
    assert generate("resume_review", review_facts(), engine=engine).engine == "gemini"
    assert route.call_count == 2


@respx.mock
def test_persistent_429_falls_back_to_local_after_backing_off(engine, sleeps):
    route = respx.post(URL).mock(return_value=failure(429))
    facts = review_facts()
    result = generate("resume_review", facts, engine=engine)
    assert result.meta() == {
        "engine": "local",
        "model": None,
        "fallback_reason": "gemini: HTTP 429 after 3 attempts",
    }
    assert result.data == LocalEngine().run("resume_review", facts)
    assert route.call_count == 3
    assert sleeps == [1.0, 2.0]


@respx.mock
def test_a_forbidden_key_is_not_retried(engine, sleeps):
    route = respx.post(URL).mock(return_value=failure(403))
    result = generate("resume_review", review_facts(), engine=engine)
    assert result.fallback_reason == "gemini: HTTP 403"
    assert route.call_count == 1
    assert sleeps == []


@respx.mock
def test_malformed_json_falls_back():
    respx.post(URL).mock(return_value=answer('{"summary": "cut off'))
    result = generate("resume_review", review_facts())
    assert (result.engine, result.fallback_reason) == ("local", "gemini: invalid JSON")


@respx.mock
def test_an_answer_off_the_schema_falls_back():
    respx.post(URL).mock(return_value=answer({"summary": "Fine.", "pros": ["a", "b", "c"]}))
    result = generate("resume_review", review_facts())
    assert result.engine == "local"
    assert result.fallback_reason.startswith("gemini: output does not match the schema")


@respx.mock
def test_a_letter_naming_an_unknown_employer_falls_back():
    letter = {**LETTER, "paragraphs": ["I led the payments team at Hooli.", "Thank you."]}
    respx.post(URL).mock(return_value=answer(letter))
    result = generate("cover_letter", cover_letter_facts())
    assert result.engine == "local"
    assert (
        result.fallback_reason == "gemini: output failed the fact check: unknown employer 'Hooli'"
    )


@respx.mock
def test_a_letter_inventing_a_number_falls_back():
    letter = {**LETTER, "paragraphs": ["I bring 12 years of Python experience.", "Thank you."]}
    respx.post(URL).mock(return_value=answer(letter))
    result = generate("cover_letter", cover_letter_facts())
    assert result.fallback_reason == "gemini: output failed the fact check: unknown number '12'"


@respx.mock
def test_a_trusted_letter_gets_the_signature_filled_in_locally():
    route = respx.post(URL).mock(return_value=answer(LETTER))
    result = generate("cover_letter", cover_letter_facts())
    assert result.engine == "gemini"
    assert result.data == {**LETTER, "signature": f"{NAME}\n{EMAIL} · {PHONE}"}
    sent = json.loads(route.calls.last.request.content)
    assert sent["generationConfig"]["responseJsonSchema"] == get_task("cover_letter").remote_schema


@respx.mock
def test_personal_details_never_reach_gemini():
    route = respx.post(URL).mock(return_value=answer(LETTER))
    generate("cover_letter", cover_letter_facts())
    personal = {"name": NAME, "email": EMAIL, "phone": PHONE, "location": "Leeds"}
    generate("resume_review", review_facts(profile=profile(personal_info=personal)))
    assert route.call_count == 2
    for call in route.calls:
        body = call.request.content.decode()
        for value in (NAME, EMAIL, PHONE, "Alex", "7946"):
            assert value not in body


@respx.mock
def test_bullet_rewrites_may_hold_example_numbers_only_inside_the_prompt():
    rewrites = [
        {"id": "b1", "text": "Led the billing service [add a measurable result, e.g. 30% faster]"},
        {"id": "b2", "text": "Cut AWS costs by 20% by moving batch jobs to Kafka"},
    ]
    respx.post(URL).mock(return_value=answer({"rewrites": list(reversed(rewrites))}))
    result = generate("bullet_rewrites", bullet_facts())
    assert (result.engine, result.data) == ("gemini", {"rewrites": rewrites})


@respx.mock
def test_a_rewrite_that_invents_a_result_falls_back():
    rewrites = [
        {"id": "b1", "text": "Led the billing service, cutting costs by 35%"},
        {"id": "b2", "text": "Cut AWS costs by 20% by moving batch jobs to Kafka"},
    ]
    respx.post(URL).mock(return_value=answer({"rewrites": rewrites}))
    result = generate("bullet_rewrites", bullet_facts())
    assert result.fallback_reason == "gemini: output failed the fact check: unknown number '35'"


@respx.mock
def test_rewrites_that_skip_a_bullet_fall_back():
    respx.post(URL).mock(return_value=answer({"rewrites": [{"id": "b1", "text": "Led it"}]}))
    result = generate("bullet_rewrites", bullet_facts())
    assert result.engine == "local"
    assert "does not answer every bullet" in result.fallback_reason


def test_without_a_key_no_request_is_made(settings):
    settings.GEMINI_API_KEY = ""
    with respx.mock(assert_all_called=False) as router:
        router.post(URL).mock(return_value=answer(REVIEW))
        result = generate("resume_review", review_facts())
    assert result.meta() == {"engine": "local", "model": None, "fallback_reason": None}
    assert router.calls.call_count == 0


@respx.mock
def test_a_garbled_response_falls_back():
    respx.post(URL).mock(return_value=httpx.Response(200, text="<html>proxy error</html>"))
    result = generate("gap_assessment", {"job_title": None, "match_percentage": 50.0})
    assert result.fallback_reason == "gemini: unreadable response (JSONDecodeError)"
