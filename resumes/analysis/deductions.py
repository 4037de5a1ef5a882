"""Deductions: every point a category loses, with the rule behind it and what to do about it."""

from dataclasses import dataclass, replace

FULL_MARKS = 100


@dataclass(frozen=True)
class Deduction:
    category: str
    rule: str
    points: int
    detail: str  # what was found: "5 of 8 experience bullets have no number"
    advice: str  # what to do: "Add a number to 5 experience bullets (e.g. users, %, time saved)"

    def as_dict(self) -> dict:
        return {
            "category": self.category,
            "rule": self.rule,
            "points": self.points,
            "detail": self.detail,
            "advice": self.advice,
        }


def settle(deductions: list[Deduction]) -> tuple[int, list[Deduction]]:
    """The category score and the deductions that produced it.

    Points beyond the first 100 are trimmed from the last deductions, so the deductions
    always add up to exactly 100 minus the score. Deductions of 0 points are dropped.
    """
    budget = FULL_MARKS
    settled: list[Deduction] = []
    for deduction in deductions:
        points = min(deduction.points, budget)
        if points <= 0:
            continue
        settled.append(replace(deduction, points=points))
        budget -= points
    return budget, settled
