"""Education entries: degree, field, institution, years and grade."""

import re

from resumes.parsing.dates import find_range
from resumes.parsing.experience import header_fields
from resumes.parsing.places import is_location, trailing_location
from resumes.parsing.vocabulary import INSTITUTION_WORDS

_DEGREE_TYPES = (
    r"Science|Arts|Engineering|Laws|Business Administration|Fine Arts|Philosophy|"
    r"Applied Science|Education|Technology|Commerce|Music|Public Health|Nursing|Architecture"
)
_LONG_DEGREE = re.compile(
    rf"\b(?:Bachelor|Master|Doctor|Associate)(?:'s|\u2019s)?(?:\s+of\s+(?:{_DEGREE_TYPES}))?"
    r"(?:\s+degree)?\b|\bHigh School Diploma\b|\b(?:Graduate |Postgraduate )?Diploma\b|"
    r"\bAbitur\b|\bBaccalaur[ée]at\b|\bA-?Levels?\b|(?:[\w+#.-]+ ){0,4}(?:Bootcamp|Nanodegree)\b",
    re.IGNORECASE,
)
# Two-letter abbreviations (BA, BS, MA, MS, MD) also name US states: "Boston, MA" is not a
# degree, so they count only when no comma comes right before them.
_SHORT_DEGREE = re.compile(
    r"(?<![\w.])(?:B\.?Sc|B\.?Eng|B\.?Tech|BBA|BFA|BSN|B\.?Com|LL\.?B|M\.?Sc|M\.?Eng|MBA|"
    r"M\.B\.A|MFA|MPH|MSN|M\.?Phil|LL\.?M|Ph\.?D|D\.?Phil|Ed\.?D|DNP|Pharm\.?D|J\.?D|HND|"
    r"(?<!, )(?:B\.?S|B\.?A|M\.?S|M\.?A|M\.?D))\.?(?![\w])"
)
_FIELD = re.compile(
    r"^\s*(?:\((?:Hons?|Honou?rs)\.?\)\s*)?(?:in\b|of\b|:|-|\u2013)?\s*"
    r"(?P<field>[^\W\d_][\w&'\u2019 ]*?)\s*(?=,|\||—|\u2013|\s-\s|\(|\bat\b|\bfrom\b|\d|$)",
)
_GRADE = re.compile(
    r"\b(?P<label>C?GPA|Grade|Final grade|Average)\s*[:\-]?\s*"
    r"(?P<value>\d(?:[.,]\d{1,2})?(?:\s*/\s*\d{1,3}(?:[.,]\d{1,2})?)?)"
    r"|(?P<honours>(?:first|upper second|lower second|second|third)[- ]class(?: honou?rs)?"
    r"(?:\s*\(\d:\d\))?|\b2:[12]\b|(?:summa |magna )?cum laude|with (?:high )?"
    r"(?:distinction|honou?rs|merit)|\bdistinction\b|\bmerit\b)",
    re.IGNORECASE,
)
_EXPECTED = re.compile(r"\b(?:expected|anticipated|graduating|graduation)\b:?", re.IGNORECASE)


def parse_education(lines: list[str]) -> list[dict]:
    """Entries in the order written; an entry needs a degree or an institution."""
    entries = []
    for block in _entry_blocks(lines):
        entry = _entry(block)
        if entry["degree"] or entry["institution"]:
            entries.append(entry)
    return entries


def _entry_blocks(lines: list[str]) -> list[list[str]]:
    """Lines grouped per entry: a blank line, or a second degree or school, starts a new one."""
    blocks: list[list[str]] = [[]]
    has = {"degree": False, "school": False}
    for line in lines:
        if not line:
            blocks.append([])
            has = {"degree": False, "school": False}
            continue
        if line.startswith("- ") and blocks[-1]:
            continue  # details (courses, thesis) of the current entry
        kinds = {"degree": _has_degree(line), "school": bool(INSTITUTION_WORDS.search(line))}
        if any(kinds[kind] and has[kind] for kind in kinds):
            blocks.append([])
            has = {"degree": False, "school": False}
        blocks[-1].append(line)
        has = {kind: has[kind] or kinds[kind] for kind in has}
    return [block for block in blocks if block]


def _has_degree(text: str) -> bool:
    return bool(_LONG_DEGREE.search(text) or _SHORT_DEGREE.search(text))


def _entry(block: list[str]) -> dict:
    text = " | ".join(block)
    grade, text = _grade(text)
    start, end, text = _years(text)
    degree, field, text = _degree(text)
    institution = _institution(header_fields(text))
    return {
        "degree": degree,
        "field": field,
        "institution": institution,
        "start": start,
        "end": end,
        "grade": grade,
    }


def _grade(text: str) -> tuple[str | None, str]:
    match = _GRADE.search(text)
    if match is None:
        return None, text
    if match.group("value"):
        value = " ".join(match.group("value").split())
        grade = f"{match.group('label')} {value}"
    else:
        grade = match.group("honours")
    return grade, _cut(text, match.span())


def _years(text: str) -> tuple[str | None, str | None, str]:
    dates = find_range(text, single=True)
    if dates is None:
        return None, None, text
    text = _EXPECTED.sub(" ", _cut(text, dates.span))
    if dates.end is None and not dates.current:
        return None, str(dates.start[0]), text  # one year: when it was (or will be) finished
    end = str(dates.end[0]) if dates.end else None
    return str(dates.start[0]), end, text


def _degree(text: str) -> tuple[str | None, str | None, str]:
    match = _LONG_DEGREE.search(text) or _SHORT_DEGREE.search(text)
    if match is None:
        return None, None, text
    degree = match.group(0).strip()
    field_match = _FIELD.match(text[match.end() :])
    field = field_match.group("field").strip() if field_match else ""
    if INSTITUTION_WORDS.search(field) or is_location(field):
        field, field_match = "", None
    end = match.end() + (field_match.end() if field_match else 0)
    return degree, field or None, _cut(text, (match.start(), end))


def _institution(fields: list[str]) -> str | None:
    fields = [field for field in fields if not is_location(field)]
    for field in fields:
        if INSTITUTION_WORDS.search(field):
            return trailing_location(field)[0] or field
    return fields[0] if fields else None


def _cut(text: str, span: tuple[int, int]) -> str:
    return f"{text[: span[0]]} | {text[span[1] :]}"
