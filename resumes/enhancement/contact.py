"""Contact details a recruiter needs: a valid email, a phone number, a LinkedIn profile URL."""

import re
from dataclasses import dataclass

from resumes.enhancement.lines import Line

EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
# Something that tries to be an email: an "@" with a word on each side, or a spelled-out
# "name at host dot com".
_EMAILISH_RE = re.compile(
    r"[\w.+-]+\s*@\s*[\w-]+(?:[.,][\w-]+)*"
    r"|[\w.+-]+\s*(?:\(at\)|\[at\]|\s+at\s+)\s*[\w-]+\s*(?:\(dot\)|\[dot\]|\s+dot\s+)\s*[\w-]+",
    re.IGNORECASE,
)
_PHONE_RE = re.compile(r"(?:\+?\d[\d\s().-]{6,}\d)")
_LINKEDIN_RE = re.compile(r"(?:https?://)?(?:[\w-]+\.)?linkedin\.com(?:/[^\s,;|)]*)?", re.I)
LINKEDIN_PROFILE_RE = re.compile(
    r"^(?:https?://)?(?:[\w-]+\.)?linkedin\.com/in/[\w%-]{3,100}/?$", re.IGNORECASE
)
EMAIL_PROMPT = "[your email address, e.g. firstname.lastname@example.com]"
PHONE_PROMPT = "[your phone number, with the country code]"
LINKEDIN_PROMPT = "https://www.linkedin.com/in/[your-profile-name]"


@dataclass(frozen=True)
class ContactProblem:
    target: str  # "email" | "phone" | "linkedin"
    line: Line | None
    reason: str
    proposed: str
    severity: str


def repaired_email(candidate: str) -> str | None:
    """Undo the usual slips ("name at host dot com", a comma for a dot, stray spaces)."""
    fixed = re.sub(r"\s*(?:\(at\)|\[at\]|\s+at\s+)\s*", "@", candidate, flags=re.IGNORECASE)
    fixed = re.sub(r"\s*(?:\(dot\)|\[dot\]|\s+dot\s+)\s*", ".", fixed, flags=re.IGNORECASE)
    fixed = re.sub(r"\s*,\s*", ".", fixed)
    fixed = re.sub(r"\s+", "", fixed).strip(".")
    return fixed if EMAIL_RE.match(fixed) else None


def _malformed_email(lines: list[Line]) -> tuple[Line, str] | None:
    for line in contact_area(lines):
        for match in _EMAILISH_RE.finditer(line.text):
            candidate = match.group(0).strip()
            if not EMAIL_RE.match(candidate):
                return line, candidate
    return None


def contact_area(lines: list[Line]) -> list[Line]:
    """The lines above the first heading, plus a "Contact" section if there is one."""
    return [line for line in lines if line.section in (None, "contact")]


def email_problem(lines: list[Line], profile_email: str | None) -> ContactProblem | None:
    if profile_email and EMAIL_RE.match(profile_email):
        return None
    found = _malformed_email(lines)
    if found is None and profile_email:
        line = next((item for item in lines if profile_email in item.text), None)
        found = (line, profile_email) if line else None
    if found is None:
        return ContactProblem(
            "email",
            None,
            "The resume has no email address: recruiters reply by email.",
            EMAIL_PROMPT,
            "high",
        )
    line, written = found
    fixed = repaired_email(written)
    proposed = (
        line.text.replace(written, fixed) if fixed else line.text.replace(written, EMAIL_PROMPT)
    )
    return ContactProblem(
        "email", line, f'"{written}" is not a valid email address.', proposed, "high"
    )


def phone_problem(lines: list[Line], profile_phone: str | None) -> ContactProblem | None:
    if profile_phone or any(_PHONE_RE.search(line.text) for line in contact_area(lines)):
        return None
    return ContactProblem(
        "phone",
        None,
        "The resume has no phone number: many recruiters call first.",
        PHONE_PROMPT,
        "medium",
    )


def linkedin_problem(lines: list[Line], profile_link: str | None) -> ContactProblem | None:
    """A LinkedIn link that is not a profile (a feed, a company page, a search) is flagged.

    Only the contact lines are read: a bullet may well mention linkedin.com for other reasons.
    """
    for line in contact_area(lines):
        for match in _LINKEDIN_RE.finditer(line.text):
            url = match.group(0).rstrip(".")
            if not LINKEDIN_PROFILE_RE.match(url):
                return ContactProblem(
                    "linkedin",
                    line,
                    f'"{url}" is not a LinkedIn profile address (those look like '
                    "linkedin.com/in/your-name).",
                    line.text.replace(url, LINKEDIN_PROMPT),
                    "medium",
                )
    if profile_link and not LINKEDIN_PROFILE_RE.match(profile_link):
        return ContactProblem(
            "linkedin",
            None,
            f'"{profile_link}" is not a LinkedIn profile address.',
            LINKEDIN_PROMPT,
            "medium",
        )
    return None


def contact_problems(lines: list[Line], personal_info: dict) -> list[ContactProblem]:
    links = personal_info.get("links") or {}
    problems = (
        email_problem(lines, personal_info.get("email")),
        phone_problem(lines, personal_info.get("phone")),
        linkedin_problem(lines, links.get("linkedin")),
    )
    return [problem for problem in problems if problem]
