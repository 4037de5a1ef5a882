"""The one door between the interviews app and `interviews.scoring`: a question as a plan item
(a JSON snapshot of its rubric), scoring an answer to it, and the starter bank.

A session stores plan items, not references, so the scores it gave can always be reproduced
even after the bank question is edited or retired.
"""

from interviews.scoring import (
    integrity_score,
    integrity_signals,
    propose_key_points,
    score_answer,
    summarize_session,
)
from interviews.scoring.bank import draw_questions, load_bank
from interviews.scoring.types import QUESTION_TYPES, AnswerScore, KeyPoint, Rubric

__all__ = ["QUESTION_TYPES", "integrity_score", "summarize_session"]

_EXPECTED_SECONDS = {"easy": 90, "medium": 150, "hard": 240}


def expected_seconds(difficulty: str) -> int:
    """A default answer time for a question written without one."""
    return _EXPECTED_SECONDS.get(difficulty, 150)


def normalised_key_points(points: list[dict]) -> list[dict]:
    return [KeyPoint.from_dict(point).as_dict() for point in points]


def proposed_key_points(gold_answer: str) -> list[dict]:
    return [point.as_dict() for point in propose_key_points(gold_answer)]


def plan_item(question) -> dict:
    """A bank `Question` as a session plan item."""
    return {
        "id": str(question.pk),
        "bank_question": question.pk,
        "text": question.text,
        "question_type": question.question_type,
        "difficulty": question.difficulty,
        "skills": list(question.skills),
        "gold_answer": question.gold_answer,
        "key_points": list(question.key_points),
        "expected_seconds": question.expected_seconds,
    }


def starter_plan_item(item) -> dict:
    """A starter-bank question (`interviews.scoring.bank.BankQuestion`) as a plan item."""
    return {
        "id": item.id,
        "bank_question": None,
        "text": item.text,
        "question_type": item.question_type,
        "difficulty": item.difficulty,
        "skills": list(item.skills),
        "gold_answer": item.gold_answer,
        "key_points": [point.as_dict() for point in item.key_points],
        "expected_seconds": item.expected_seconds,
    }


def starter_items(
    *, skills=(), role: str | None = None, types=None, difficulty=None, limit: int, seed: int = 0
) -> list[dict]:
    """Starter-bank questions (then its templates) as plan items, deterministic per seed."""
    drawn = draw_questions(
        skills=tuple(skills),
        role=role,
        difficulty=difficulty,
        types=types,
        count=limit,
        seed=seed,
    )
    return [starter_plan_item(item) for item in drawn]


def role_choices() -> list[tuple[str, str]]:
    """The starter bank's roles, for the practice page; the draw reads the role's words."""
    labels = sorted({info["role"] for info in load_bank().roles.values()})
    return [(label, label) for label in labels]


def rubric_of(item: dict) -> Rubric:
    return Rubric(
        question_text=item["text"],
        gold_answer=item["gold_answer"],
        key_points=tuple(KeyPoint.from_dict(point) for point in item["key_points"]),
        question_type=item["question_type"],
        expected_seconds=item.get("expected_seconds"),
    )


def score_result(
    item: dict, answer_text: str, *, time_taken_seconds: int | None = None
) -> AnswerScore:
    """The scorer's verdict on one answer to a plan item."""
    return score_answer(rubric_of(item), answer_text, time_taken_seconds=time_taken_seconds)


def score(item: dict, answer_text: str, *, time_taken_seconds: int | None = None) -> dict:
    """The scores, key points, feedback and model answer of one answer, in the API's shape."""
    return scored_view(score_result(item, answer_text, time_taken_seconds=time_taken_seconds))


def scored_view(result: AnswerScore) -> dict:
    """An `AnswerScore` in the API's shape (the same for a session and a trial)."""
    return {
        "scores": {
            "relevance": result.relevance,
            "completeness": result.completeness,
            "accuracy": result.accuracy,
            "clarity": result.clarity,
            "overall": result.overall,
        },
        "matched_key_points": list(result.matched_key_points),
        "missing_key_points": list(result.missing_key_points),
        "feedback": list(result.feedback),
        "model_answer": result.model_answer,
        "sentiment": result.sentiment,
        "confidence": result.confidence,
    }


def answer_signals(
    item: dict, answer_text: str, *, time_taken_seconds, paste_count, tab_switches, other_answers
) -> list[dict]:
    signals = integrity_signals(
        answer_text,
        time_taken_seconds=time_taken_seconds,
        paste_count=paste_count,
        tab_switches=tab_switches,
        gold_answer=item["gold_answer"],
        other_answers=other_answers,
    )
    return [signal.as_dict() for signal in signals]
