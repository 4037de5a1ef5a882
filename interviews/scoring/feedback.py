"""Feedback sentences and the short model answer, built from the measured facts only."""

from interviews.scoring.style import LONG_SENTENCE, Style
from interviews.scoring.text import sentences, words
from interviews.scoring.types import Rubric

MODEL_ANSWER_WORDS = 60
MAX_NAMED_POINTS = 3


def model_answer(gold_answer: str) -> str:
    """The gold answer's first sentences, up to about MODEL_ANSWER_WORDS words."""
    kept: list[str] = []
    for sentence in sentences(gold_answer):
        if kept and len(words(" ".join([*kept, sentence]))) > MODEL_ANSWER_WORDS:
            break
        kept.append(sentence)
    return " ".join(kept)


def _named(points: list[str]) -> str:
    shown = [point.rstrip(".") for point in points[:MAX_NAMED_POINTS]]
    more = len(points) - len(shown)
    return "; ".join(shown) + (f" (and {more} more)" if more > 0 else "")


def _overall_sentence(scores: dict[str, float]) -> str:
    coverage = (scores["completeness"] + scores["accuracy"]) / 2
    if coverage >= 8:
        return "A strong answer: it covers the key points accurately."
    if coverage >= 5:
        return "A good start: it covers part of what a complete answer says."
    if scores["relevance"] >= 4:
        return "The answer is on topic but misses most of the key points."
    return "The answer does not address what the question asks."


def _time_sentence(rubric: Rubric, taken) -> str | None:
    expected = rubric.expected_seconds
    if not expected or taken is None:
        return None
    if taken > 2 * expected:
        return (
            f"It took {int(taken)} seconds against about {expected} expected: "
            "aim to be more direct."
        )
    return None


def feedback_for(scores, results, written: Style, rubric: Rubric, taken) -> list[str]:
    """Sentences for the candidate: the verdict, what was missed or contradicted, style."""
    if not written.facts.get("words"):
        return ["No answer was given."]
    found = [_overall_sentence(scores)]
    missing = [r.point.text for r in results if not r.matched and not r.contradicted]
    contradicted = [r.point.text for r in results if r.contradicted]
    matched = [r.point.text for r in results if r.matched]
    if matched and missing:
        found.append(f"It covers: {_named(matched)}.")
    if missing:
        found.append(f"It does not yet say: {_named(missing)}.")
    if contradicted:
        found.append(f"It seems to contradict: {_named(contradicted)}.")
    if written.facts["mean_sentence_words"] > LONG_SENTENCE:
        found.append("Shorter sentences would make it easier to follow.")
    if written.facts["filler_share"] >= 0.05:
        found.append('Fewer filler words ("basically", "like", "um") would make it crisper.')
    if written.facts.get("hedges", 0) >= 2:
        found.append("State what you know plainly; several hedges make it sound unsure.")
    timing = _time_sentence(rubric, taken)
    return [*found, timing] if timing else found
