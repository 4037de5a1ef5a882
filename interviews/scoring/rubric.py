"""A rubric prepared once for scoring: weighted gold concepts and key points, and proposals.

A concept the question itself gives away ("stack" in "What is a stack?") weighs
QUESTION_DISCOUNT of a normal one: repeating the question earns little.
"""

import functools
import itertools
import re
from dataclasses import dataclass

from interviews.scoring import lexicon
from interviews.scoring.text import Analysed, analyse, concept, pairs, sentences, words
from interviews.scoring.text import concepts as concepts_of
from interviews.scoring.types import KeyPoint, Rubric

QUESTION_DISCOUNT = 0.35
SKILL_WEIGHT = 1.5
CODE_WEIGHT = 2.0  # an identifier such as select_related names exactly one thing
MAX_PROPOSED = 5
# Words that come in opposite pairs: tying a thing to the wrong one is an error.
OPPOSITES = tuple(
    (concept(first), concept(second))
    for first, second in (
        ("left", "right"),
        ("first", "last"),
        ("front", "rear"),
        ("top", "bottom"),
        ("before", "after"),
        ("small", "large"),
        ("minimum", "maximum"),
        ("original", "copy"),
        ("client", "server"),
        ("read", "write"),
        ("increase", "reduce"),
        ("synchronous", "asynchronous"),
    )
)
# Where a gold sentence splits into separate claims.
_UNIT_BREAK = re.compile(r"\s*(?:[;:]|,?\s+(?:and|but|while|whilst|whereas)\s+)\s*", re.I)
_FINE_UNIT_BREAK = re.compile(r"\s*(?:[;:,]|\s+(?:and|but|while|whilst|whereas)\s+)\s*", re.I)
_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|:|,\s*(?:and|but|so|which|while|whereas|because)\s"
    r"|\s(?:so that|because|whereas)\s)\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Wording:
    """One accepted wording of a key point: its concept weights and whether it is negated."""

    weights: dict[str, float]
    negated: bool


@dataclass(frozen=True)
class PreparedKeyPoint:
    text: str
    weight: float
    wordings: tuple[Wording, ...]


@dataclass(frozen=True)
class PreparedRubric:
    rubric: Rubric
    question: Analysed
    gold: Analysed
    gold_weights: dict[str, float]  # concept → weight, question concepts discounted
    gold_pairs: frozenset[tuple[str, str]]
    key_points: tuple[PreparedKeyPoint, ...]
    proposed: bool  # the key points were proposed from the gold answer
    known: frozenset[str]  # words and concepts of the rubric, kept by name neutralising
    ties: frozenset[tuple[str, str]]  # (anchor, concept) the gold answer says together
    rivals: dict[str, frozenset[str]]  # anchor → what it must not be confused with
    on_topic: frozenset[str]  # concepts an on-topic answer draws from


def clauses(text: str) -> list[str]:
    """The text cut at sentence ends, commas, "and", "but", "while" and semicolons."""
    return [
        part for sentence in sentences(text) for part in _FINE_UNIT_BREAK.split(sentence) if part
    ]


def _clause_sets(sentence: str, pattern: re.Pattern, anchors) -> list[frozenset[str]]:
    found: list[set[str]] = []
    for part in pattern.split(sentence):
        concepts = set(concepts_of(part))
        if found and not concepts & anchors:
            found[-1] |= concepts  # nothing new is named: it goes on about the same thing
        else:
            found.append(concepts)
    return [frozenset(clause) for clause in found]


def anchor_ties(
    text: str, rivals: dict[str, frozenset[str]], *, at_commas: bool = False
) -> set[tuple[str, str]]:
    """(anchor, concept) pairs the text says in one clause. A sentence splits into clauses at
    "and", "but", "while", ";" (and at commas, for an answer, which is read more finely), but
    only where the next clause names an anchor of its own: "left keys are smaller and right
    keys larger" ties left to smaller only; "it translates and executes" stays one clause."""
    pattern = _FINE_UNIT_BREAK if at_commas else _UNIT_BREAK
    anchors = rivals.keys()
    return {
        (anchor, other)
        for sentence in sentences(text)
        for clause in _clause_sets(sentence, pattern, anchors)
        for anchor in clause & anchors
        for other in clause - {anchor}
    }


