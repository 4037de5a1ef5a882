"""The fact guard: generated text may state no employer, number, degree or certification that
the facts do not hold.

Rules, each a named check on the text:
- "employers": a capitalised, organisation-like name after "at", "with", "for" or "from"
  ("at Acme Corp", "with Django") must appear in the facts;
- "numbers": every number written in digits must be a number of the facts (a fact's value
  may also be written without its decimals: 5.5 years → "5 years");
- "degrees": every degree word (Bachelor, MSc, PhD, MBA, ...) must appear in the facts;
- "certifications": a name after "certified (in)" or before "certification" must appear.
Matching is case-insensitive and on whole words; the facts are every string and number in
them, at any depth.
"""

import math
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation

EMPLOYERS = "employers"
NUMBERS = "numbers"
DEGREES = "degrees"
CERTIFICATIONS = "certifications"
ALL_RULES = (EMPLOYERS, NUMBERS, DEGREES, CERTIFICATIONS)

_WORD = r"(?!I\b)[A-Z][\w&'+#-]*(?:\.[A-Za-z0-9]+)*"
# Names run on within one line only: a letter's next line is never part of a name.
_NAME = rf"{_WORD}(?: +(?:(?:of|de|&) +)?{_WORD})*"
_EMPLOYER = re.compile(rf"\b(?:[Aa]t|[Ww]ith|[Ff]or|[Ff]rom) +(?P<name>{_NAME})")
_CERTIFICATION = re.compile(
    rf"\b(?i:certified) +(?:in +)?(?P<after>{_NAME})|(?P<before>{_NAME}) +(?i:certification)"
)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_DEGREE = re.compile(
    r"\b(?i:bachelor(?:'s)?|master(?:'s)?|doctorate|doctoral|ph\.?\s?d|mba|mphil|llb|llm|"
    r"b\.?sc|m\.?sc|b\.?eng|m\.?eng|b\.?tech|m\.?tech|associate(?:'s)? degree)(?!\w)"
    r"|\b(?:BA|MA|BS|MS|MD)\b"
)
# Words that start a capitalised phrase without naming anything ("for The role", "with Your").
# fmt: off
_GENERIC = frozenset(
    {
        "a", "all", "an", "each", "every", "it", "me", "my", "our", "that", "the", "them", "these",
        "this", "those", "us", "your",
    }
)
# fmt: on


class FactIndex:
    """The facts flattened once: their text for names and degrees, their numbers."""

    def __init__(self, facts: object):
        strings, numbers = [], set()
        for value in _leaves(facts):
            if isinstance(value, str):
                strings.append(value)
                numbers.update(_canonical(token) for token in _NUMBER.findall(value))
            else:
                numbers.update(_number_forms(value))
        self.text = "\n".join(strings)
        self.degree_text = _degree_form(self.text)
        self.numbers = numbers

    def has_name(self, name: str) -> bool:
        return _contains(self.text, name)

    def has_number(self, token: str) -> bool:
        return _canonical(token) in self.numbers

    def has_degree(self, word: str) -> bool:
        return _contains(self.degree_text, _degree_form(word))


def unsupported_claims(
    text: str, facts: object | FactIndex, *, rules: Iterable[str] = ALL_RULES
) -> list[str]:
    """What `text` states that the facts do not hold, e.g. ["unknown employer 'Acme'"]."""
    index = facts if isinstance(facts, FactIndex) else FactIndex(facts)
    rules = set(rules)
    problems: list[str] = []
    if EMPLOYERS in rules:
        problems += [f"unknown employer '{n}'" for n in _employers(text) if not index.has_name(n)]
    if NUMBERS in rules:
        problems += [
            f"unknown number '{t}'" for t in _NUMBER.findall(text) if not index.has_number(t)
        ]
    if DEGREES in rules:
        degrees = (match.group(0) for match in _DEGREE.finditer(text))
        problems += [f"unknown degree '{d}'" for d in degrees if not index.has_degree(d)]
    if CERTIFICATIONS in rules:
        problems += [
            f"unknown certification '{n}'" for n in _certifications(text) if not index.has_name(n)
        ]
    return list(dict.fromkeys(problems))


def claims_in(texts: Iterable[str], facts: object | FactIndex, rules: Iterable[str]) -> list[str]:
    """`unsupported_claims` over several texts, each problem once."""
    index = facts if isinstance(facts, FactIndex) else FactIndex(facts)
    rules = tuple(rules)
    problems = [
        problem for text in texts for problem in unsupported_claims(text, index, rules=rules)
    ]
    return list(dict.fromkeys(problems))


def _employers(text: str) -> Iterator[str]:
    for match in _EMPLOYER.finditer(text):
        name = _clean_name(match.group("name"))
        if name:
            yield name


def _certifications(text: str) -> Iterator[str]:
    for match in _CERTIFICATION.finditer(text):
        name = _clean_name(match.group("after") or match.group("before"))
        if name:
            yield name


def _clean_name(name: str) -> str:
    """Drop a possessive and leading generic words: "The Acme's" → "Acme"; "Your" → ""."""
    words = re.sub(r"'s$", "", name).split()
    while words and words[0].lower() in _GENERIC:
        words.pop(0)
    return " ".join(words)


def _contains(haystack: str, needle: str) -> bool:
    pattern = rf"(?<!\w){re.escape(needle)}(?![\w+#])"
    return re.search(pattern, haystack, re.IGNORECASE) is not None


def _degree_form(text: str) -> str:
    """Degree words as they compare: "Ph.D." → "phd", "Master's" → "master"."""
    plain = re.sub(r"['\u2019]s\b|\.", "", text.lower())
    return re.sub(r"\s+", " ", plain)


def _canonical(token: str) -> str:
    """Numbers as they compare: "10,000" → "10000", "5.0" → "5", "0958" → "958".

    A token that is no single number ("1.2.3") compares as written.
    """
    plain = re.sub(r",(?=\d{3}(?:\D|$))", "", token).replace(",", ".")
    try:
        return format(Decimal(plain).normalize(), "f")
    except InvalidOperation:
        return token


def _number_forms(value: int | float) -> set[str]:
    """A numeric fact as it may be written: exactly, or without decimals (5.5 → "5")."""
    if isinstance(value, bool) or not math.isfinite(value):
        return set()
    return {_canonical(repr(value)), _canonical(str(math.floor(value)))}


def _leaves(value: object) -> Iterator[object]:
    """Every string and number in nested dicts and lists."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list | tuple | set):
        for item in value:
            yield from _leaves(item)
    elif isinstance(value, str | int | float):
        yield value
