"""Dates on a resume line: written one way throughout, ranges in order, nothing in the future.

The dominant format (month name, MM/YYYY or YYYY-MM) is the one most lines use; bare years
are fine next to any of them, as education often has only years.
"""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from resumes.enhancement.lines import Line

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_WORD = (
    r"(?P<name>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+(?P<name_year>\d{4})"
)
_TOKEN_RE = re.compile(
    rf"\b(?:{_MONTH_WORD}"
    r"|(?P<slash_month>0?[1-9]|1[0-2])[/.](?P<slash_year>(?:19|20)\d{2})"
    r"|(?P<iso_year>(?:19|20)\d{2})-(?P<iso_month>0[1-9]|1[0-2])(?!\d)"
    r"|(?P<year>(?:19|20)\d{2}))\b"
    r"|(?P<present>\b(?:present|current|now|today|ongoing)\b)",
    re.IGNORECASE,
)
_RANGE_JOIN_RE = re.compile(r"^\s*(?:-|\u2013|\u2014|to|until|till)\s*$", re.IGNORECASE)
STYLE_LABELS = {"name": "Mar 2020", "slash": "03/2020", "iso": "2020-03"}


@dataclass(frozen=True)
class DateToken:
    start: int
    end: int
    style: str  # "name" | "slash" | "iso" | "year" | "present"
    year: int | None
    month: int | None

    def first_month(self) -> tuple[int, int]:
        return (self.year or 0, self.month or 1)

    def last_month(self) -> tuple[int, int]:
        return (self.year or 0, self.month or 12)

    def written(self, style: str) -> str:
        """This date in another format; bare years and "Present" stay as they are."""
        if self.month is None:
            return "Present" if self.style == "present" else str(self.year)
        if style == "slash":
            return f"{self.month:02d}/{self.year}"
        if style == "iso":
            return f"{self.year}-{self.month:02d}"
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"


def _token(match: re.Match) -> DateToken:
    span = (match.start(), match.end())
    if match.group("name"):
        month = MONTH_NAMES.index(match.group("name")[:3].title()) + 1
        return DateToken(*span, "name", int(match.group("name_year")), month)
    if match.group("slash_month"):
        year, month = int(match.group("slash_year")), int(match.group("slash_month"))
        return DateToken(*span, "slash", year, month)
    if match.group("iso_year"):
        return DateToken(*span, "iso", int(match.group("iso_year")), int(match.group("iso_month")))
    if match.group("year"):
        return DateToken(*span, "year", int(match.group("year")), None)
    return DateToken(*span, "present", None, None)


def tokens(text: str) -> list[DateToken]:
    return [_token(match) for match in _TOKEN_RE.finditer(text)]


def date_range(text: str, found: list[DateToken]) -> tuple[DateToken, DateToken] | None:
    """The first start/end pair on the line: two dates joined by a dash or "to"."""
    for first, second in pairwise(found):
        if first.style != "present" and _RANGE_JOIN_RE.match(text[first.end : second.start]):
            return first, second
    return None


def dominant_style(lines: list[Line]) -> str | None:
    counts = Counter(
        token.style for line in lines for token in tokens(line.text) if token.style in STYLE_LABELS
    )
    return counts.most_common(1)[0][0] if counts else None


@dataclass(frozen=True)
class DateProblem:
    reasons: list[str]
    proposed: str
    severity: str


def check_line(line: Line, style: str | None, today: date) -> DateProblem | None:
    """Everything wrong with the dates on one line, and the line with them put right."""
    found = tokens(line.text)
    if not found:
        return None
    replacements = {token: token.written(style or token.style) for token in found}
    reasons, severity = _format_reasons(found, style), "low"
    pair = date_range(line.text, found)
    if pair and pair[1].style != "present" and pair[1].last_month() < pair[0].first_month():
        start, end = pair
        reasons.append(
            f"The end date ({line.text[end.start : end.end]}) is before the start date "
            f"({line.text[start.start : start.end]}); if they are the wrong way round, swap them."
        )
        replacements[start], replacements[end] = replacements[end], replacements[start]
        severity = "high"
    future = _future_reasons(line, found, pair, today, replacements)
    if future:
        reasons += future
        severity = "high" if severity == "high" else "medium"
    if not reasons:
        return None
    return DateProblem(reasons, _rewritten(line.text, replacements), severity)


def _format_reasons(found: list[DateToken], style: str | None) -> list[str]:
    odd = [token for token in found if token.style in STYLE_LABELS and token.style != style]
    if not style or not odd:
        return []
    return [
        f"Writes dates as {STYLE_LABELS[odd[0].style]} while most of the resume uses "
        f"{STYLE_LABELS[style]}; one format reads more cleanly and parses reliably."
    ]


def _future_reasons(line, found, pair, today, replacements) -> list[str]:
    now = (today.year, today.month)
    reasons = []
    for token in found:
        in_range = bool(pair) and token in pair
        if token.style == "present" or token.first_month() <= now:
            continue
        if token.style == "year" and not in_range:
            continue  # a lone four-digit number may be a count ("2030 users"), not a date
        is_end = in_range and token is pair[1]
        if is_end and line.section == "education":
            continue  # an expected graduation date is normal
        written = line.text[token.start : token.end]
        if is_end:
            replacements[token] = "Present"
            reasons.append(f'{written} is in the future; write "Present" for a role you hold.')
        else:
            replacements[token] = f"[{written}: check this date]"
            reasons.append(f"{written} is in the future; check the year.")
    return reasons


def _rewritten(text: str, replacements: dict[DateToken, str]) -> str:
    out, cursor = [], 0
    for token in sorted(replacements, key=lambda item: item.start):
        out += [text[cursor : token.start], replacements[token]]
        cursor = token.end
    return "".join([*out, text[cursor:]])
