"""The resume text as numbered lines: which section each line sits in, and its bullets.

Suggestions point at a 1-based line number in the text the person uploaded, so this works
on that text directly; the parsed profile only helps recognise bullets whose marker the
file format dropped (DOCX list items carry no "•" in their text).
"""

import re
from dataclasses import dataclass

_MARKER_RE = re.compile(r"^\s*(?:[•·▪◦●○■□►▸‣✓✔*\-\u2013\u2014]|\d{1,2}[.)])\s+")
_HEADING_NOISE_RE = re.compile(r"[:|_=#*•\-\u2013\u2014]+")
_MAX_HEADING_WORDS = 5
HEADINGS = {
    "contact": ("contact", "contact information", "contact details", "personal details"),
    "summary": (
        "summary",
        "professional summary",
        "profile",
        "professional profile",
        "about",
        "about me",
        "objective",
        "career objective",
        "career summary",
        "personal statement",
        "executive summary",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
    ),
    "education": (
        "education",
        "academic background",
        "education and training",
        "qualifications",
        "academic qualifications",
    ),
    "skills": (
        "skills",
        "technical skills",
        "key skills",
        "core skills",
        "core competencies",
        "competencies",
        "skills and tools",
        "tools and technologies",
        "technologies",
        "tech stack",
        "expertise",
        "areas of expertise",
    ),
    "projects": ("projects", "personal projects", "selected projects", "key projects"),
    "certifications": (
        "certifications",
        "certificates",
        "licenses and certifications",
        "licences and certifications",
        "courses",
        "training",
    ),
    "languages": ("languages", "spoken languages"),
    "awards": ("awards", "honors", "honours", "achievements", "awards and honors"),
    "publications": ("publications", "papers"),
    "volunteering": ("volunteering", "volunteer experience", "volunteer work"),
    "interests": ("interests", "hobbies", "hobbies and interests"),
}
_HEADING_TO_SECTION = {phrase: key for key, phrases in HEADINGS.items() for phrase in phrases}


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, as an editor shows it
    text: str  # stripped of surrounding whitespace
    section: str | None  # the heading above it; None before the first heading
    heading: bool


@dataclass(frozen=True)
class Bullet:
    line: int
    text: str  # marker removed, wrapped continuation lines joined


def normalise(text: str) -> str:
    """For comparing text across extraction quirks: marker, case, spacing, final stop."""
    return re.sub(r"\s+", " ", strip_marker(text)).strip().rstrip(".;").casefold()


def strip_marker(text: str) -> str:
    return _MARKER_RE.sub("", text, count=1).strip()


def heading_section(text: str) -> str | None:
    """The section key a heading line names ("WORK EXPERIENCE:" → "experience"), else None."""
    cleaned = _HEADING_NOISE_RE.sub(" ", text).replace("&", " and ")
    cleaned = re.sub(r"\s+", " ", cleaned).strip().casefold()
    if not cleaned or len(cleaned.split()) > _MAX_HEADING_WORDS:
        return None
    return _HEADING_TO_SECTION.get(cleaned)


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: split at newlines only.

    str.splitlines would also split at a form feed, which PDF extraction puts between pages.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_lines(text: str) -> list[Line]:
    lines, section = [], None
    for number, raw in enumerate(split_lines(text), start=1):
        stripped = raw.strip()
        found = heading_section(stripped)
        if found:
            section = found
        lines.append(Line(number, stripped, section, found is not None))
    return lines


def heading_line(lines: list[Line], section: str) -> Line | None:
    return next((line for line in lines if line.heading and line.section == section), None)


def _profile_bullets(profile: dict) -> list[str]:
    return [
        normalise(bullet)
        for job in profile.get("experience") or []
        for bullet in job.get("bullets") or []
        if bullet
    ]


def _starts_known_bullet(text: str, known: list[str]) -> bool:
    key = normalise(text)
    return len(key) >= 15 and any(bullet.startswith(key) for bullet in known)


def _continues(text: str, joined: str, known: list[str]) -> bool:
    """A wrapped line: starts in lower case, or extends a bullet the parser knows."""
    if not text or _MARKER_RE.match(text) or heading_section(text):
        return False
    return text[0].islower() or _starts_known_bullet(f"{joined} {text}", known)


def experience_bullets(lines: list[Line], profile: dict) -> list[Bullet]:
    """Bullets under the experience heading, each at the line where it starts."""
    known = _profile_bullets(profile)
    bullets, index = [], 0
    while index < len(lines):
        line = lines[index]
        index += 1
        is_bullet = bool(_MARKER_RE.match(line.text)) or _starts_known_bullet(line.text, known)
        if line.section != "experience" or line.heading or not is_bullet:
            continue
        joined = strip_marker(line.text)
        while index < len(lines) and _continues(lines[index].text, joined, known):
            joined = f"{joined} {lines[index].text}"
            index += 1
        bullets.append(Bullet(line.number, joined))
    return bullets
