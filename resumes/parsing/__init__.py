"""Resume text to the structured profile of DESIGN.md ("parsed_data").

`parse_resume` is a pure function: the same text and `as_of` give the same profile. It only
reports what the text says; a field it cannot find is null or empty, never guessed.
"""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from ai.skills import extract_skills, skills_by_category
from resumes.parsing.certifications import parse_certifications
from resumes.parsing.contact import find_name, is_headline, name_line_in_body, parse_contact
from resumes.parsing.dates import DateRange, merged_months
from resumes.parsing.education import parse_education
from resumes.parsing.experience import parse_jobs
from resumes.parsing.languages import parse_languages
from resumes.parsing.sections import Section, heading_key, split_sections

__all__ = ["parse_resume"]

# A line ending in a separator, a dangling dash (not after a date: "2020 -" means "to now")
# or a word that needs a continuation.
_WRAPPED = re.compile(r"(?:[,|&]|[^\d\s] [-\u2013\u2014]|\s(?:of|and|for|the|in|at|with|to|de))$")
# A line that cannot start one: it continues the line above ("and Computer Science").
_CONTINUATION = re.compile(r"(?:and|&|of|in)\s")
MIN_SUMMARY_WORDS = 12  # an untitled header line this long is a summary, not a contact line


def parse_resume(text: str, *, as_of: date | None = None) -> dict:
    """The profile of a resume's normalised text (see `resumes.extraction.normalise`).

    `as_of` resolves "Present" (default: today); it is the only input besides the text.
    """
    as_of = as_of or date.today()  # noqa: DTZ011 (a calendar date; the caller may pass one)
    lines = _unwrapped([" ".join(line.split()) for line in text.splitlines()])
    sections = split_sections(lines)
    if not find_name(sections[0].lines, _contact_lines(sections)):
        sections = _with_name_first(lines, sections)
    header, lines = sections[0].lines, _lines_by_key(sections[1:])
    personal_info = parse_contact(header, lines.get("contact", []), text)
    jobs = parse_jobs(lines.get("experience", []), as_of)
    education = parse_education(lines.get("education", []))
    names = {
        "experience": [job["company"] for job, _ in jobs],
        "education": [entry["institution"] for entry in education],
    }
    return {
        "personal_info": personal_info,
        "summary": _summary(lines.get("summary"), header),
        "skills": skills_by_category(extract_skills(_without_names(text, lines, names))),
        "experience": [job for job, _ in jobs],
        "total_experience_years": _total_years([dates for _, dates in jobs], as_of),
        "education": education,
        "certifications": parse_certifications(lines.get("certifications", [])),
        "languages": parse_languages(lines.get("languages", [])),
        "sections": _section_keys(sections, personal_info),
    }


def _unwrapped(lines: list[str]) -> list[str]:
    """Join a line that cannot end there ("Coursera,", "Institute of", "Certificate -")
    with the next one. Narrow PDF columns wrap lines like that; a resume line does not end
    mid-list or mid-phrase otherwise.
    """
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        wrapped = _WRAPPED.search(previous) or _CONTINUATION.match(line)
        if (
            wrapped
            and previous
            and not heading_key(previous)
            and line
            and not line.startswith("- ")
        ):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


def _contact_lines(sections: list[Section]) -> list[str]:
    return [line for section in sections[1:] if section.key == "contact" for line in section.lines]


def _with_name_first(lines: list[str], sections: list[Section]) -> list[Section]:
    """Sections again with the body's name line moved to the top, out of the section it
    landed in (a sidebar's education or skills), where it would pass for an entry."""
    index = name_line_in_body(lines)
    if index is None:
        return sections
    end = index + 1
    if end < len(lines) and is_headline(lines[end]):
        end += 1  # "Registered Nurse" under the name belongs with it
    return split_sections([*lines[index:end], *lines[:index], *lines[end:]])


def _without_names(text: str, lines: dict[str, list[str]], names: dict[str, list]) -> str:
    """The text with employers and schools blanked where an entry's header names them.

    "Figma" or "New Relic" as a former employer, or "Rust College" as a school, is not a
    skill; the same word in a skills list or a bullet still is.
    """
    headers: dict[str, list[str]] = {}
    for key, found in names.items():
        written = [name for name in found if name]
        for line in lines.get(key, []):
            if line and not line.startswith("- "):
                headers[line] = [name for name in written if name in line]
    if not any(headers.values()):
        return text
    kept = []
    for raw in text.splitlines():
        for name in headers.get(" ".join(raw.split()), ()):
            raw = raw.replace(name, " " * len(name))
        kept.append(raw)
    return "\n".join(kept)


def _lines_by_key(sections: list[Section]) -> dict[str, list[str]]:
    """Sections with the same key (two "Experience" headings) read as one, blank-separated."""
    lines: dict[str, list[str]] = {}
    for section in sections:
        lines.setdefault(section.key, []).extend([*section.lines, ""])
    return lines


def _summary(lines: list[str] | None, header: list[str]) -> str | None:
    if lines is None:
        lines = [line for line in header if len(line.split()) >= MIN_SUMMARY_WORDS]
    text = " ".join(line.removeprefix("- ") for line in lines if line)
    return text or None


def _total_years(ranges: list[DateRange | None], as_of: date) -> float:
    """Years of experience, with months in which jobs overlap counted once."""
    intervals = [interval for dates in ranges if dates and (interval := dates.interval(as_of))]
    years = Decimal(merged_months(intervals)) / 12
    return float(years.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _section_keys(sections: list[Section], personal_info: dict) -> list[str]:
    """Detected sections in order; "contact" when the resume gives a way to reach them."""
    keys = [section.key for section in sections[1:] if section.heading]
    reachable = personal_info["email"] or personal_info["phone"]
    if reachable and "contact" not in keys:
        keys.insert(0, "contact")
    return list(dict.fromkeys(keys))
