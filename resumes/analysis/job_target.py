"""The job an analysis aims at, read from a pasted job description.

Required skills are the skills named anywhere except under a "preferred / nice to have /
bonus / plus" heading or in a sentence saying so ("Kafka is a plus"); those are preferred.
"""

import re
from dataclasses import dataclass

from ai.skills import canonical, extract_skills
from resumes.analysis.language import sentences, strip_bullet, words

PREFERRED_HEADING_RE = re.compile(
    r"\b(?:preferred|nice[- ]to[- ]haves?|bonus|plus|pluses|desirable|good[- ]to[- ]have"
    r"|optional|extra credit)\b",
    re.IGNORECASE,
)
PREFERRED_SENTENCE_RE = re.compile(
    r"\b(?:an?\s+(?:\w+\s+)?(?:plus|bonus|advantage)|pluses|nice[- ]to[- ]have|preferred"
    r"|desirable|ideally|good[- ]to[- ]have|bonus)\b",
    re.IGNORECASE,
)
HEADING_WORDS_RE = re.compile(
    r"\b(?:requirements|qualifications|responsibilities|skills|about|benefits|perks|role"
    r"|you(?:'ll| will)?|we|what|who|must[- ]haves?|tech(?:nology)? stack|experience)\b",
    re.IGNORECASE,
)
MAX_HEADING_WORDS = 6
ROLE_WORD_RE = re.compile(
    r"\b(?:engineer|developer|programmer|architect|scientist|analyst|designer|manager"
    r"|administrator|consultant|specialist|lead|director|intern|technician|tester|devops"
    r"|sre|writer|officer|head|researcher|recruiter|coordinator|owner|strategist)s?\b",
    re.IGNORECASE,
)
MAX_TITLE_WORDS = 10
TITLE_END_RE = re.compile(r"\s+(?:at|@)\s+|\s+[-\u2013|]\s+|\s*\(")
TITLE_LABEL_RE = re.compile(r"^(?:job\s+title|title|position|role)\s*:\s*", re.IGNORECASE)
TITLE_LEVELS = (
    ("lead", re.compile(r"\b(?:lead|principal|staff|head of|chief|director)\b", re.I)),
    ("senior", re.compile(r"\b(?:senior|sr\.?)(?!\w)", re.I)),
    ("mid", re.compile(r"\b(?:mid[- ]level|intermediate|mid)\b", re.I)),
    (
        "entry",
        re.compile(
            r"\b(?:junior|jr\.?|entry[- ]level|graduate|intern|internship|trainee)(?!\w)", re.I
        ),
    ),
)
# In running text "lead" is mostly a verb ("you will lead..."), so only role phrases count.
TEXT_LEVELS = (
    (
        "lead",
        re.compile(
            r"\b(?:tech(?:nical)? lead|team lead|lead (?:engineer|developer)|principal"
            r"|staff engineer|head of)\b",
            re.I,
        ),
    ),
    *TITLE_LEVELS[1:],
)
YEARS_RE = re.compile(
    r"\b(\d{1,2})\s*\+?\s*(?:(?:-|\u2013|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\b", re.I
)
SENIOR_YEARS = 5
MID_YEARS = 2
# Capitalised words; a dot only inside a name ("Booking.com"), never the one ending a sentence.
_COMPANY_WORD = r"[A-Z](?:[\w&'-]|\.(?=\w))*"
COMPANY_WORDS = _COMPANY_WORD + r"(?:\s+" + _COMPANY_WORD + r"){0,3}"
ABOUT_RE = re.compile(r"^\s*About\s+(" + COMPANY_WORDS + r")\s*:?\s*$", re.MULTILINE)
AT_RE = re.compile(r"(?:\bat|@)\s+(" + COMPANY_WORDS + r")")
NOT_COMPANIES = frozenset(
    [
        *("a", "an", "the", "our", "this", "that", "us", "you", "your", "least", "most"),
        *("home", "scale", "times", "work", "all", "any"),
    ]
)