def _rivals(named: set[str], gold: set[str]) -> dict[str, frozenset[str]]:
    """Each thing the question names rivals the others; each contrast word its opposite."""
    rivals = {anchor: frozenset(named - {anchor}) for anchor in named if len(named) > 1}
    for first, second in OPPOSITES:
        if first in gold and second in gold:
            rivals[first] = rivals.get(first, frozenset()) | {second}
            rivals[second] = rivals.get(second, frozenset()) | {first}
    return rivals


def negated(text: str) -> bool:
    """Whether the text says "not" an odd number of times (so it denies something)."""
    found = sum(1 for word in words(text) if word in lexicon.NEGATIONS or word.endswith("n't"))
    return found % 2 == 1


def _weights(analysed: Analysed, question: frozenset[str]) -> dict[str, float]:
    weights = {c: CODE_WEIGHT if "_" in c else 1.0 for c in analysed.concepts}
    weights.update(dict.fromkeys(analysed.skills, SKILL_WEIGHT))
    return {
        concept: weight * (QUESTION_DISCOUNT if concept in question else 1.0)
        for concept, weight in weights.items()
    }


def _prepare_key_point(point: KeyPoint, question: frozenset[str]) -> PreparedKeyPoint:
    wordings = tuple(
        Wording(_weights(analyse(text), question), negated(text))
        for text in (point.text, *point.alternatives)
    )
    return PreparedKeyPoint(point.text, point.weight, tuple(w for w in wordings if w.weights))


@functools.lru_cache(maxsize=2048)
def prepare(rubric: Rubric) -> PreparedRubric:
    """Everything about the rubric the scorer needs, computed once per rubric and process."""
    question = analyse(rubric.question_text)
    gold = analyse(rubric.gold_answer)
    given = question.concept_set
    proposed = not rubric.key_points
    points = tuple(propose_key_points(rubric.gold_answer)) if proposed else rubric.key_points
    key_points = tuple(
        prepared
        for prepared in (_prepare_key_point(point, given) for point in points)
        if prepared.wordings
    )
    gold_weights = _weights(gold, given)
    rivals = _rivals(given & set(gold_weights), set(gold_weights))
    point_concepts = {c for point in key_points for w in point.wordings for c in w.weights}
    texts = [rubric.question_text, rubric.gold_answer]
    texts += [text for point in points for text in (point.text, *point.alternatives)]
    known_words = {word for text in texts for word in words(text)}
    return PreparedRubric(
        rubric=rubric,
        question=question,
        gold=gold,
        gold_weights=gold_weights,
        gold_pairs=frozenset(
            pair for pair in pairs(gold.concepts) if not (pair[0] in given and pair[1] in given)
        ),
        key_points=key_points,
        proposed=proposed,
        known=frozenset(known_words | set(gold_weights) | point_concepts | given),
        ties=frozenset(anchor_ties(rubric.gold_answer, rivals)),
        rivals=rivals,
        on_topic=frozenset(set(gold_weights) | point_concepts | given),
    )


def _clauses(gold_answer: str) -> list[str]:
    found = []
    for sentence in sentences(gold_answer):
        for clause in _CLAUSE_BREAK.split(sentence):
            clause = clause.strip(" ,.;:")
            if not clause:
                continue
            if found and len(set(analyse(clause).concepts)) < 2:
                found[-1] = f"{found[-1]}, {clause}"
            else:
                found.append(clause)
    return found


def _merge_smallest(clauses: list[str]) -> list[str]:
    """Join the shortest neighbouring clauses until at most MAX_PROPOSED remain."""
    while len(clauses) > MAX_PROPOSED:
        sizes = [len(words(a)) + len(words(b)) for a, b in itertools.pairwise(clauses)]
        at = sizes.index(min(sizes))
        clauses[at : at + 2] = [f"{clauses[at]}; {clauses[at + 1]}"]
    return clauses


def propose_key_points(gold_answer: str) -> list[KeyPoint]:
    """Key points cut from the gold answer's sentences and clauses, weighted by what they say.

    Each clause with at least two content words becomes a point (shorter ones join their
    neighbour); a point's weight is 1 plus a half for every three distinct content words
    beyond the first three, at most 3.
    """
    points = []
    for clause in _merge_smallest(_clauses(gold_answer)):
        content = len(set(analyse(clause).concepts))
        if not content:
            continue
        weight = min(3.0, 1.0 + 0.5 * (max(0, content - 3) // 3))
        points.append(KeyPoint(text=clause[0].upper() + clause[1:], weight=weight))
    return points
