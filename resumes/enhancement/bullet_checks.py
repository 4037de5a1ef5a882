"""What is weak about one experience bullet, as the issue codes the rewriter understands."""

import re

MAX_WORDS = 30
SEVERITY = {
    "weak_verb": "high",
    "passive_voice": "medium",
    "no_number": "medium",
    "personal_pronoun": "medium",
    "too_long": "low",
}
ISSUE_ORDER = tuple(SEVERITY)

# The openings the bullet rewriter replaces with a strong verb, optionally after a pronoun
# ("I was responsible for ..."); its own replacements ("Supported", "Contributed to") are
# not listed, so an accepted rewrite is not flagged again.
_WEAK_OPENING_RE = re.compile(
    r"^(?:(?:i|we)\s+)?(?:(?:am|is|are|was|were)\s+)?"
    r"(?P<phrase>(?:responsible|accountable)\s+for|in\s+charge\s+of|(?:tasked|charged)\s+with"
    r"|(?:my\s+|our\s+)?(?:main\s+)?(?:duties|responsibilities|tasks)\s+(?:included|include)"
    r"|involved\s+in|participat(?:ed|ing)\s+in|took\s+part\s+in|part\s+of|worked\s+(?:on|with)"
    r"|helped|assisted|did|made|handled|used)\b",
    re.IGNORECASE,
)
_IRREGULAR_PARTICIPLES = (
    "built|led|made|done|written|given|taken|run|set|sent|shown|grown|held|kept|chosen|driven"
    "|found|begun|brought|bought|drawn|rewritten|overseen|sold|spent|put|cut|met|taught"
)
# Adjectives that look like participles ("was involved", "is based") are not passive voice
# worth rewriting; "tasked"/"charged" are the weak-verb check's business.
_NOT_PASSIVE = frozenset(
    (
        "based",
        "located",
        "interested",
        "excited",
        "involved",
        "skilled",
        "experienced",
        "dedicated",
        "motivated",
        "qualified",
        "certified",
        "required",
        "needed",
        "tasked",
        "charged",
    )
)
_PASSIVE_RE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?"
    rf"(?P<participle>\w+ed|(?:re|co|over|pre|un)?(?:{_IRREGULAR_PARTICIPLES}))\b",
    re.IGNORECASE,
)
_NUMBER_WORDS_RE = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens?"
    r"|hundreds?|thousands?|millions?|billions?|double[ds]?|doubling|halved|halving|tripled"
    r"|twice)\b",
    re.IGNORECASE,
)
# "I" and "US" are told apart by case; "I/O", "us-east-1" are not pronouns.
_PRONOUN_RE = re.compile(
    r"(?<![\w'/&-])(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Oo]ur|[Oo]urs|[Uu]s|[Oo]urselves)"
    r"(?![\w'/&-])"
)


def weak_opening(text: str) -> str | None:
    match = _WEAK_OPENING_RE.match(text)
    return match.group("phrase") if match else None


def passive_phrase(text: str) -> str | None:
    for match in _PASSIVE_RE.finditer(text):
        if match.group("participle").lower() not in _NOT_PASSIVE:
            return match.group(0)
    return None


def has_number(text: str) -> bool:
    return bool(re.search(r"\d", text) or _NUMBER_WORDS_RE.search(text))


def pronouns(text: str) -> list[str]:
    found = []
    for match in _PRONOUN_RE.finditer(text):
        if match.group(0) not in found:
            found.append(match.group(0))
    return found


def word_count(text: str) -> int:
    return len(text.split())


def bullet_issues(text: str) -> dict[str, str]:
    """Issue code → the reason a person reads, in ISSUE_ORDER; empty for a strong bullet."""
    reasons = {}
    opening = weak_opening(text)
    if opening:
        reasons["weak_verb"] = (
            f'Starts with "{opening}", which says what the job was rather than what you '
            "achieved; start with a strong action verb."
        )
    passive = passive_phrase(text)
    if passive:
        reasons["passive_voice"] = (
            f'Uses the passive voice ("{passive}"); say what you did, in the active voice.'
        )
    if not has_number(text):
        reasons["no_number"] = (
            "Has no number: a measurable result (time saved, users, %, money, team size) "
            "makes the impact concrete."
        )
    found = pronouns(text)
    if found:
        listed = ", ".join(f'"{word}"' for word in found)
        reasons["personal_pronoun"] = f"Uses {listed}; resumes leave out personal pronouns."
    words = word_count(text)
    if words > MAX_WORDS:
        reasons["too_long"] = (
            f"Has {words} words; keep a bullet to {MAX_WORDS} or fewer so it reads at a glance."
        )
    return reasons


def worst_severity(issues) -> str:
    levels = [SEVERITY[issue] for issue in issues]
    return next(level for level in ("high", "medium", "low") if level in levels)
