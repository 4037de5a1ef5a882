"""Integrity signals: evidence that an answer may not be the candidate's own, never a verdict.

Each signal says what was measured and what it takes off a 100-point integrity score; the
recruiter reads them, nothing acts on them automatically.

* fast_typing: fewer than MIN_SECONDS_PER_WORD seconds per word (about 100 words a minute,
  faster than sustained typing of composed prose), for answers of MIN_WORDS words or more.
* paste / tab_switch: what the page reported.
* gold_copy: a large share of the answer's word 4-grams appear in the gold answer
  (containment), so an answer copied from the model answer shows even when it is longer.
* duplicate_answer: shingled Jaccard similarity with another candidate's answer to the same
  question.
"""

import re

from interviews.scoring.types import Signal

SIGNAL_KINDS = ("fast_typing", "paste", "tab_switch", "gold_copy", "duplicate_answer")
MIN_SECONDS_PER_WORD = 0.6
MIN_WORDS = 20
SHINGLE = 4
GOLD_COPY_FROM = 0.5
DUPLICATE_FROM = 0.6
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = _WORD.findall(text.lower())
    if len(tokens) < SHINGLE:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def containment(part: str, whole: str) -> float:
    """Share of `part`'s word 4-grams found in `whole` (0 to 1)."""
    mine, theirs = _shingles(part), _shingles(whole)
    return len(mine & theirs) / len(mine) if mine else 0.0


def jaccard(first: str, second: str) -> float:
    """Jaccard similarity of the two texts' word 4-grams (0 to 1)."""
    a, b = _shingles(first), _shingles(second)
    return len(a & b) / len(a | b) if a | b else 0.0


def _timing(answer_text: str, seconds) -> list[Signal]:
    count = len(_WORD.findall(answer_text.lower()))
    if seconds is None or count < MIN_WORDS:
        return []
    per_word = max(0.0, float(seconds)) / count
    if per_word >= MIN_SECONDS_PER_WORD:
        return []
    return [
        Signal(
            "fast_typing",
            f"{count} words in {float(seconds):.0f} s ({per_word:.2f} s a word; typing "
            f"composed text rarely goes below {MIN_SECONDS_PER_WORD} s a word).",
            15,
            {"words": count, "seconds": seconds, "seconds_per_word": round(per_word, 3)},
        )
    ]


def _times(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _page_events(paste_count: int, tab_switches: int) -> list[Signal]:
    found = []
    if paste_count > 0:
        found.append(
            Signal(
                "paste",
                f"The page saw {_times(paste_count, 'paste')} into the answer.",
                min(30, 10 * paste_count),
                {"paste_count": paste_count},
            )
        )
    if tab_switches > 0:
        found.append(
            Signal(
                "tab_switch",
                f"The candidate left the page {_times(tab_switches, 'time')} while answering.",
                min(20, 5 * tab_switches),
                {"tab_switches": tab_switches},
            )
        )
    return found


def _copies(answer_text: str, gold_answer: str, other_answers: list[str]) -> list[Signal]:
    found = []
    copied = containment(answer_text, gold_answer) if gold_answer else 0.0
    if copied >= GOLD_COPY_FROM:
        found.append(
            Signal(
                "gold_copy",
                f"{copied:.0%} of the answer's 4-word runs appear in the gold answer.",
                30,
                {"containment": round(copied, 3)},
            )
        )
    closest = max((jaccard(answer_text, other) for other in other_answers), default=0.0)
    if closest >= DUPLICATE_FROM:
        found.append(
            Signal(
                "duplicate_answer",
                f"The answer is {closest:.0%} the same (4-word runs) as another candidate's "
                "answer to this question.",
                25,
                {"jaccard": round(closest, 3)},
            )
        )
    return found


def integrity_signals(
    answer_text: str,
    *,
    time_taken_seconds,
    paste_count: int = 0,
    tab_switches: int = 0,
    gold_answer: str = "",
    other_answers: list[str] = (),
) -> list[Signal]:
    """Every signal one answer shows, in SIGNAL_KINDS order."""
    text = answer_text or ""
    return [
        *_timing(text, time_taken_seconds),
        *_page_events(max(0, paste_count or 0), max(0, tab_switches or 0)),
        *_copies(text, gold_answer or "", list(other_answers or ())),
    ]


def integrity_score(signals: list[Signal]) -> int:
    """100 less every signal's penalty, never below 0."""
    return max(0, 100 - sum(signal.penalty for signal in signals))
