"""summarize_session: a completed session's ratings, feedback and recommendation.

* overall: the mean of the answers' overall scores.
* technical: the mean of (completeness + accuracy) / 2 over technical and problem-solving
  answers (over every answer when the session has none).
* communication: the mean of 0.6 x clarity + 0.4 x relevance.
* confidence: the mean of the answers' confidence (hedging against assertive wording).
"""

from collections import Counter

from django.conf import settings

from interviews.scoring.types import AnswerScore, SessionSummary

TECHNICAL_TYPES = ("technical", "problem_solving")
STRONG = 7.0
WEAK = 5.0
MAX_MISSED = 3


def recommendation_for(overall: float) -> str:
    """'select', 'next_round' or 'reject' for a session's overall score, by the settings."""
    if overall >= settings.INTERVIEW_SELECT_THRESHOLD:
        return "select"
    if overall >= settings.INTERVIEW_NEXT_ROUND_THRESHOLD:
        return "next_round"
    return "reject"


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values) + 1e-9, 1) if values else 0.0


def _ratings(scores: list[AnswerScore], types: list[str]) -> dict[str, float]:
    technical = [s for s, kind in zip(scores, types, strict=True) if kind in TECHNICAL_TYPES]
    return {
        "overall": _mean([s.overall for s in scores]),
        "technical": _mean([(s.completeness + s.accuracy) / 2 for s in technical or scores]),
        "communication": _mean([0.6 * s.clarity + 0.4 * s.relevance for s in scores]),
        "confidence": _mean([s.confidence for s in scores]),
    }


_LABELS = {
    "technical": "technical accuracy and coverage",
    "communication": "clear, on-topic communication",
    "confidence": "confident, direct answers",
}


def _strengths_and_areas(ratings: dict, scores: list[AnswerScore]) -> tuple[list, list]:
    strengths = [
        f"Strong {label} ({ratings[key]:.1f}/10)."
        for key, label in _LABELS.items()
        if ratings[key] >= STRONG
    ]
    areas = [
        f"Work on {label} ({ratings[key]:.1f}/10)."
        for key, label in _LABELS.items()
        if ratings[key] < WEAK
    ]
    missed = Counter(point for s in scores for point in s.missing_key_points)
    if missed:
        named = "; ".join(point.rstrip(".") for point, _ in missed.most_common(MAX_MISSED))
        areas.append(f"Points most often left out: {named}.")
    return strengths, areas


def _feedback(ratings: dict, recommendation: str, answered: int) -> list[str]:
    verdict = {
        "select": "The answers meet the bar for selection.",
        "next_round": "The answers are promising enough for a next round.",
        "reject": "The answers fall short of the bar for this role.",
    }[recommendation]
    best = max(_LABELS, key=lambda key: ratings[key])
    worst = min(_LABELS, key=lambda key: ratings[key])
    found = [
        f"{answered} answer{'s' if answered != 1 else ''} scored, {ratings['overall']:.1f}/10 "
        "overall.",
        verdict,
    ]
    if ratings[best] - ratings[worst] >= 1.5:
        found.append(f"Best at {_LABELS[best]}; weakest at {_LABELS[worst]}.")
    return found


def summarize_session(scores: list[AnswerScore], question_types: list[str]) -> SessionSummary:
    """The session's ratings (0 to 10), strengths, areas to improve and recommendation."""
    if len(scores) != len(question_types):
        raise ValueError("scores and question_types must be the same length.")
    ratings = _ratings(scores, question_types)
    recommendation = recommendation_for(ratings["overall"]) if scores else "reject"
    strengths, areas = _strengths_and_areas(ratings, scores)
    feedback = _feedback(ratings, recommendation, len(scores)) if scores else ["No answers."]
    return SessionSummary(
        **ratings,
        strengths=strengths,
        areas_for_improvement=areas,
        feedback=feedback,
        recommendation=recommendation,
        explanation={
            "answers": len(scores),
            "technical_answers": sum(kind in TECHNICAL_TYPES for kind in question_types),
            "select_threshold": settings.INTERVIEW_SELECT_THRESHOLD,
            "next_round_threshold": settings.INTERVIEW_NEXT_ROUND_THRESHOLD,
        },
    )
