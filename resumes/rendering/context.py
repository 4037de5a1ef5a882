"""Turn a resume document (the enhanced profile) into display-ready values.

Both renderers read the same context, so the PDF and the DOCX show the same words in the
same order: dates written one way, skills under their category labels, links without
their scheme.
"""

import re

from ai.skills import CATEGORY_LABELS
from resumes.rendering.registry import ResumeTemplate

EN_DASH = "\u2013"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
LINK_KINDS = ("linkedin", "github", "stackoverflow", "website")


def month_year(value: str | None) -> str:
    """'2019-03' → 'Mar 2019'; a bare year or anything else is shown as written."""
    if not value:
        return ""
    match = _YEAR_MONTH.match(value)
    if match and 1 <= int(match[2]) <= 12:
        return f"{MONTHS[int(match[2]) - 1]} {match[1]}"
    return str(value)


def period(start: str | None, end: str | None, current: bool = False) -> str:
    """A date range as printed: month names, "Present" for a current role, one side alone."""
    first = month_year(start)
    last = "Present" if current else month_year(end)
    if first and last:
        return f"{first} {EN_DASH} {last}"
    return first or last


def display_link(url: str) -> str:
    """A link as people write it on paper: no scheme, no 'www.', no trailing slash."""
    return re.sub(r"^(https?://)?(www\.)?", "", url.strip()).rstrip("/")


def contact_items(contact: dict) -> list[str]:
    items = [contact.get(key) for key in ("email", "phone", "location")]
    links = contact.get("links") or {}
    items += [display_link(links[kind]) for kind in LINK_KINDS if links.get(kind)]
    return [item for item in items if item]


def skill_groups(skills: dict) -> list[dict]:
    return [
        {"label": CATEGORY_LABELS.get(key, key.replace("_", " ").title()), "items": names}
        for key, names in (skills or {}).items()
        if names
    ]


def _join(*parts: str | None, sep: str = ", ") -> str:
    return sep.join(part for part in parts if part)


def experience_entries(experience: list) -> list[dict]:
    return [
        {
            "title": job.get("title") or "",
            "org": _join(job.get("company"), job.get("location")),
            "period": period(job.get("start"), job.get("end"), bool(job.get("current"))),
            "bullets": [bullet for bullet in job.get("bullets") or [] if bullet],
        }
        for job in experience or []
    ]


def _degree(item: dict) -> str:
    """'BSc in Computer Science'; the field only once when the degree already names it."""
    degree, field = item.get("degree") or "", item.get("field") or ""
    if field and field.lower() in degree.lower():
        return degree
    return _join(degree, field, sep=" in ")


def education_entries(education: list) -> list[dict]:
    return [
        {
            "title": _degree(item) or item.get("institution") or "",
            "org": item.get("institution") if _degree(item) else "",
            "period": period(item.get("start"), item.get("end")),
            "grade": item.get("grade") or "",
        }
        for item in education or []
    ]


def certification_lines(certifications: list) -> list[str]:
    lines = []
    for item in certifications or []:
        year = f" ({item['year']})" if item.get("year") else ""
        lines.append(_join(item.get("name"), item.get("issuer")) + year)
    return [line for line in lines if line.strip()]


def language_lines(languages: list) -> list[str]:
    return [
        item["language"] + (f" ({item['proficiency']})" if item.get("proficiency") else "")
        for item in languages or []
        if item.get("language")
    ]


def resume_context(document: dict, template: ResumeTemplate) -> dict:
    """Everything a resume template shows, already formatted."""
    return {
        "theme": template,
        "name": document.get("name") or "",
        "headline": document.get("headline") or "",
        "contact": contact_items(document.get("contact") or {}),
        "summary": document.get("summary") or "",
        "skills": skill_groups(document.get("skills") or {}),
        "experience": experience_entries(document.get("experience")),
        "education": education_entries(document.get("education")),
        "certifications": certification_lines(document.get("certifications")),
        "languages": language_lines(document.get("languages")),
    }
