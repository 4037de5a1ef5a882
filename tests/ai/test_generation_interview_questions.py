import pytest

from ai.generation.interview_questions import write_personal_questions, write_suggested_answer
from ai.llm import Engine, generate
from ai.llm.registry import get_task
from resumes.parsing import parse_resume
from tests.resumes.factories import SAMPLE_RESUME

DRAFT = {
    "text": "How does a Python generator differ from a list?",
    "question_type": "technical",
    "difficulty": "medium",
    "skills": ["Python"],
    "gold_answer": "A generator yields items lazily instead of holding them all in memory.",
    "key_points": [{"text": "yields items lazily", "alternatives": ["lazy evaluation"]}],
}


class FakeRemote(Engine):
    name = "gemini"
    model = "fake"

    def __init__(self, data):
        self.data = data

    def run(self, task, facts):
        return self.data


def _profile():
    profile = parse_resume(SAMPLE_RESUME)
    profile.pop("personal_info")
    return profile


def _bank_facts():
    return {
        "skills": ["Python"],
        "difficulty": "medium",
        "count": 2,
        "types": ["technical"],
        "bank": [
            {
                **DRAFT,
                "id": "python-001",
                "key_points": [{"text": "yields items lazily", "weight": 2}],
            }
        ],
    }


def test_the_local_engine_returns_the_drawn_bank_items():
    result = generate("interview_questions", _bank_facts())

    assert result.engine == "local"
    assert [draft["text"] for draft in result.data["questions"]] == [DRAFT["text"]]
    assert "weight" not in result.data["questions"][0]["key_points"][0]


def test_a_remote_draft_that_passes_the_checks_is_used():
    result = generate(
        "interview_questions", _bank_facts(), engine=FakeRemote({"questions": [DRAFT]})
    )

    assert result.engine == "gemini"
    assert result.data["questions"] == [DRAFT]


@pytest.mark.parametrize(
    "change",
    [
        {"gold_answer": "Generators cut memory use by 90% in 2019."},
        {"question_type": "trivia"},
    ],
)
def test_a_remote_draft_with_an_invented_number_or_unknown_type_falls_back(change):
    result = generate(
        "interview_questions",
        _bank_facts(),
        engine=FakeRemote({"questions": [{**DRAFT, **change}]}),
    )

    assert result.engine == "local"
    assert result.fallback_reason.startswith("gemini: output failed the fact check")


def test_personal_questions_state_only_facts_of_the_resume():
    facts = {
        "profile": _profile(),
        "job_title": "Platform Engineer",
        "company": "Initech",
        "num_questions": 8,
    }

    data = write_personal_questions(facts)

    assert len(data["questions"]) == 8
    assert get_task("personal_questions").verify(data, facts) == []
    assert {item["category"] for item in data["questions"]} <= {
        "technical",
        "behavioral",
        "situational",
        "problem_solving",
    }


def test_a_remote_answer_naming_another_employer_falls_back():
    facts = {
        "profile": _profile(),
        "question": "Tell me about Kubernetes.",
        "job_title": "",
        "variant": 1,
    }
    invented = {"answer": "At Globex Corporation I ran Kubernetes for 40 teams."}

    result = generate("suggested_answer", facts, engine=FakeRemote(invented))

    assert result.engine == "local"
    assert result.data == write_suggested_answer(facts)