@dataclass(frozen=True)
class JobTarget:
    """What an analysis, cover letter or match measures a resume against."""

    title: str | None
    company: str | None
    description: str
    required_skills: tuple[str, ...]
    preferred_skills: tuple[str, ...]
    experience_level: str | None  # "entry" | "mid" | "senior" | "lead" | None


def job_target_from_description(text: str, *, title: str | None = None) -> JobTarget:
    """Skills, level, company and (unless given) title read from a job description."""
    text = text or ""
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title_line = first_line if _looks_like_title(first_line) else None
    if title is None and title_line:
        title = _title_part(title_line)
    required, preferred = _skills(text)
    return JobTarget(
        title=title,
        company=_company(text, title_line),
        description=text,
        required_skills=tuple(required),
        preferred_skills=tuple(name for name in preferred if name not in required),
        experience_level=_level(title or "", text),
    )


def _skills(text: str) -> tuple[list[str], list[str]]:
    required: dict[str, None] = {}  # dicts keep first-mention order without duplicates
    preferred: dict[str, None] = {}
    in_preferred = False
    for line in text.splitlines():
        heading, content = _split_heading(line)
        if heading is not None:
            in_preferred = bool(PREFERRED_HEADING_RE.search(heading))
        for sentence in _clauses(content):
            is_preferred = in_preferred or bool(PREFERRED_SENTENCE_RE.search(sentence))
            target = preferred if is_preferred else required
            target.update(dict.fromkeys(extract_skills(sentence)))
    return list(required), list(preferred)


def _clauses(content: str) -> list[str]:
    return [part for sentence in sentences(content) for part in sentence.split(";")]


def _split_heading(line: str) -> tuple[str | None, str]:
    """("Nice to have", "Kafka") for "Nice to have: Kafka"; (None, line) for plain lines.

    A bulleted line, or one that itself names a skill ("Kafka: a plus", "Kubernetes
    experience"), is content.
    """
    stripped = line.strip()
    if stripped != strip_bullet(stripped):
        return None, strip_bullet(stripped)
    head, colon, rest = stripped.partition(":")
    if colon and len(words(head)) <= MAX_HEADING_WORDS and not extract_skills(head):
        return head, rest
    short = 0 < len(words(stripped)) <= MAX_HEADING_WORDS and not stripped.endswith(".")
    worded = HEADING_WORDS_RE.search(stripped) or PREFERRED_HEADING_RE.search(stripped)
    if short and worded and not extract_skills(stripped):
        return stripped, ""
    return None, stripped


def _looks_like_title(line: str) -> bool:
    return (
        0 < len(words(line)) <= MAX_TITLE_WORDS
        and not line.endswith(".")
        and bool(ROLE_WORD_RE.search(line))
    )


def _title_part(line: str) -> str:
    """ "Job title: Senior Engineer at Acme (Remote)" → "Senior Engineer"."""
    line = TITLE_LABEL_RE.sub("", line)
    line = TITLE_END_RE.split(line, maxsplit=1)[0]
    return line.strip(" :,")


def _level(title: str, text: str) -> str | None:
    for level, pattern in TITLE_LEVELS:
        if pattern.search(title):
            return level
    years = YEARS_RE.search(text)
    if years:
        count = int(years.group(1))
        if count >= SENIOR_YEARS:
            return "senior"
        return "mid" if count >= MID_YEARS else "entry"
    for level, pattern in TEXT_LEVELS:
        if pattern.search(text):
            return level
    return None


def _company(text: str, title_line: str | None) -> str | None:
    """The company when the text names exactly one: "About Acme", else "... at Acme"."""
    for pattern, source in ((ABOUT_RE, text), (AT_RE, title_line or ""), (AT_RE, text)):
        names = {name for match in pattern.finditer(source) if (name := _clean_company(match))}
        if len(names) == 1:
            return names.pop()
        if len(names) > 1:
            return None
    return None


def _clean_company(match: re.Match) -> str | None:
    name = match.group(1).strip(" .,'-")
    first = name.split()[0].lower() if name else ""
    if not name or first in NOT_COMPANIES or canonical(name) is not None:
        return None
    return name
