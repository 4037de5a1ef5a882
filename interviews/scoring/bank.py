"""The starter question bank, shipped as data: loading, checking and drawing questions.

`interviews/data/starter_bank/<role>.json` holds one skill's or role's questions;
`templates.json` holds questions with a `{skill}` slot, filled in for a skill the bank has
no question for. See README.md beside this file for the format.
"""

from __future__ import annotations

import functools
import json
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ai.skills import canonical
from interviews.scoring.text import sentences
from interviews.scoring.types import QUESTION_TYPES, KeyPoint, Rubric

BANK_DIR = Path(__file__).resolve().parent.parent / "data" / "starter_bank"
TEMPLATES_FILE = "templates.json"
DIFFICULTIES = ("easy", "medium", "hard")
GOLD_SENTENCES = (3, 6)
KEY_POINTS = (3, 5)
ALTERNATIVES = (1, 3)


class BankError(ValueError):
    """The bank's data cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class BankQuestion:
    """One question of the bank (or a template filled in for one skill)."""

    id: str
    role: str
    text: str
    question_type: str
    difficulty: str
    skills: tuple[str, ...]
    gold_answer: str
    key_points: tuple[KeyPoint, ...]
    expected_seconds: int

    def rubric(self) -> Rubric:
        return Rubric(
            question_text=self.text,
            gold_answer=self.gold_answer,
            key_points=self.key_points,
            question_type=self.question_type,
            expected_seconds=self.expected_seconds,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "role": self.role,
            "text": self.text,
            "type": self.question_type,
            "difficulty": self.difficulty,
            "skills": list(self.skills),
            "gold_answer": self.gold_answer,
            "key_points": [point.as_dict() for point in self.key_points],
            "expected_seconds": self.expected_seconds,
        }


@dataclass(frozen=True)
class QuestionTemplate:
    """A question with `{skill}` slots, for skills the bank has no question for."""

    id: str
    text: str
    question_type: str
    difficulty: str
    gold_answer: str
    key_points: tuple[KeyPoint, ...]
    expected_seconds: int

    def fill(self, skill: str) -> BankQuestion:
        """This template for one skill (its canonical name when the taxonomy knows it)."""
        name = canonical(skill) or skill.strip()
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        return BankQuestion(
            id=f"{self.id}-{slug}",
            role=name,
            text=self.text.format(skill=name),
            question_type=self.question_type,
            difficulty=self.difficulty,
            skills=(name,),
            gold_answer=self.gold_answer.format(skill=name),
            key_points=tuple(
                KeyPoint(
                    point.text.format(skill=name),
                    point.weight,
                    tuple(alt.format(skill=name) for alt in point.alternatives),
                )
                for point in self.key_points
            ),
            expected_seconds=self.expected_seconds,
        )


@dataclass(frozen=True)
class Bank:
    questions: tuple[BankQuestion, ...]
    templates: tuple[QuestionTemplate, ...]
    roles: dict[str, dict[str, Any]]  # file name → {"role": label, "keywords": [...]}

    def skills(self) -> set[str]:
        """Every skill at least one bank question covers."""
        return {skill for question in self.questions for skill in question.skills}


def _key_points(raw: list[dict]) -> tuple[KeyPoint, ...]:
    return tuple(KeyPoint.from_dict(point) for point in raw)


def _question(raw: dict, role: str) -> BankQuestion:
    return BankQuestion(
        id=raw["id"],
        role=role,
        text=raw["text"],
        question_type=raw["type"],
        difficulty=raw["difficulty"],
        skills=tuple(raw["skills"]),
        gold_answer=raw["gold_answer"],
        key_points=_key_points(raw["key_points"]),
        expected_seconds=int(raw["expected_seconds"]),
    )


def _template(raw: dict) -> QuestionTemplate:
    return QuestionTemplate(
        id=raw["id"],
        text=raw["text"],
        question_type=raw["type"],
        difficulty=raw["difficulty"],
        gold_answer=raw["gold_answer"],
        key_points=_key_points(raw["key_points"]),
        expected_seconds=int(raw["expected_seconds"]),
    )


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BankError(f"{path.name}: {exc}") from None


def read_bank(directory: Path) -> Bank:
    """The bank in `directory`; BankError names the first file that cannot be read."""
    questions, templates, roles = [], [], {}
    for path in sorted(directory.glob("*.json")):
        data = _read(path)
        try:
            if path.name == TEMPLATES_FILE:
                templates.extend(_template(raw) for raw in data["templates"])
                continue
            roles[path.stem] = {"role": data["role"], "keywords": data.get("keywords", [])}
            questions.extend(_question(raw, data["role"]) for raw in data["questions"])
        except (KeyError, TypeError, ValueError) as exc:
            raise BankError(f"{path.name}: missing or malformed field {exc}") from None
    return Bank(tuple(questions), tuple(templates), roles)


@functools.cache
def load_bank() -> Bank:
    """The shipped bank, read once per process."""
    return read_bank(BANK_DIR)


def _problems_of(question: BankQuestion) -> list[str]:
    where = question.id
    problems = []
    if question.question_type not in QUESTION_TYPES:
        problems.append(f"{where}: type {question.question_type!r} is not one of {QUESTION_TYPES}")
    if question.difficulty not in DIFFICULTIES:
        problems.append(f"{where}: difficulty {question.difficulty!r} is unknown")
    if not question.skills:
        problems.append(f"{where}: no skills")
    problems += [
        f"{where}: skill {skill!r} is not a canonical taxonomy name"
        for skill in question.skills
        if canonical(skill) != skill
    ]
    count = len(sentences(question.gold_answer))
    if not GOLD_SENTENCES[0] <= count <= GOLD_SENTENCES[1]:
        problems.append(f"{where}: the gold answer has {count} sentences, not 3 to 6")
    if not KEY_POINTS[0] <= len(question.key_points) <= KEY_POINTS[1]:
        problems.append(f"{where}: {len(question.key_points)} key points, not 3 to 5")
    for point in question.key_points:
        if point.weight <= 0:
            problems.append(f"{where}: key point {point.text!r} has no positive weight")
        if not ALTERNATIVES[0] <= len(point.alternatives) <= ALTERNATIVES[1]:
            problems.append(f"{where}: key point {point.text!r} needs 1 to 3 alternatives")
    if question.expected_seconds <= 0:
        problems.append(f"{where}: expected_seconds must be positive")
    return problems


def validate_bank(directory: Path = BANK_DIR) -> list[str]:
    """Every problem found in the bank at `directory`; an empty list when it is sound."""
    try:
        bank = read_bank(directory)
    except BankError as exc:
        return [str(exc)]
    problems = []
    filled = [template.fill("Python") for template in bank.templates]
    for question in (*bank.questions, *filled):
        problems += _problems_of(question)
    for label, values in (
        ("id", [q.id for q in bank.questions] + [t.id for t in bank.templates]),
        ("text", [q.text.strip().lower() for q in bank.questions]),
    ):
        seen: set[str] = set()
        problems += [f"duplicate {label}: {v!r}" for v in values if v in seen or seen.add(v)]
    return problems


def _matches_role(bank: Bank, role: str | None) -> set[str]:
    """Role labels whose file keywords the role text names ("Senior Java Developer": java)."""
    if not role:
        return set()
    named = set(re.findall(r"[a-z0-9+#/.-]+", role.lower()))
    return {
        info["role"]
        for info in bank.roles.values()
        if named & {keyword.lower() for keyword in info["keywords"]}
    }


def draw_questions(
    *,
    skills: Iterable[str] = (),
    role: str | None = None,
    difficulty: str | None = None,
    types: Iterable[str] | None = None,
    count: int,
    seed: int = 0,
) -> list[BankQuestion]:
    """Up to `count` questions, the same ones for the same arguments and seed.

    Bank questions covering an asked skill (or belonging to the asked role) come first, most
    skills matched first, shuffled by the seed within that order; then templates filled in
    for asked skills the bank has no question for. Difficulty and types filter both.
    """
    bank = load_bank()
    wanted = [canonical(skill) or skill.strip() for skill in skills if skill and skill.strip()]
    kinds = set(types) if types else set(QUESTION_TYPES)
    roles = _matches_role(bank, role)
    rng = random.Random(seed)  # noqa: S311 - a reproducible draw, not a secret

    def fits(question: BankQuestion) -> bool:
        return question.question_type in kinds and difficulty in (None, question.difficulty)

    scored = []
    for question in bank.questions:
        overlap = len(set(question.skills) & set(wanted))
        if fits(question) and (overlap or question.role in roles):
            scored.append((-overlap, rng.random(), question.id, question))
    chosen = [question for *_, question in sorted(scored)][:count]
    covered = bank.skills()
    templates = [t for t in bank.templates if t.question_type in kinds]
    templates = [t for t in templates if difficulty in (None, t.difficulty)]
    missing = list(dict.fromkeys(s for s in wanted if s not in covered))
    for template in sorted(templates, key=lambda t: (rng.random(), t.id)):
        for skill in missing:
            if len(chosen) >= count:
                return chosen
            chosen.append(template.fill(skill))
    return chosen
