"""The starter question bank: sound data, canonical skills, rubrics that score their own gold
answers high and an off-topic answer low, and deterministic draws."""

import json

import pytest

from ai.skills import canonical
from interviews.scoring import score_answer
from interviews.scoring.bank import draw_questions, load_bank, read_bank, validate_bank

OFF_TOPIC = "I enjoy hiking with my family at the weekend and cooking Italian food for friends."


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def test_the_shipped_bank_has_no_problems():
    assert validate_bank() == []


def test_the_bank_is_large_and_broad(bank):
    assert len(bank.questions) >= 200
    assert len(bank.roles) >= 20
    assert len(bank.skills()) >= 20
    assert len({q.text for q in bank.questions}) == len(bank.questions)
    assert len(bank.templates) >= 3


def test_every_skill_is_a_canonical_taxonomy_name(bank):
    assert bank.skills()
    assert all(canonical(skill) == skill for skill in bank.skills())


def test_every_question_type_and_difficulty_is_represented(bank):
    assert {q.question_type for q in bank.questions} == {
        "technical",
        "behavioral",
        "situational",
        "problem_solving",
    }
    assert {q.difficulty for q in bank.questions} == {"easy", "medium", "hard"}


def test_every_question_scores_its_own_gold_answer_high_and_off_topic_low(bank):
    for question in bank.questions:
        rubric = question.rubric()
        gold = score_answer(rubric, question.gold_answer)
        off = score_answer(rubric, OFF_TOPIC)
        assert gold.overall >= 8.5, (question.id, gold.overall, gold.missing_key_points)
        assert off.overall <= 2.0, (question.id, off.overall)


def test_a_template_is_filled_for_one_skill(bank):
    filled = bank.templates[0].fill("golang")
    assert filled.skills == ("Go",)
    assert "{skill}" not in filled.text + filled.gold_answer
    assert all("{skill}" not in point.text for point in filled.key_points)
    assert filled.id == f"{bank.templates[0].id}-go"
    assert score_answer(filled.rubric(), filled.gold_answer).overall >= 8.5


def test_a_draw_is_the_same_for_the_same_seed_and_respects_filters():
    first = draw_questions(skills=["python"], count=5, seed=7)
    again = draw_questions(skills=["Python"], count=5, seed=7)
    assert [q.id for q in first] == [q.id for q in again]
    assert len(first) == 5
    assert all("Python" in q.skills for q in first)
    easy = draw_questions(skills=["Python"], difficulty="easy", types=["technical"], count=50)
    assert easy
    assert all(q.difficulty == "easy" and q.question_type == "technical" for q in easy)


def test_a_draw_puts_questions_matching_more_skills_first():
    drawn = draw_questions(skills=["Django", "Query Optimization"], count=3)
    assert drawn[0].id == "django-001"


def test_skills_the_bank_lacks_get_templates(bank):
    assert "Elixir" not in bank.skills()
    drawn = draw_questions(skills=["Elixir", "Python"], count=40, seed=1)
    filled = [q for q in drawn if q.id.startswith("template-")]
    assert filled
    assert all(q.skills == ("Elixir",) for q in filled)
    assert len({q.text for q in drawn}) == len(drawn)


def test_a_role_draws_that_role_file(bank):
    drawn = draw_questions(role="Senior Java Developer", count=100)
    assert drawn
    assert {q.role for q in drawn} == {"Java developer"}


def test_an_unknown_skill_and_role_draw_only_templates_or_nothing():
    assert draw_questions(role="Underwater basket weaver", count=3) == []
    assert draw_questions(count=3) == []


def _write(directory, name, data):
    (directory / name).write_text(json.dumps(data))


def test_the_validator_names_each_problem(tmp_path, bank):
    good = bank.questions[0].as_dict()
    broken = {
        **good,
        "id": "broken-1",
        "skills": ["Pythonish"],
        "type": "trivia",
        "gold_answer": "Too short.",
        "key_points": [{"text": "Only one", "weight": 0, "alternatives": []}],
    }
    _write(tmp_path, "a.json", {"role": "A", "questions": [good, broken]})
    _write(tmp_path, "b.json", {"role": "B", "questions": [{**good, "id": "other-1"}]})
    problems = validate_bank(tmp_path)
    assert any("'Pythonish' is not a canonical" in p for p in problems)
    assert any("type 'trivia'" in p for p in problems)
    assert any("1 sentences" in p for p in problems)
    assert any("1 key points" in p for p in problems)
    assert any("no positive weight" in p for p in problems)
    assert any("needs 1 to 3 alternatives" in p for p in problems)
    assert any(p.startswith("duplicate text") for p in problems)


def test_unreadable_bank_files_are_reported_not_raised(tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    assert validate_bank(tmp_path)[0].startswith("bad.json:")
    _write(tmp_path, "bad.json", {"role": "X", "questions": [{"id": "x"}]})
    assert "missing or malformed field" in validate_bank(tmp_path)[0]
    with pytest.raises(ValueError):
        read_bank(tmp_path)
