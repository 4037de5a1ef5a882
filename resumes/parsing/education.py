"""Education entries: degree, field, institution, years and grade."""

import re

from resumes.parsing.dates import find_range
from resumes.parsing.experience import header_fields
from resumes.parsing.places import is_location, trailing_location
from resumes.parsing.vocabulary import INSTITUTION_WORDS

_DEGREE_TYPES = (
    r"Science|Arts|Engineering|Laws|Business Administration|Fine Arts|Philosophy|Accountancy|"
    r"Accounting|Social Work|Public Administration|Public Policy|Health Administration|"
    r"Applied Science|Education|Technology|Commerce|Music|Public Health|Nursing|Architecture"
)
_LONG_DEGREE = re.compile(
    r"\bJuris Doctor(?:ate)?\b|\bMaster of Laws\b|\bBachelor of Laws\b|"
    r"\bDoctor of (?:Medicine|Philosophy|Nursing Practice|Pharmacy|Education|Dental Surgery)\b|"
    r"\bAssociate (?:of|in) Applied Science\b|\bAssociate Degree in Nursing\b|"
    rf"\b(?:Bachelor|Master|Doctor|Associate)(?:'s|\u2019s)?(?:\s+of\s+(?:{_DEGREE_TYPES}))?"
    r"(?:\s+degree)?\b|\bHigh School Diploma\b|\b(?:Graduate |Postgraduate )?Diploma\b|"
    r"\bAbitur\b|\bBaccalaur[ée]at\b|\bA-?Levels?\b|(?:[\w+#.-]+ ){0,4}(?:Bootcamp|Nanodegree)\b",
    re.IGNORECASE,
)
# Two-letter abbreviations (BA, BS, MA, MS, MD) also name US states: "Boston, MA" is not a
# degree, so they count only when no comma comes right before them.
_SHORT_DEGREE = re.compile(
    r"(?<![\w.])(?:B\.?Sc|B\.?Eng|B\.?Tech|B\.?B\.?A|B\.?F\.?A|B\.?S\.?N|B\.?Com|LL\.?B|"
    r"M\.?Sc|M\.?Eng|M\.?Tech|M\.?B\.?A|M\.?F\.?A|M\.?P\.?H|M\.?S\.?N|M\.?Phil|LL\.?M|"
    r"Ph\.?D|D\.?Phil|Ed\.?D|D\.?N\.?P|Pharm\.?D|J\.D|JD|HND|A\.?A\.?S|A\.?D\.?N|B\.E|BE(?= in\b)|"
    r"B\.S\.E|BSE(?= in\b)|"
    r"M\.E|(?<!, )(?:B\.?S|B\.?A|M\.?S|M\.?A|M\.?D|A\.A|A\.S))\.?(?![\w])"
)
_FIELD = re.compile(
    r"^\s*(?:\((?:Hons?|Honou?rs|[A-Z][A-Za-z.]{1,6})\.?\)\s*)?(?:in\b|of\b|:|-|\u2013|,)?\s*"
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
_NEXT_FIELD = re.compile(r"^\s*\|\s*(?P<field>[^\W\d_][\w&'\u2019 ]*?)\s*(?=\||$)")
_MONTH_WORD = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$|^(?:spring|summer|fall"
    r"|autumn|winter|present|current|expected|graduated|graduation)$",
    re.IGNORECASE,
)
MAX_FIELD_WORDS = 6
# Last words of a field that a narrow column wraps onto a line of their own; a lone word not
# among them ("Stanford", "INSEAD") is more likely the school.
_FIELD_ENDINGS = {
    "administration", "management", "engineering", "science", "sciences", "studies",
    "technology", "design", "arts", "education", "economics", "nursing", "accounting",
    "finance", "marketing", "development", "communication", "communications", "policy",
    "health", "systems", "analytics", "relations", "law", "mathematics", "psychology",
}  # fmt: skip
_ABBREVIATION = re.compile(r"\s*\([A-Z][A-Za-z.]{1,10}\)")
_EXPECTED = re.compile(r"\b(?:expected|anticipated|graduating|graduation)\b:?", re.IGNORECASE)


def parse_education(lines: list[str]) -> list[dict]:
    """Entries in the order written; an entry needs a degree or an institution."""
    entries = []
    for block in _entry_blocks(lines):
        entry = _entry(block)
        if entry["degree"] or entry["institution"]:
            entries.append(entry)
    return entries


def _rejoined(lines: list[str]) -> list[str]:
    """A degree wrapped in a narrow column read as one line: "Bachelor of Business" above
    "Administration in Marketing", or "... in Business" above "Administration"."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if previous and line and _degree_continues(previous, line):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


def _degree_continues(previous: str, line: str) -> bool:
    if not _has_degree(previous) or INSTITUTION_WORDS.search(line) or line.startswith("- "):
        return False
    if line.lower() in _FIELD_ENDINGS:
        return True  # "Bachelor of Science in Business" above "Administration"
    alone, together = _LONG_DEGREE.search(previous), _LONG_DEGREE.search(f"{previous} {line}")
    return bool(alone and together and together.end() > len(previous) >= alone.end())


def _entry_blocks(lines: list[str]) -> list[list[str]]:
    """Lines grouped per entry: a blank line, or a second degree or school, starts a new one."""
    blocks: list[list[str]] = [[]]
    has = {"degree": False, "school": False}
    for line in _rejoined(lines):
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
    """Start and end years, every date cut out: a range, or lone dates read as start and end
    ("Sep 2011 | Jun 2015"); one lone date is when it was (or will be) finished."""
    found = []
    while len(found) < 4 and (dates := find_range(text, single=True)):
        found.append(dates)
        text = _cut(text, dates.span)
    text = _EXPECTED.sub(" ", text)
    if not found:
        return None, None, text
    first = found[0]
    if first.end is not None or first.current:
        return str(first.start[0]), str(first.end[0]) if first.end else None, text
    if len(found) == 1:
        return None, str(first.start[0]), text
    return str(first.start[0]), str(found[-1].start[0]), text


def _degree(text: str) -> tuple[str | None, str | None, str]:
    match = _LONG_DEGREE.search(text) or _SHORT_DEGREE.search(text)
    if match is None:
        return None, None, text
    degree = match.group(0).strip()
    after = text[match.end() :]
    field_match = _FIELD.match(after)
    field = field_match.group("field").strip() if field_match else ""
    separated = field_match is not None and field_match.group(0).lstrip().startswith(",")
    rest = text[: match.start()] + " | " + after[field_match.end() :] if field_match else ""
    if not _can_be_field(field) or (separated and not _names_school(rest)):
        # The field on the line below the degree ("Bachelor of Science" / "Nursing").
        field_match = _NEXT_FIELD.match(after)
        field = field_match.group("field").strip() if field_match else ""
        if not _can_be_field(field) or not _names_school(after[field_match.end() :]):
            field, field_match = "", None
    end = match.end() + (field_match.end() if field_match else 0)
    if abbreviation := _ABBREVIATION.match(text, end):
        end = abbreviation.end()  # "... in Nursing (ADN)"
    return degree, field or None, _cut(text, (match.start(), end))


def _names_school(rest: str) -> bool:
    """Whether a school is still named without the would-be field: "MBA, INSEAD, 2015"
    names no field, "BBA, Finance, University of Michigan" does."""
    return _institution(header_fields(_years(rest)[2])) is not None


def _can_be_field(text: str) -> bool:
    if not text or len(text.split()) > MAX_FIELD_WORDS or _MONTH_WORD.match(text):
        return False
    return not (INSTITUTION_WORDS.search(text) or is_location(text) or _has_degree(text))


def _institution(fields: list[str]) -> str | None:
    fields = [
        field
        for field in fields
        if not is_location(field)
        and not _MONTH_WORD.match(field)
        and any(c.isalpha() for c in field)
    ]
    for field in fields:
        if INSTITUTION_WORDS.search(field):
            return trailing_location(field)[0] or field
    return fields[0] if fields else None


def _can_be_institution(text: str) -> bool:
    has_letters = any(char.isalpha() for char in text)
    return has_letters and not (is_location(text) or _MONTH_WORD.match(text))


def _cut(text: str, span: tuple[int, int]) -> str:
    return f"{text[: span[0]]} | {text[span[1] :]}"
