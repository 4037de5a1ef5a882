"""Jobs from the experience section: title, company, location, dates, months and bullets.

Each job is anchored on the line that holds its dates. Its header is that line plus the
short, title-cased lines right before it, and right after it while the header still lacks
a title or an employer (or always, in sections that lead with bare date lines). The lines
up to the next job are its bullets. Sections without any dates are split at empty lines.
"""

import re
from dataclasses import dataclass
from datetime import date

from resumes.parsing.dates import DateRange, find_range, format_month
from resumes.parsing.places import glued_place, is_location, trailing_location
from resumes.parsing.vocabulary import company_score, title_score

MAX_HEADER_WORDS = 14
MAX_LINES_BEFORE_DATES = 3
MAX_LINES_AFTER_DATES = 2
_ABBREVIATION_END = re.compile(r"\b(?:inc|ltd|co|corp|llc|plc|jr|sr|st|s\.a|n\.v)\.$", re.I)
_FIELD_SEPARATORS = re.compile(r"\s*(?:\||·|•|\t|\s[-\u2013—]\s)\s*")
_ENDS_WITH_SEPARATOR = re.compile(r"(?:[,|(\[]|\s[-\u2013\u2014])\s*$")
_AT = re.compile(r"\s+(?:at|@)\s+", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_][\w'\u2019-]*")
_SMALL_WORDS = {
    "a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with", "de", "la", "van",
    "von", "der", "y", "e", "&", "via", "per", "from", "by",
}  # fmt: skip
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_BRACKETED = re.compile(r"\(([^()]*)\)")
_MONTH_OR_YEAR = r"(?:[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d\d|[01]?\d/(?:19|20)\d\d"
_OPEN_WORD = r"(?:present|current|now|today|ongoing)"
_DANGLING_DASH = re.compile(rf"(?:{_MONTH_OR_YEAR})\s*(?:-|\u2013|\u2014|to)\s*$", re.I)
_LONE_DATE = re.compile(rf"\s*(?:{_MONTH_OR_YEAR})\s*", re.I)
_RANGE_END_LINE = re.compile(
    rf"\s*(?:(?:-|\u2013|\u2014|to)\s*)?(?:{_OPEN_WORD}|{_MONTH_OR_YEAR})\s*", re.I
)
_OPEN_FIELD = re.compile(rf"(?:[-\u2013\u2014]\s*)?{_OPEN_WORD}", re.I)
_SUFFIX_PART = re.compile(
    r"(?:inc|llc|llp|ltd|l\.?p|gmbh|ag|s\.?a|plc|corp|co|bv|oy|ab|pty|kg|pllc|p\.?c|n\.?a)\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Line:
    text: str
    bullet: bool
    dates: DateRange | None

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def header_like(self) -> bool:
        """Short, not a bullet, not a sentence: a title, company or location line."""
        if self.blank or self.bullet or self.dates is not None:
            return False
        if len(self.text.split()) > MAX_HEADER_WORDS or not _title_cased(self.text):
            return False
        return not self.text.endswith(".") or bool(_ABBREVIATION_END.search(self.text))


def _title_cased(text: str) -> bool:
    """Titles and names capitalise most words; a sentence ("Mentored four engineers") does not.

    This tells a job's header from the last bullet of the job before when the bullets carry
    no marker.
    """
    words = [word for word in _WORDS.findall(text) if word.lower() not in _SMALL_WORDS]
    return not words or 2 * sum(word[0].isupper() for word in words) >= len(words)


def _classify(lines: list[str]) -> list[Line]:
    items = []
    for text in _joined_date_lines(lines):
        bullet = text.startswith("- ")
        body = text[2:].strip() if bullet else text
        dates = None if bullet else find_range(body) or _single_date(body)
        items.append(Line(body, bullet, dates))
    return items


def _joined_date_lines(lines: list[str]) -> list[str]:
    """A date column wraps a range over two lines ("2021 -" above "Present", or "Jan 2019"
    above "- Mar 2021"); joined, the two read as one range instead of a date and a header."""
    joined: list[str] = []
    for text in lines:
        previous = joined[-1] if joined else ""
        if previous and _range_continues(previous, text):
            joined[-1] = f"{previous} {text}"
        else:
            joined.append(text)
    return joined


def _range_continues(previous: str, text: str) -> bool:
    if not _RANGE_END_LINE.fullmatch(text):
        return False
    if _DANGLING_DASH.search(previous):
        return True
    return _LONE_DATE.fullmatch(previous) is not None and text[:1] in "-\u2013\u2014t"


def _single_date(text: str) -> DateRange | None:
    """One date ("Summer 2013") on a line of its own or closing a header line ("Acme, 2019").

    Elsewhere a lone year is usually something else ("Office 2019", "Windows 2000").
    """
    dates = find_range(text, single=True)
    if dates is None:
        return None
    before, after = text[: dates.span[0]], text[dates.span[1] :]
    if after.strip(" )]") or (before.strip() and not _ENDS_WITH_SEPARATOR.search(before)):
        return None
    return dates


def parse_jobs(lines: list[str], as_of: date) -> list[tuple[dict, DateRange | None]]:
    """The profile's "experience" in the order written, each job with the date range it was
    read from (None for a job without dates), from which total experience is computed."""
    items = _classify(lines)
    anchors = [index for index, item in enumerate(items) if item.dates is not None]
    if not anchors:
        return [(job, None) for block in _blocks(items) if (job := _undated_job(block))]
    starts = _starts(items, anchors)
    jobs = []
    for number, (anchor, start) in enumerate(zip(anchors, starts, strict=True)):
        stop = starts[number + 1] if number + 1 < len(starts) else len(items)
        header_end = _header_end(items, start, anchor, stop)
        job = _job(items[start:header_end], items[anchor], items[header_end:stop], as_of)
        jobs.append((job, items[anchor].dates))
    return jobs


def _starts(items: list[Line], anchors: list[int]) -> list[int]:
    """Where each job begins: at its date line when the section leads with a bare date line
    (each job's header then follows its dates), else up to a few header lines before it."""
    first_text = next(index for index, item in enumerate(items) if not item.blank)
    first = items[anchors[0]]
    if first_text == anchors[0] and not _fields([first], first):
        return anchors
    starts = []
    for number, anchor in enumerate(anchors):
        floor = anchors[number - 1] + 1 if number else 0
        start = anchor
        while (
            start - 1 >= floor
            and anchor - (start - 1) <= MAX_LINES_BEFORE_DATES
            and items[start - 1].header_like
            and not (anchor - start >= 2 and _wrapped_word(items, start - 1))
        ):
            start -= 1
        starts.append(start)
    return starts


def _wrapped_word(items: list[Line], index: int) -> bool:
    """A lone word right below an unfinished bullet is the bullet's wrapped end ("Google" /
    "Analytics"), not a third header line."""
    above, line = items[index - 1] if index else None, items[index]
    unfinished = above is not None and above.bullet and not above.text.endswith((".", "!", "?"))
    return unfinished and len(line.text.split()) == 1


def _header_end(items: list[Line], start: int, anchor: int, stop: int) -> int:
    """After the date line, short lines still belong to the header while it lacks a part."""
    end = anchor + 1
    if _is_complete(items[start:end], items[anchor]):
        return end
    while end < stop and end - anchor <= MAX_LINES_AFTER_DATES and items[end].header_like:
        end += 1
    return end


def _is_complete(header: list[Line], anchor: Line) -> bool:
    _, fields = _take_location(_fields(header, anchor))
    title, company = _title_and_company(fields)
    return bool(title) and company is not None


def _fields(header: list[Line], anchor: Line) -> list[str]:
    """The header's parts, with the dates cut out of the date line."""
    fields = []
    for item in header:
        text = item.text
        if item is anchor:
            first, last = anchor.dates.span
            text = f"{text[:first]} | {text[last:]}"
        fields += header_fields(text)
    return fields


def _job(header: list[Line], anchor: Line, body: list[Line], as_of: date) -> dict:
    location, fields = _take_location(_fields(header, anchor))
    title, company = _title_and_company(fields)
    if (
        company is None
        and location
        and location.count(",") == 1
        and (glued := glued_place(location))
    ):
        company, location = glued
    elif company is None and location and location.count(",") == 2:
        # No employer, but a three-part place ("Northbank, London, UK"): a job header names
        # its employer far more often than a region, so the first part is the employer.
        company, location = (part.strip() for part in location.split(",", 1))
    return _job_dict(title, company, location, anchor.dates, _bullets(body), as_of)


def _job_dict(
    title: str | None,
    company: str | None,
    location: str | None,
    dates: DateRange | None,
    items: list[str],
    as_of: date | None,
) -> dict:
    return {
        "title": title or "",
        "company": company,
        "location": location,
        "start": format_month(dates.start) if dates else None,
        "end": format_month(dates.end) if dates else None,
        "current": bool(dates and dates.current),
        "months": dates.months(as_of) if dates else None,
        "bullets": items,
    }


def header_fields(text: str) -> list[str]:
    """A header line's parts, split at "|", "·", "•", tabs and spaced dashes, trimmed.

    A bracketed place is a field of its own ("Pied Piper (Palo Alto, CA)"), and a lone
    "Present" left over from a date column is no field at all.
    """
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = _BRACKETED.sub(_bracket_field, text)
    parts = (part.strip(" ,;:()[]") for part in _FIELD_SEPARATORS.split(text))
    return [part for part in parts if part and not _OPEN_FIELD.fullmatch(part)]


def _bracket_field(match: re.Match) -> str:
    inside = match.group(1).strip()
    return f" | {inside} | " if is_location(inside) else match.group(0)


def _take_location(fields: list[str]) -> tuple[str | None, list[str]]:
    """The first field that is a place (or ends in one), and the fields without it."""
    for index, field in enumerate(fields):
        if is_location(field):
            return field, fields[:index] + fields[index + 1 :]
        rest, place = trailing_location(field)
        if not place:
            rest, place = _inner_location(field)
        if not place and (glued := glued_place(field)) and is_location(glued[1]):
            rest, place = glued
        if place and rest:
            return place, [*fields[:index], rest, *fields[index + 1 :]]
    return None, fields


def _inner_location(field: str) -> tuple[str, str | None]:
    """ "Acme, Austin, TX, Engineer" → ("Acme, Engineer", "Austin, TX"): a place between
    the other parts of a comma-separated header."""
    parts = comma_parts(field)
    for size in (3, 2):
        for start in range(1, len(parts) - size):
            place = ", ".join(parts[start : start + size])
            if is_location(place):
                return ", ".join(parts[:start] + parts[start + size :]), place
    return field, None


def _title_and_company(fields: list[str]) -> tuple[str | None, str | None]:
    """ "Title at Company", "Title, Company", or separate fields ordered by their words."""
    if not fields:
        return None, None
    if len(fields) == 1:
        return _split_single(fields[0])
    ranked = sorted(fields, key=lambda field: company_score(field) - title_score(field))
    title = ranked[0] if title_score(ranked[0]) > company_score(ranked[0]) else fields[0]
    others = [field for field in fields if field is not title]
    company = max(others, key=lambda field: company_score(field) - title_score(field))
    if company_score(company) - title_score(company) <= 0:
        company = others[0]
    return title, company


def _split_single(text: str) -> tuple[str, str | None]:
    parts = _AT.split(text, maxsplit=1)
    if len(parts) == 2:
        return parts[0].strip(), parts[1].strip()
    parts = comma_parts(text)
    if len(parts) >= 2:
        return _title_and_company_parts(parts)
    if company_score(text) > title_score(text):
        return "", text
    return text, None


def comma_parts(text: str) -> list[str]:
    """ "Initech, Inc., Senior Engineer" → ["Initech, Inc.", "Senior Engineer"]: commas split,
    except before a legal suffix (Inc., LLC, Ltd.), which stays with its name."""
    parts: list[str] = []
    for part in (part.strip() for part in text.split(",")):
        if parts and _SUFFIX_PART.fullmatch(part):
            parts[-1] = f"{parts[-1]}, {part}"
        elif part:
            parts.append(part)
    return parts


def _title_and_company_parts(parts: list[str]) -> tuple[str, str | None]:
    """The company is the part that reads most like an employer; the title is the rest.

    Two parts without a telling word keep the usual "Title, Company" order.
    """
    scores = [company_score(part) - title_score(part) for part in parts]
    best = max(range(len(parts)), key=lambda index: (scores[index], -index))
    if scores[best] <= 0 or (len(parts) == 2 and scores[0] == scores[1]):
        best = 1 if title_score(parts[0]) >= title_score(parts[1]) else 0
    title = ", ".join(part for index, part in enumerate(parts) if index != best)
    return title, parts[best]


def _bullets(items: list[Line]) -> list[str]:
    """Bullet lines; a line without a marker continues the previous item when it wraps."""
    result: list[str] = []
    previous: Line | None = None
    for item in items:
        if item.blank:
            previous = None
        elif item.bullet or previous is None or not _continues(previous, result[-1], item.text):
            result.append(item.text)
            previous = item
        else:
            result[-1] = f"{result[-1]} {item.text}"
    return result


def _continues(previous: Line, so_far: str, text: str) -> bool:
    """A lower-case start always continues; after a bullet, so does an unfinished sentence.

    Unmarked lines after unmarked lines are separate items unless lower-case: without
    markers there is no other sign of a wrap.
    """
    if text[0].islower():
        return True
    return previous.bullet and not so_far.endswith((".", "!", "?", ":"))


def _blocks(items: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = [[]]
    for item in items:
        if item.blank:
            blocks.append([])
        else:
            blocks[-1].append(item)
    return [block for block in blocks if block]


def _undated_job(block: list[Line]) -> dict | None:
    """A job written without dates: its header lines, then its bullets."""
    header = []
    for item in block:
        if not item.header_like or len(header) == MAX_LINES_AFTER_DATES:
            break
        header.append(item)
    if not header:
        return None
    fields = [field for item in header for field in header_fields(item.text)]
    location, fields = _take_location(fields)
    title, company = _title_and_company(fields)
    if not title and not company:
        return None
    return _job_dict(title, company, location, None, _bullets(block[len(header) :]), None)
