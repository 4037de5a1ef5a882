"""Spaces back into OCR lines whose engine dropped them ("cleardesigndocuments").

RapidOCR's English recogniser often returns a line without the spaces between words. A
glued run of letters is split where a word-frequency model (wordninja's, shipped inside its
package) finds the likeliest words, with our skill names as words of their own, so that
"KubernetesclustersonAWS" reads "Kubernetes clusters on AWS" rather than "Ku berne tes".
"""

import functools
import math
import re

from ai.skills import taxonomy

# Runs of letters split only from these lengths: a capital inside ("onAWS") shows a seam at
# once, while a plain run may be a name or a rare word ("Lovelace", "Raghunathan").
MIN_CAMEL_CHARS = 4
MIN_PLAIN_CHARS = 12
SKILL_RANK = 2_000  # a skill name costs as much as a word of about this frequency rank
_TOKEN = re.compile(r"[^\W\d_]+|[\d]+|[^\w\s]+|_+")
_WORD_YEAR = re.compile(r"(?<=[^\W\d_]{3})(?=(?:19|20)\d\d)|(?<=(?:19|20)\d\d)(?=[^\W\d_]{3})")
_COMMA_GLUED = re.compile(r"([,;|])(?=[^\W\d_])")


@functools.cache
def _model() -> tuple[dict[str, float], int]:
    """Word costs and the longest word; empty without the OCR extra (lines stay as read)."""
    try:
        import wordninja
    except ImportError:
        return {}, 0

    model = wordninja.DEFAULT_LANGUAGE_MODEL
    costs = dict(model._wordcost)
    skill_cost = math.log(SKILL_RANK * math.log(len(costs)))
    for skill in taxonomy():
        for form in (skill.name, *skill.aliases):
            for word in form.lower().split():
                if word.isalpha():
                    costs[word] = min(costs.get(word, skill_cost), skill_cost)
    return costs, max(model._maxword, max(map(len, costs)))


def respace(line: str) -> str:
    """The line with spaces where glued words meet; other text is left as it is."""
    line = _COMMA_GLUED.sub(r"\1 ", _WORD_YEAR.sub(" ", line))
    return " ".join(_respace_word(word) for word in line.split())


def _respace_word(word: str) -> str:
    if "@" in word or "/" in word or "." in word.strip("."):
        return word  # an address or a link
    return "".join(
        " ".join(_split(token)) if _glued(token) else token for token in _TOKEN.findall(word)
    )


def _glued(token: str) -> bool:
    if not token.isalpha():
        return False
    camel = any(char.isupper() for char in token[1:])
    return len(token) >= (MIN_CAMEL_CHARS if camel else MIN_PLAIN_CHARS)


def _split(token: str) -> list[str]:
    """The likeliest words of a glued run, in their written case (dynamic programming)."""
    costs, longest = _model()
    lowered = token.lower()
    if not costs or lowered in costs:
        return [token]
    best = [(0.0, 0)]
    for end in range(1, len(lowered) + 1):
        candidates = (
            (best[start][0] + costs.get(lowered[start:end], math.inf), start)
            for start in range(max(0, end - longest), end)
        )
        best.append(min(candidates))
    if math.isinf(best[-1][0]):
        return [token]
    words, end = [], len(token)
    while end > 0:
        start = best[end][1]
        words.append(token[start:end])
        end = start
    return words[::-1]
