"""The typed values the scorer takes and gives; plain data, no Django models.

Every score is a float on 0 to 10 with one decimal. `as_dict()` gives JSON-ready data for storing
a score beside an answer, and `from_dict()` reads it back unchanged.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

QUESTION_TYPES = ("technical", "behavioral", "situational", "problem_solving")
SENTIMENTS = ("positive", "neutral", "negative")
RECOMMENDATIONS = ("select", "next_round", "reject")


@dataclass(frozen=True)
class KeyPoint:
    """One thing a good answer says; `alternatives` are other accepted wordings of it."""

    text: str
    weight: float = 1.0
    alternatives: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "weight": self.weight, "alternatives": list(self.alternatives)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KeyPoint:
        return cls(
            text=data["text"],
            weight=float(data.get("weight", 1.0)),
            alternatives=tuple(data.get("alternatives") or ()),
        )


@dataclass(frozen=True)
class Rubric:
    """What an answer is scored against. Hashable, so its prepared form is cached."""

    question_text: str
    gold_answer: str
    key_points: tuple[KeyPoint, ...] = ()
    question_type: str = "technical"
    expected_seconds: int | None = None


@dataclass(frozen=True)
class AnswerScore:
    """The scores of one answer and everything behind them.

    relevance, completeness, accuracy, clarity and overall are 0 to 10 with one decimal;
    confidence (0 to 10, from hedging and assertive wording) feeds the session's confidence
    rating. `explanation` holds the inputs behind each number, for "why this score".
    """

    relevance: float
    completeness: float
    accuracy: float
    clarity: float
    overall: float
    matched_key_points: list[str]
    missing_key_points: list[str]
    feedback: list[str]
    model_answer: str
    sentiment: str
    confidence: float
    explanation: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnswerScore:
        return cls(**data)


@dataclass(frozen=True)
class SessionSummary:
    """A completed session: ratings 0 to 10, readable feedback and the recommendation."""

    overall: float
    technical: float
    communication: float
    confidence: float
    strengths: list[str]
    areas_for_improvement: list[str]
    feedback: list[str]
    recommendation: str
    explanation: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Signal:
    """One piece of integrity evidence: what was seen, never a verdict.

    kind is one of integrity.SIGNAL_KINDS; penalty is what it takes off the 100-point
    integrity score; evidence holds the measured values behind the description.
    """

    kind: str
    description: str
    penalty: int
    evidence: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
