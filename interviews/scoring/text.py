"""Text to comparable units: neutralised words, stems, synonyms, sentences, word pairs.

The stemmer is a small rule-based suffix stripper written for this scorer (no downloads):
it only needs to give the same stem to the forms of a word ("compile", "compiled",
"compiling", "compiler"), not a dictionary word. British spellings meet American ones.
"""

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ai.skills import extract_skill_mentions, taxonomy
from interviews.scoring import lexicon

# A word, or a code identifier kept whole ("select_related", "c++", "node.js").
_WORD = re.compile(
    r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*(?:[+#]+|\.js\b|(?:['\u2019][A-Za-z]+))?|\d+(?:\.\d+)?"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|;\s+")
_VOWEL = re.compile(r"[aeiouy]")
# Complexity written as notation reads as the words a reference answer uses.
_NOTATION = (
    (
        re.compile(r"\bo\s*\(\s*n\s*(?:\^\s*2|²|\*\s*n)\s*\)|\bn\s*(?:\^\s*2|²)|\bn\s+squared\b"),
        " quadratic ",
    ),
    (re.compile(r"\bo\s*\(\s*n\s*log\s*n\s*\)|\bn\s*log\s*n\b"), " linearithmic "),
    (re.compile(r"\bo\s*\(\s*log\s*n\s*\)|\blog\s*n\b|\blogn\b"), " logarithmic "),
    (re.compile(r"\bo\s*\(\s*1\s*\)"), " constant "),
    (re.compile(r"\bo\s*\(\s*n\s*\)"), " linear "),
    (re.compile(r"\bfifo\b"), " fifo first in first out "),
    (re.compile(r"\blifo\b"), " lifo last in first out "),
)
_NOTATION_MARKS = ("o(", "o (", "^", "²", "squared", "log", "fifo", "lifo")
_SUFFIXES = (
    ("ational", ""),
    ("ization", "ize"),
    ("ations", ""),
    ("ation", ""),
    ("ative", ""),
    ("ate", ""),
    ("ition", "it"),
    ("ement", ""),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ities", ""),
    ("ity", ""),
    ("ively", ""),
    ("ive", ""),
    ("ically", ""),
    ("ally", "al"),
    ("ly", ""),
    ("fully", ""),
    ("ful", ""),
    ("ous", ""),
    ("ency", "ent"),
    ("ance", ""),
    ("ence", ""),
    ("able", ""),
    ("ible", ""),
    ("ion", ""),
    ("ers", ""),
    ("er", ""),
    ("ors", ""),
    ("or", ""),
    ("ist", ""),
    ("ism", ""),
    ("al", ""),
    ("ic", ""),
    ("est", ""),
)


def _undouble(stem: str) -> str:
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz" + "aeiou":
        return stem[:-1]
    return stem


def _british(word: str) -> str:
    if len(word) > 6 and word.endswith(("our", "ours")) and not word.endswith("iour"):
        return word.replace("our", "or")
    if word.endswith(("iour", "iours")):
        return word.replace("iour", "ior")
    word = re.sub(r"(?<=\w{3})yse(d|s|r|rs)?$", r"yze\1", word)
    return re.sub(r"(?<=\w{4})is(e|ed|es|ing|ation|ations|er|ers)$", r"iz\1", word)


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A stable stem for a lower-case word: the forms of a word share one."""
    if word in lexicon.IRREGULAR:
        return lexicon.IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    word = _british(word)
    if word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ingly", "edly", "ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and _VOWEL.search(base):
            word = _undouble(base)
            break
    for suffix, replacement in _SUFFIXES:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 4 and _VOWEL.search(base):
            word = base + replacement
            break
    word = word.rstrip("e") if len(word) > 3 else word
    return word[:-1] + "i" if word.endswith("y") and len(word) > 3 else word


def _synonym_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in lexicon.SYNONYM_GROUPS:
        head = stem(group[0])
        for word in group:
            table.setdefault(stem(word), head)
    return table


_SYNONYMS = _synonym_table()
_STOP_STEMS = frozenset(stem(word) for word in lexicon.STOP_WORDS) | lexicon.STOP_WORDS


def concept(word: str) -> str:
    """The stem of a lower-case word, mapped to its synonym group's head."""
    stemmed = stem(word)
    return _SYNONYMS.get(stemmed, stemmed)


def is_content(word: str) -> bool:
    return (word not in lexicon.STOP_WORDS and len(word) > 1) or word.isdigit()


@functools.lru_cache(maxsize=16384)
def words(text: str) -> tuple[str, ...]:
    """Lower-cased words; a possessive "'s" dropped; notation spelled out. Cached: the
    scorer reads the same sentences for several measures."""
    text = text.lower().replace("\u2019", "'")
    if any(mark in text for mark in _NOTATION_MARKS):
        for pattern, replacement in _NOTATION:
            text = pattern.sub(replacement, text)
    return tuple(token.removesuffix("'s") for token in _WORD.findall(text))


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


@dataclass(frozen=True)
class Analysed:
    """One text as the scorer sees it."""

    words: tuple[str, ...]
    concepts: tuple[str, ...]  # content words as concepts, in order
    skills: frozenset[str]  # "skill:<canonical name>" for each skill mentioned

    @property
    def concept_set(self) -> frozenset[str]:
        return frozenset(self.concepts) | self.skills


def _concepts(tokens: tuple[str, ...]) -> tuple[str, ...]:
    found = (concept(token) for token in tokens if is_content(token))
    return tuple(c for c in found if c not in _STOP_STEMS)


@functools.lru_cache(maxsize=8192)
def concepts(text: str) -> tuple[str, ...]:
    """The content concepts of a short text (a sentence or clause), in order; no skills."""
    return _concepts(words(text))


def analyse(text: str) -> Analysed:
    """Words, concepts and the skills mentioned (by canonical name) of a whole text."""
    tokens = words(text)
    skills = frozenset(f"skill:{mention.name}" for mention in extract_skill_mentions(text))
    return Analysed(tuple(tokens), _concepts(tokens), skills)


def pairs(concepts: Iterable[str], window: int = 3) -> set[tuple[str, str]]:
    """Ordered pairs of concepts at most `window` apart: a little word order survives."""
    items = list(concepts)
    return {
        (items[i], items[j])
        for i in range(len(items))
        for j in range(i + 1, min(len(items), i + 1 + window))
        if items[i] != items[j]
    }


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:['\u2019]s)?\b")
_PRONOUN = re.compile(r"\b(?:" + "|".join(sorted(lexicon.PRONOUNS)) + r")\b", re.IGNORECASE)
_TITLE = re.compile(r"\b(?:" + "|".join(lexicon.TITLES) + r")\b\.?\s*", re.IGNORECASE)
_REPEATED_PERSON = re.compile(r"\bSomeone(?:\s+Someone)+\b")


def neutralise(text: str, known: frozenset[str]) -> str:
    """Replace names and gendered pronouns, so who is named can never change a score.

    A capitalised word is a name unless it is a function or structure word, a skill, or a
    word (by concept) of the question, gold answer or key points in `known`. Every name
    becomes "Someone", every third-person pronoun or title "they".
    """
    text = _PRONOUN.sub("they", _TITLE.sub("", text))

    def _replace(match: re.Match) -> str:
        word = match.group().lower().replace("\u2019", "'").removesuffix("'s")
        if (
            word in lexicon.STOP_WORDS
            or word in lexicon.STRUCTURE
            or word in known
            or concept(word) in known
            or taxonomy().get(word) is not None
        ):
            return match.group()
        return "Someone"

    return _REPEATED_PERSON.sub("Someone", _CAPITALISED.sub(_replace, text))
