import pytest

from ai.llm import AIResult, LocalEngine, UnknownTask, configured_engine, generate, task_names
from ai.llm.registry import Task, get_task, register
from ai.llm.schemas import schema_errors
from tests.ai.llm_samples import FACTS_BY_TASK, cover_letter_facts


@pytest.fixture(autouse=True)
def _no_gemini(settings):
    settings.GEMINI_API_KEY = ""


def test_the_tasks_are_registered_each_by_its_own_module():
    modules = {name: get_task(name).write.__module__ for name in task_names()}
    assert modules == {
        "resume_review": "ai.generation.resume_review",
        "cover_letter": "ai.generation.cover_letter",
        "bullet_rewrites": "ai.generation.bullets",
        "gap_assessment": "ai.generation.gap_assessment",
        "interview_questions": "ai.generation.interview_questions",
        "personal_questions": "ai.generation.interview_questions",
        "suggested_answer": "ai.generation.interview_questions",
        "live_interview_question": "ai.generation.live_question",
        "chat_reply": "ai.generation.chat",
    }


def test_a_task_name_is_registered_once():
    with pytest.raises(ValueError, match="twice"):
        register(Task(name="cover_letter", schema={}, brief="", write=dict, verify=list))


@pytest.mark.parametrize("task", sorted(FACTS_BY_TASK))
def test_without_a_key_every_task_runs_on_the_local_engine(task):
    result = generate(task, FACTS_BY_TASK[task]())
    assert result.meta() == {"engine": "local", "model": None, "fallback_reason": None}
    assert schema_errors(result.data, get_task(task).schema) == []


@pytest.mark.parametrize("task", sorted(FACTS_BY_TASK))
def test_the_same_facts_give_the_same_words_twice(task):
    assert generate(task, FACTS_BY_TASK[task]()) == generate(task, FACTS_BY_TASK[task]())


def test_the_configured_engine_is_local_without_a_key():
    assert isinstance(configured_engine(), LocalEngine)


def test_an_explicit_local_engine_is_used_directly():
    result = generate("cover_letter", cover_letter_facts(), engine=LocalEngine())
    assert result.engine == "local"


def test_an_unknown_task_is_refused():
    with pytest.raises(UnknownTask, match="poem"):
        generate("poem", {})


def test_an_unknown_tone_is_refused():
    with pytest.raises(ValueError, match="tone"):
        generate("cover_letter", cover_letter_facts("sarcastic"))


def test_the_result_meta_records_a_fallback():
    result = AIResult(data={}, engine="local", fallback_reason="gemini: HTTP 503 after 3 attempts")
    assert result.meta() == {
        "engine": "local",
        "model": None,
        "fallback_reason": "gemini: HTTP 503 after 3 attempts",
    }
