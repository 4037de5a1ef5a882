"""Readability: short, active sentences without personal pronouns or repeated words."""

from collections import Counter

from ai.skills import canonical
from resumes.analysis.deductions import Deduction
from resumes.analysis.evidence import ResumeEvidence
from resumes.analysis.language import (
    STOP_WORDS,
    first_person_pronouns,
    passive_phrases,
    round_half_up,
    words,
)

CATEGORY = "readability"
NOTHING_TO_READ_POINTS = 60
TARGET_AVERAGE_WORDS = 20
AVERAGE_CAP = 20
PASSIVE_WEIGHT = 40
PASSIVE_CAP = 20
PRONOUN_POINTS = 3
PRONOUN_CAP = 15
REPEAT_THRESHOLD = 4
REPEAT_POINTS = 3
REPEAT_CAP = 15
MIN_REPEAT_LENGTH = 4


def deductions(evidence: ResumeEvidence) -> list[Deduction]:
    units = evidence.units
    if not units:
        return [
            Deduction(
                CATEGORY,
                "nothing_to_read",
                NOTHING_TO_READ_POINTS,
                "There is no summary and no experience bullet to read.",
                "Write a two-line summary and 3 to 5 bullets for each role.",
            )
        ]
    found = [_average(units), _passive(units), _pronouns(units), _repeats(units)]
    return [deduction for deduction in found if deduction is not None]


def _average(units: tuple[str, ...]) -> Deduction | None:
    average = sum(len(words(unit)) for unit in units) / len(units)
    if average <= TARGET_AVERAGE_WORDS:
        return None
    return Deduction(
        CATEGORY,
        "long_sentences",
        min(AVERAGE_CAP, round_half_up(2 * (average - TARGET_AVERAGE_WORDS))),
        f"Sentences and bullets average {average:.0f} words.",
        f"Shorten bullets to 12 to {TARGET_AVERAGE_WORDS} words: one action and its result each.",
    )


def _passive(units: tuple[str, ...]) -> Deduction | None:
    passive = [unit for unit in units if passive_phrases(unit)]
    if not passive:
        return None
    example = passive_phrases(passive[0])[0]
    return Deduction(
        CATEGORY,
        "passive_voice",
        min(PASSIVE_CAP, max(1, round_half_up(PASSIVE_WEIGHT * len(passive) / len(units)))),
        f"{len(passive)} of {len(units)} sentences and bullets use the passive voice (e.g. "
        f'"{example}").',
        f"Rewrite {len(passive)} passive {_plural(len(passive), 'sentence')} in the active "
        'voice ("I was tasked with X" → "Built X").',
    )


def _pronouns(units: tuple[str, ...]) -> Deduction | None:
    pronouns = [pronoun for unit in units for pronoun in first_person_pronouns(unit)]
    if not pronouns:
        return None
    return Deduction(
        CATEGORY,
        "personal_pronouns",
        min(PRONOUN_CAP, PRONOUN_POINTS * len(pronouns)),
        f'Personal pronouns ("I", "my", "me") appear {len(pronouns)} '
        f"{_plural(len(pronouns), 'time')}.",
        "Drop personal pronouns: start each bullet with the verb.",
    )


def _repeats(units: tuple[str, ...]) -> Deduction | None:
    counts = Counter(
        word.lower() for unit in units for word in words(unit) if _counts_as_repeatable(word)
    )
    repeated = sorted(
        (word for word, count in counts.items() if count >= REPEAT_THRESHOLD),
        key=lambda word: (-counts[word], word),
    )
    if not repeated:
        return None
    shown = ", ".join(f'"{word}" ({counts[word]} times)' for word in repeated[:4])
    return Deduction(
        CATEGORY,
        "repeated_words",
        min(REPEAT_CAP, REPEAT_POINTS * len(repeated)),
        f"Words used {REPEAT_THRESHOLD} or more times: {shown}.",
        f"Vary your wording: use synonyms for {', '.join(repeated[:3])}.",
    )


def _counts_as_repeatable(word: str) -> bool:
    """Content words only: not stop words, numbers, placeholders or skill names."""
    lower = word.lower()
    return (
        len(word) >= MIN_REPEAT_LENGTH
        and word.isalpha()
        and lower not in STOP_WORDS
        and canonical(word) is None
    )


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else f"{noun}s"
