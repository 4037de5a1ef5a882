"""Date ranges as resumes write them, and the months they cover.

Accepted: "Jan 2019 - Present", "January 2019 - Mar 2021", "2019-03 - 2021-05",
"03/2019 - 05/2021", "2018 - 2020", "Jan - Mar 2021", "Since 2020", "2020 - Current",
"Summer 2019", with -, en/em dashes, "to", "until" or arrows between the ends.

Months are counted inclusively ("Jan 2019 - Mar 2021" is 27 months). A year written without
a month stands for January, and a year-only end is exclusive, so "2018 - 2020" is 24 months
rather than a guessed 36. Ongoing ranges end at the `as_of` month, and nothing counts past
it.
"""

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12, "spr": 3, "sum": 6, "fal": 9, "aut": 9, "win": 1,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|"
    r"winter)\.?"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_NUMERIC_MONTH = r"(?:0?[1-9]|1[0-2])"
_DATE = (
    rf"(?:{_MONTH}\s*,?\s*(?:{_YEAR}|'\d\d)|{_YEAR}[-/.]{_NUMERIC_MONTH}(?!\d)|"
    rf"{_NUMERIC_MONTH}[-/.]{_YEAR}|{_YEAR})"
)
_OPEN = r"(?:present|current(?:ly)?|now|today|ongoing|to date|till date)"
_DASH = r"\s*(?:-{1,2}|\u2013|—|\bto\b|\buntil\b|\btill\b|\bthrough\b|→|->|~)\s*"
_EDGE = r"(?<![\w/.])"
_END_EDGE = r"(?![\w/])"

_RANGE = re.compile(
    rf"{_EDGE}(?P<start>{_DATE}|{_MONTH}){_DASH}(?P<end>{_DATE}|{_OPEN}){_END_EDGE}", re.I
)
_SINCE = re.compile(rf"\b(?:since|from|starting)\s+(?P<start>{_DATE}){_END_EDGE}", re.I)
_OPEN_END = re.compile(rf"{_EDGE}(?P<start>{_DATE})\s*(?:-|\u2013|—)\s*$", re.I)
_SINGLE = re.compile(rf"{_EDGE}(?P<start>{_DATE}){_END_EDGE}", re.I)
_WHOLE_MONTH_YEAR = re.compile(rf"(?P<month>{_MONTH})\s*,?\s*(?P<year>{_YEAR}|'\d\d)", re.I)
_WHOLE_YEAR_MONTH = re.compile(rf"(?P<year>{_YEAR})[-/.](?P<month>{_NUMERIC_MONTH})")
_WHOLE_MONTH_SLASH_YEAR = re.compile(rf"(?P<month>{_NUMERIC_MONTH})[-/.](?P<year>{_YEAR})")
_YEAR_ONLY = re.compile(_YEAR)

YearMonth = tuple[int, int | None]  # month None when only the year is written


@dataclass(frozen=True)
class DateRange:
    start: YearMonth
    end: YearMonth | None  # None while current, or when only one date is written
    current: bool
    span: tuple[int, int]  # where the dates are in the line

    def interval(self, as_of: date) -> tuple[int, int] | None:
        """Half-open [first month, month after the last) as month numbers, or None if empty."""
        now = _index(as_of.year, as_of.month) + 1
        first = _index(self.start[0], self.start[1] or 1)
        if self.current:
            last = now
        elif self.end is None:
            last = first + 1 if self.start[1] else _index(self.start[0], 12) + 1
        elif self.end[1] is None:
            last = _index(self.end[0], 1)
        else:
            last = _index(*self.end) + 1
        last = min(last, now)
        return (first, last) if last > first else None

    def months(self, as_of: date) -> int | None:
        interval = self.interval(as_of)
        return interval[1] - interval[0] if interval else None


def _index(year: int, month: int) -> int:
    return year * 12 + month - 1


def find_range(text: str, *, single: bool = False) -> DateRange | None:
    """The first date range in a line; with `single`, a lone date ("Jun 2019") counts too."""
    if match := _RANGE.search(text):
        return _from_range(match)
    if match := _SINCE.search(text) or _OPEN_END.search(text):
        start = parse_date(match.group("start"))
        return DateRange(start, None, True, match.span()) if start else None
    if single and (match := _SINGLE.search(text)):
        start = parse_date(match.group("start"))
        return DateRange(start, None, False, match.span()) if start else None
    return None


def _from_range(match: re.Match) -> DateRange | None:
    raw_start, raw_end = match.group("start"), match.group("end")
    current = re.fullmatch(_OPEN, raw_end.strip(), re.I) is not None
    end = None if current else parse_date(raw_end)
    start = parse_date(raw_start)
    if start is None and end is not None and raw_start.strip(" .").isalpha():
        start = parse_date(f"{raw_start} {end[0]}")  # "Jan - Mar 2021"
    if start is None or (end is None and not current):
        return None
    return DateRange(start, end, current, match.span())


def parse_date(text: str) -> YearMonth | None:
    """(year, month or None) from one written date, or None if it is not one."""
    text = text.strip().strip(".,()")
    if match := _WHOLE_MONTH_YEAR.fullmatch(text):
        return _year(match.group("year")), MONTHS[match.group("month")[:3].lower()]
    for pattern in (_WHOLE_YEAR_MONTH, _WHOLE_MONTH_SLASH_YEAR):
        if match := pattern.fullmatch(text):
            return int(match.group("year")), int(match.group("month"))
    if _YEAR_ONLY.fullmatch(text):
        return int(text), None
    return None


def _year(text: str) -> int:
    if text.startswith("'"):
        return 2000 + int(text[1:])  # "Jan '19": resumes do not reach back to 1919
    return int(text)


def format_month(value: YearMonth | None) -> str | None:
    """ "YYYY-MM"; a year-only date shows as January, like it counts."""
    if value is None:
        return None
    return f"{value[0]:04d}-{value[1] or 1:02d}"


def merged_months(intervals: list[tuple[int, int]]) -> int:
    """Months covered by the intervals, each month once however many jobs overlap it."""
    total, reach = 0, None
    for first, last in sorted(intervals):
        if reach is None or first >= reach:
            total += last - first
            reach = last
        elif last > reach:
            total += last - reach
            reach = last
    return total
