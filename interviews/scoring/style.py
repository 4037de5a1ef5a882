"""How an answer reads: clarity, sentiment and confidence, from its words alone."""

import re
from dataclasses import dataclass

from interviews.scoring import lexicon
from interviews.scoring.text import sentences, words

LONG_SENTENCE = 30  # words; beyond this a sentence gets hard to follow when spoken or read
FILLER_PENALTY = 20.0  # clarity points per share of filler words
_PHRASE_CACHE: dict[tuple[str, ...], re.Pattern] = {}


@dataclass(frozen=True)
class Style:
    clarity: float  # 0 to 10, before it is weighed against how much is on topic
    sentiment: str
    confidence: float
    facts: dict


def _phrases(text: str, phrases: tuple[str, ...]) -> int:
    pattern = _PHRASE_CACHE.get(phrases)
    if pattern is None:
        alternatives = "|".join(re.escape(phrase) for phrase in phrases)
        pattern = _PHRASE_CACHE[phrases] = re.compile(rf"\b(?:{alternatives})\b")
    return len(pattern.findall(text.lower().replace("\u2019", "'")))


def _clarity(tokens: list[str], parts: list[str]) -> tuple[float, dict]:
    count = len(tokens)
    mean_length = count / max(1, len(parts))
    filler = sum(1 for token in tokens if token in lexicon.FILLER) / count
    structure = len({token for token in tokens if token in lexicon.STRUCTURE})
    content = [token for token in tokens if token not in lexicon.STOP_WORDS]
    variety = len(set(content)) / max(1, len(content))
    score = 8.0
    score -= min(3.0, max(0.0, mean_length - LONG_SENTENCE) / 5)
    score -= min(4.0, FILLER_PENALTY * filler)
    score -= 2.0 if len(content) >= 12 and variety < 0.4 else 0.0
    score += min(2.0, 0.5 * structure) if count >= 25 else 1.0 if count >= 4 else 0.0
    score = min(score, 2.0 + count) if count < 4 else score
    facts = {
        "words": count,
        "sentences": len(parts),
        "mean_sentence_words": round(mean_length, 1),
        "filler_share": round(filler, 3),
        "structure_words": structure,
        "word_variety": round(variety, 2),
    }
    return max(0.0, min(10.0, score)), facts


def _sentiment(tokens: list[str]) -> tuple[str, int]:
    net = 0
    for index, token in enumerate(tokens):
        polarity = (token in lexicon.POSITIVE) - (token in lexicon.NEGATIVE)
        if polarity and any(t in lexicon.NEGATIONS for t in tokens[max(0, index - 2) : index]):
            polarity = -polarity
        net += polarity
    label = "positive" if net >= 1 else "negative" if net <= -1 else "neutral"
    return label, net


def _confidence(text: str, count: int) -> tuple[float, dict]:
    hedges = _phrases(text, lexicon.HEDGES)
    assertive = _phrases(text, lexicon.ASSERTIVE)
    gave_up = _phrases(text, lexicon.DONT_KNOW)
    score = 7.0 + min(2.0, 0.7 * assertive) - min(5.0, 1.5 * hedges)
    score -= 2.0 if count < 5 else 0.0
    score = min(score, 2.0) if gave_up else score
    return max(0.0, min(10.0, score)), {"hedges": hedges, "assertive": assertive}


def style(text: str) -> Style:
    """Clarity from sentence length, filler, variety and structure words; sentiment from
    positive and negative words (a negation just before flips one); confidence from hedges."""
    tokens = words(text)
    if not tokens:
        return Style(0.0, "neutral", 0.0, {"words": 0})
    clarity, facts = _clarity(tokens, sentences(text))
    sentiment, net = _sentiment(tokens)
    confidence, said = _confidence(text, len(tokens))
    return Style(clarity, sentiment, confidence, {**facts, **said, "sentiment_net": net})
