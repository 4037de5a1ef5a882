"""Which of a set of known questions a user's question asks: a small question index.

`ai.similarity` compares resumes with job adverts, where "job", "role" and "years" say
little; in a question they are the point. Here a question is reduced to its content words
(question words, pronouns and fillers dropped; a few synonyms and word endings folded:
"CV" = "resume", "worked" = "work") and each entry is scored by how much of the question it
covers, a word counting more the fewer entries mention it:

    similarity = 0.8 x covered idf / question idf + 0.2 x cosine with the closest asking

A word no entry knows counts as much as the rarest word, so "what was my salary at Acme"
covers "Acme" but not "salary" and stays low, while "do I know Python" is covered by the
entry whose answer lists Python. Deterministic; the same index answers in the same way.
"""

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

COVERAGE_WEIGHT = 0.8
_STOP_WORDS = Path(__file__).resolve().parent / "taxonomy" / "question_stop_words.txt"
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*(?:\.[a-z0-9]+)*")
# fmt: off
_SYNONYMS = {
    "cv": "resume", "résumé": "resume", "resumes": "resume", "position": "job",
    "role": "job", "occupation": "job", "employer": "company", "companies": "company",
    "employers": "company", "skillset": "skill", "abilities": "skill", "study": "education",
    "studied": "education", "degree": "education", "school": "education",
    "university": "education", "college": "education", "applied": "apply",
    "application": "apply", "applications": "apply", "certificate": "certification",
    "certificates": "certification", "certified": "certification",
    "better": "improve", "weaknesses": "improve", "weakness": "improve", "hi": "hello",
    "hey": "hello",
}
# fmt: on


def content_words(text: str) -> list[str]:
    """The words of `text` that carry its meaning, folded to one form each."""
    words = []
    for token in _TOKEN.findall(text.lower().replace("\u2019", "'")):
        token = token.rstrip(".")
        if token in _stop_words() or len(token) < 2:
            continue
        words.append(_fold(_SYNONYMS.get(token, token)))
    return words


@functools.cache
def _stop_words() -> frozenset[str]:
    lines = _STOP_WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if not line.startswith("#") for word in line.split())


def _fold(word: str) -> str:
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    for ending in ("ing", "ed", "es", "s"):
        if len(word) > len(ending) + 3 and word.endswith(ending) and not word.endswith("ss"):
            stem = word[: -len(ending)]
            return _SYNONYMS.get(stem, stem)
    return word


@dataclass(frozen=True)
class Hit:
    """The best entry's position in the index (None when nothing overlaps) and its score."""

    position: int | None
    similarity: float


class QuestionIndex:
    """Entries, each some ways of asking (`askings`) and the text of its answer."""

    def __init__(self, entries: list[tuple[list[str], str]]):
        self._askings = [
            [Counter(content_words(text)) for text in askings] for askings, _ in entries
        ]
        self._vocabularies = [
            set().union(*askings, content_words(answer))
            for askings, (_, answer) in zip(self._askings, entries, strict=True)
        ]
        df = Counter(word for vocabulary in self._vocabularies for word in vocabulary)
        total = max(1, len(entries))
        self._idf = {word: math.log(1 + total / count) for word, count in df.items()}
        self._unknown_idf = math.log(1 + total)

    def best(self, question: str) -> Hit:
        """The entry that covers most of `question`, by `similarity` in [0, 1]."""
        words = Counter(content_words(question))
        if not words or not self._askings:
            return Hit(None, 0.0)
        scores = [self._score(words, position) for position in range(len(self._askings))]
        position = max(range(len(scores)), key=scores.__getitem__)
        similarity = round(scores[position], 4)
        return Hit(position if similarity > 0 else None, similarity)

    def _score(self, words: Counter, position: int) -> float:
        weight = {word: self._idf.get(word, self._unknown_idf) for word in words}
        covered = sum(weight[word] for word in words if word in self._vocabularies[position])
        coverage = covered / sum(weight.values())
        closest = max((_cosine(words, asking) for asking in self._askings[position]), default=0.0)
        return COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * closest


def _cosine(first: Counter, second: Counter) -> float:
    shared = sum(first[word] * second[word] for word in first.keys() & second.keys())
    if not shared:
        return 0.0
    norms = math.sqrt(sum(v * v for v in first.values())) * math.sqrt(
        sum(v * v for v in second.values())
    )
    return shared / norms
