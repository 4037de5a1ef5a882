"""Impact: do the experience bullets show results, in strong active words?"""

from resumes.analysis.deductions import Deduction
from resumes.analysis.evidence import ResumeEvidence
from resumes.analysis.language import (
    first_word,
    has_metric,
    is_strong_verb,
    round_half_up,
    weak_phrases,
)

CATEGORY = "impact"
NO_BULLETS_POINTS = 60
NUMBERS_WEIGHT = 40
VERBS_WEIGHT = 30
WEAK_PHRASE_POINTS = 5
WEAK_PHRASES_CAP = 30


def deductions(evidence: ResumeEvidence) -> list[Deduction]:
    if not evidence.bullets:
        return [
            Deduction(
                CATEGORY,
                "no_bullets",
                NO_BULLETS_POINTS,
                "No experience bullets describe what you achieved.",
                "Under each role, add 3 to 5 bullets that start with a verb and show a result.",
            )
        ]
    found = [_numbers(evidence.bullets), _verbs(evidence.bullets), _weak(evidence.bullets)]
    return [deduction for deduction in found if deduction is not None]


def _numbers(bullets: tuple[str, ...]) -> Deduction | None:
    missing = sum(1 for bullet in bullets if not has_metric(bullet))
    if not missing:
        return None
    return Deduction(
        CATEGORY,
        "bullets_without_numbers",
        round_half_up(NUMBERS_WEIGHT * missing / len(bullets)),
        f"{missing} of {len(bullets)} experience bullets have no number.",
        f"Add a number to {_bullets(missing)} (e.g. users, %, time saved).",
    )


def _verbs(bullets: tuple[str, ...]) -> Deduction | None:
    weak = [bullet for bullet in bullets if not is_strong_verb(first_word(bullet))]
    if not weak:
        return None
    openers = sorted({first_word(bullet) for bullet in weak if first_word(bullet)})[:3]
    examples = f" (they start with {_quoted(openers)})" if openers else ""
    return Deduction(
        CATEGORY,
        "weak_action_verbs",
        round_half_up(VERBS_WEIGHT * len(weak) / len(bullets)),
        f"{len(weak)} of {len(bullets)} experience bullets do not start with a strong action "
        f"verb{examples}.",
        f"Start {_bullets(len(weak))} with a strong verb such as led, built, reduced or launched.",
    )


def _weak(bullets: tuple[str, ...]) -> Deduction | None:
    phrases = [phrase for bullet in bullets for phrase in weak_phrases(bullet)]
    if not phrases:
        return None
    distinct = sorted(set(phrases))
    return Deduction(
        CATEGORY,
        "weak_phrases",
        min(WEAK_PHRASES_CAP, WEAK_PHRASE_POINTS * len(phrases)),
        f"Weak phrases used {len(phrases)} {'time' if len(phrases) == 1 else 'times'}: "
        f"{_quoted(distinct)}.",
        f"Replace {_quoted(distinct)} with what you did yourself and its result.",
    )


def _bullets(count: int) -> str:
    return f"{count} experience {'bullet' if count == 1 else 'bullets'}"


def _quoted(items: list[str]) -> str:
    return ", ".join(f'"{item}"' for item in items)
