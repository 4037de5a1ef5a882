"""score_answer: an answer against a rubric, 0 to 10 on four parts, every input explained.

* completeness: weighted key-point coverage. A key point's share is the best share, over its
  wordings, of its weighted concepts the answer uses; no credit below PARTIAL_FROM, full
  credit from FULL_CREDIT, and it counts as said from MATCHED_FROM.
* accuracy: what the answer says is right: the best uncontradicted key point, the share of
  the answer's own claims (concepts beyond the question's) that the rubric supports, and how
  much of the gold answer's word order it keeps; less a penalty for contradicted key points
  (the closest clause says "not" where the point does not, or the other way round) and for
  crossed ties (what the gold says of one thing, said of its rival).
* relevance: weighted recall of the gold answer's concepts (the question's own words
  discounted), full at RECALL_SATURATION so a short answer that says the essential thing is
  not punished for brevity, blended with the share of the answer that is on topic.
* clarity: style.py, scaled by how much of the answer is on topic: a clear answer to
  another question communicates nothing.
"""

from dataclasses import dataclass

from django.conf import settings

from interviews.scoring.feedback import feedback_for, model_answer
from interviews.scoring.rubric import (
    PreparedKeyPoint,
    PreparedRubric,
    anchor_ties,
    clauses,
    negated,
    prepare,
)
from interviews.scoring.style import style
from interviews.scoring.text import Analysed, analyse, concepts, neutralise, pairs
from interviews.scoring.types import AnswerScore, Rubric

PARTIAL_FROM = 0.15  # below this share of a key point's concepts: no credit
FULL_CREDIT = 0.7  # from this share: full credit
MATCHED_FROM = 0.6  # from this share a key point counts as said
RECALL_SATURATION = 0.6
PAIR_SATURATION = 0.35
CONTRADICTION_PENALTY = 0.5
CROSSED_PENALTY = 1.0


@dataclass(frozen=True)
class PointResult:
    point: PreparedKeyPoint
    share: float
    contradicted: bool

    @property
    def credit(self) -> float:
        return _ramp(self.share, PARTIAL_FROM, FULL_CREDIT)

    @property
    def matched(self) -> bool:
        return self.share >= MATCHED_FROM and not self.contradicted


def _ramp(value: float, low: float, high: float) -> float:
    return max(0.0, min(1.0, (value - low) / (high - low)))


def _share(weights: dict[str, float], present: frozenset[str]) -> float:
    total = sum(weights.values())
    return sum(w for c, w in weights.items() if c in present) / total if total else 0.0


@dataclass(frozen=True)
class Clause:
    """A clause of the answer: a "not" counts only in the clause that says it."""

    concepts: frozenset[str]
    negated: bool


def _contradicts(wording_negated: bool, weights: dict[str, float], parts: list[Clause]) -> bool:
    """The answer's clause closest to the key point says "not" where the point does not."""
    best, best_share = None, 0.0
    for part in parts:
        share = _share(weights, part.concepts)
        if share > best_share:
            best, best_share = part, share
    return best is not None and best.negated != wording_negated


def _point_result(
    point: PreparedKeyPoint, present: frozenset[str], parts: list[Clause]
) -> PointResult:
    share, wording = max(
        ((_share(w.weights, present), w) for w in point.wordings), key=lambda item: item[0]
    )
    contradicted = share >= 0.5 and _contradicts(wording.negated, wording.weights, parts)
    return PointResult(point, share, contradicted)


def _coverage(results: list[PointResult]) -> float:
    total = sum(result.point.weight for result in results)
    credit = sum(result.point.weight * result.credit for result in results)
    return credit / total if total else 0.0


def _crossed(prepared: PreparedRubric, text: str) -> tuple[int, int]:
    """Ties of an anchor (a thing the question names, or one of left/right, first/last...)
    to a gold concept: (as the gold says, given in the gold to the anchor's rival only).

    "Interpreters translate the whole program" ties interpreter to "whole", which the gold
    ties only to compiler: a swap that no bag of words can see.
    """
    agreed = crossed = 0
    gold = prepared.gold_weights.keys()
    for anchor, other in anchor_ties(text, prepared.rivals, at_commas=True):
        if other not in gold:
            continue
        if (anchor, other) in prepared.ties:
            agreed += 1
        elif any((rival, other) in prepared.ties for rival in prepared.rivals[anchor]):
            crossed += 1
    return agreed, crossed


