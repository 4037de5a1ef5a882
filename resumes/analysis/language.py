"""Word lists and small text measures shared by the ATS rules and the section scores.

Everything here is plain pattern matching on English text: cheap, deterministic and easy to
explain to a candidate ("this bullet starts with 'helped'").
"""

import re

WORD_RE = re.compile(r"\w[\w'\u2019+#-]*")
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\[])")
# Bullet glyphs, dashes and asterisks that open a list item (escaped: they look alike).
BULLET_MARK_RE = re.compile(
    r"^[\s\u2022\u25cf\u25aa\u25e6\u25a0\u25a1\u27a2\u27a4\u25ba\u2713\u2714*\u00b7\-\u2013\u2014]+"
)
YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
DIGIT_RE = re.compile(r"\d")
# Quantities written as words; "one" is left out, it is mostly not a measure ("one of").
NUMBER_WORDS_RE = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens?"
    r"|hundreds?|thousands?|millions?|billions?|doubled|tripled|quadrupled|halved|tenfold)\b",
    re.IGNORECASE,
)
FIRST_PERSON_RE = re.compile(r"\bI\b(?![/.&])|\b(?:me|my|mine|myself)\b", re.IGNORECASE)

# Past forms; present forms ("Build", "Leads") are recognised by `is_strong_verb`.
_STRONG_VERBS_TEXT = """
    accelerated achieved acquired adapted addressed administered advised advocated analysed
    analyzed anticipated applied architected arranged assembled assessed audited authored
    automated balanced benchmarked boosted budgeted built calculated captured catalogued
    centralised centralized chaired championed coached collaborated combined commissioned
    communicated compiled completed composed computed conceived conceptualised conceptualized
    conducted configured consolidated constructed consulted contributed controlled converted
    coordinated created cultivated curated customised customized cut debugged decreased
    defined delegated delivered deployed designed detected determined developed devised
    diagnosed digitised digitized directed discovered documented doubled drafted drove earned
    edited educated eliminated enabled encouraged engineered enhanced established estimated
    evaluated examined exceeded executed expanded expedited experimented explored extended
    extracted fabricated facilitated finalised finalized fixed forecasted formalised
    formalized formulated fostered founded generated governed grew guided halved headed
    identified implemented improved increased influenced initiated innovated inspected
    installed instituted instrumented integrated interpreted interviewed introduced invented
    investigated launched led leveraged localised localized maintained managed mapped
    maximised maximized measured mentored merged migrated minimised minimized mobilised
    mobilized modelled modeled modernised modernized monitored motivated negotiated
    operated optimised optimized orchestrated organised organized originated outperformed
    overhauled oversaw partnered patented persuaded piloted pioneered planned presented
    prevented prioritised prioritized produced profiled programmed promoted proposed
    prototyped provisioned published quantified raised ran rationalised rationalized
    rebuilt recommended reconciled recruited redesigned reduced refactored refined
    reengineered released remediated renegotiated reorganised reorganized replaced reported
    researched resolved restructured revamped reviewed revitalised revitalized rewrote
    saved scaled scheduled secured served shipped simplified slashed solved sourced
    spearheaded specified sped stabilised stabilized standardised standardized steered
    streamlined strengthened structured succeeded supervised surpassed synthesised
    synthesized systematised systematized tested trained transformed translated trimmed
    tripled troubleshot tuned uncovered unified upgraded validated verified visualised
    visualized won wrote
"""
STRONG_VERBS = frozenset(_STRONG_VERBS_TEXT.split())
IRREGULAR_PRESENT = {
    "build": "built",
    "drive": "drove",
    "grow": "grew",
    "lead": "led",
    "oversee": "oversaw",
    "rewrite": "rewrote",
    "run": "ran",
    "speed": "sped",
    "troubleshoot": "troubleshot",
    "win": "won",
    "write": "wrote",
}

WEAK_PHRASES = (
    "responsible for",
    "helped",
    "helping",
    "worked on",
    "assisted with",
    "assisted in",
    "duties included",
    "tasked with",
    "involved in",
    "participated in",
    "in charge of",
)
WEAK_PHRASE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in WEAK_PHRASES) + r")\b", re.IGNORECASE
)

_PARTICIPLES = (
    "built|done|given|made|led|run|seen|sent|taken|written|won|chosen|driven|known|shown|"
    "grown|held|kept|paid|sold|taught|told|brought|bought|found|set|put|cut|begun|spent"
)
_BE = r"\b(?:am|is|are|was|were|be|been|being)\s+"
PASSIVE_RE = re.compile(
    _BE + r"(?:\w+ly\s+)?(?P<verb>\w+ed|" + _PARTICIPLES + r")\b", re.IGNORECASE
)
# Adjectives that look like participles: "is experienced" is not a passive construction.
_NOT_PASSIVE_TEXT = """
    experienced interested dedicated skilled motivated qualified talented committed focused
    based excited passionate detailed organised organized seasoned certified accomplished
    self-motivated advanced
"""
_NOT_PASSIVE = frozenset(_NOT_PASSIVE_TEXT.split())

_STOP_WORDS_TEXT = """
    a about above after again against all also an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having here how if in into is it its itself just more most new no nor
    not of off on once only or other our out over own same should so some such than that the
    their them then there these they this those through to too under until up very via was we
    were what when where which while who whom why will with within without would you your
    using used across per team teams work worked working
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def words(text: str) -> list[str]:
    """The words of `text`, punctuation stripped, in order."""
    return WORD_RE.findall(text)


def strip_bullet(line: str) -> str:
    return BULLET_MARK_RE.sub("", line).strip()


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph; a line break also ends a sentence."""
    parts: list[str] = []
    for line in text.splitlines():
        parts.extend(part.strip() for part in SENTENCE_SPLIT_RE.split(line) if part.strip())
    return parts


def has_metric(text: str) -> bool:
    """A number that measures something: digits other than a bare year, "four", "doubled"."""
    return bool(DIGIT_RE.search(YEAR_RE.sub("", text)) or NUMBER_WORDS_RE.search(text))


def first_word(text: str) -> str:
    found = words(strip_bullet(text))
    return found[0].lower() if found else ""


def is_strong_verb(word: str) -> bool:
    """Past ("Led"), present ("Lead") and third-person ("Leads") forms of a strong verb."""
    word = word.lower()
    if word in STRONG_VERBS or IRREGULAR_PRESENT.get(word) in STRONG_VERBS:
        return True
    stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if IRREGULAR_PRESENT.get(stem) in STRONG_VERBS:
        return True
    candidates = (stem + "d", stem + "ed", stem + stem[-1:] + "ed", stem[:-1] + "ied")
    if word.endswith("ies"):
        candidates += (word[:-3] + "ied",)  # "Simplifies" → "simplified"
    return any(candidate in STRONG_VERBS for candidate in candidates)


def passive_phrases(text: str) -> list[str]:
    return [
        match.group(0)
        for match in PASSIVE_RE.finditer(text)
        if match.group("verb").lower() not in _NOT_PASSIVE
    ]


def weak_phrases(text: str) -> list[str]:
    return [match.group(0).lower() for match in WEAK_PHRASE_RE.finditer(text)]


def first_person_pronouns(text: str) -> list[str]:
    return FIRST_PERSON_RE.findall(text)


def round_half_up(value: float) -> int:
    """Round a non-negative 2.5 to 3 (`round` gives 2): easier to explain in a deduction."""
    return int(value + 0.5)