def _lexical(prepared: PreparedRubric, answer: Analysed, text: str) -> dict[str, float]:
    present = answer.concept_set
    distinct = set(answer.concepts) | answer.skills
    given = prepared.question.concept_set
    claims = distinct - given
    gold_pairs = prepared.gold_pairs
    pair_recall = len(gold_pairs & pairs(answer.concepts)) / len(gold_pairs) if gold_pairs else 0
    agreed, crossed = _crossed(prepared, text)
    return {
        "crossed_share": round(crossed / (agreed + crossed), 3) if crossed else 0.0,
        "gold_recall": round(_share(prepared.gold_weights, present), 3),
        "pair_recall": round(pair_recall, 3),
        "on_topic_share": round(len(distinct & prepared.on_topic) / len(distinct), 3)
        if distinct
        else 0.0,
        "supported_share": round(len(claims & prepared.on_topic) / len(claims), 3)
        if claims
        else 0.0,
    }


def _parts(lexical: dict, results: list[PointResult], clarity: float) -> dict[str, float]:
    recall = _ramp(lexical["gold_recall"], 0.0, RECALL_SATURATION)
    order = _ramp(lexical["pair_recall"], 0.0, PAIR_SATURATION)
    on_topic = lexical["on_topic_share"]
    total = sum(r.point.weight for r in results) or 1.0
    best = max((r.credit for r in results if not r.contradicted), default=0.0)
    contradicted = sum(r.point.weight for r in results if r.contradicted) / total
    relevance = 0.6 * recall + 0.4 * on_topic
    accuracy = 0.45 * best + 0.35 * lexical["supported_share"] * min(1.0, 2 * recall)
    accuracy += 0.2 * order - CONTRADICTION_PENALTY * contradicted
    accuracy -= CROSSED_PENALTY * lexical["crossed_share"]
    return {
        "relevance": relevance,
        "completeness": _coverage(results),
        "accuracy": max(0.0, accuracy),
        "clarity": clarity / 10 * (0.4 + 0.6 * min(1.0, 2 * min(recall, on_topic))),
    }


def _one_decimal(value: float) -> float:
    return round(value + 1e-9, 1)


def score_answer(rubric: Rubric, answer_text: str, *, time_taken_seconds=None) -> AnswerScore:
    """Score one answer; the same inputs give the same numbers in every process."""
    prepared = prepare(rubric)
    text = neutralise(answer_text or "", prepared.known)
    answer = analyse(text)
    written = style(text)
    parts = [Clause(frozenset(concepts(part)), negated(part)) for part in clauses(text)]
    results = [_point_result(p, answer.concept_set, parts) for p in prepared.key_points]
    lexical = _lexical(prepared, answer, text)
    scores = {k: _one_decimal(10 * v) for k, v in _parts(lexical, results, written.clarity).items()}
    if not answer.concepts and not answer.skills:
        scores = dict.fromkeys(scores, 0.0)
    weights = settings.INTERVIEW_SCORE_WEIGHTS
    overall = _one_decimal(sum(weights[name] * scores[name] for name in scores))
    matched = [r.point.text for r in results if r.matched]
    missing = [r.point.text for r in results if not r.matched]
    explanation = {
        "weights": dict(weights),
        "lexical": lexical,
        "key_points": [
            {
                "text": r.point.text,
                "weight": r.point.weight,
                "share": round(r.share, 3),
                "credit": round(r.credit, 3),
                "matched": r.matched,
                "contradicted": r.contradicted,
            }
            for r in results
        ],
        "key_points_proposed": prepared.proposed,
        "question_words_discounted": sorted(
            c for c in prepared.question.concept_set if c in prepared.gold_weights
        ),
        "style": written.facts,
        "time_taken_seconds": time_taken_seconds,
        "expected_seconds": rubric.expected_seconds,
    }
    return AnswerScore(
        **scores,
        overall=overall,
        matched_key_points=matched,
        missing_key_points=missing,
        feedback=feedback_for(scores, results, written, rubric, time_taken_seconds),
        model_answer=model_answer(rubric.gold_answer),
        sentiment=written.sentiment,
        confidence=_one_decimal(written.confidence),
        explanation=explanation,
    )
