"""Formatting: can ATS software read the file and reach the candidate?"""

import re

from resumes.analysis.deductions import Deduction
from resumes.analysis.evidence import ResumeEvidence

CATEGORY = "formatting"
MAX_LINE_CHARS = 200
MIN_WORDS = 200
MAX_WORDS = 1200
ODD_CHAR_SHARE = 0.01
ALLOWED_SYMBOLS = frozenset(
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{}~"
    # Bullets, dashes, typographic quotes, ellipsis, currency and a few common signs.
    "\u2022\u25cf\u25aa\u25e6\u25a0\u25a1\u27a2\u27a4\u25ba\u2713\u2714\u00b7"
    "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac\u00a3\u00a5\u00b0\u00a9\u00ae"
    "\u2122\u00b1\u00d7\u2192"
)
COLUMN_SEPARATORS_RE = re.compile(r"\|.*\||\t.*\t")
BOX_DRAWING_RE = re.compile(r"[\u2500-\u257f]")
DATE_STYLES = {
    "Jan 2020": re.compile(
        r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+(?:19|20)\d{2}\b"
    ),
    "January 2020": re.compile(
        r"\b(?:January|February|March|April|June|July|August|September|October|November"
        r"|December)\s+(?:19|20)\d{2}\b"
    ),
    "01/2020": re.compile(r"\b(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}\b"),
    "01.2020": re.compile(r"\b(?:0[1-9]|1[0-2])\.(?:19|20)\d{2}\b"),
    "2020-01": re.compile(r"\b(?:19|20)\d{2}[-/](?:0[1-9]|1[0-2])\b"),
}


def deductions(evidence: ResumeEvidence) -> list[Deduction]:
    found = [
        *_contact(evidence),
        _long_lines(evidence),
        _length(evidence),
        _tables(evidence),
        _odd_characters(evidence),
        _date_formats(evidence),
    ]
    return [deduction for deduction in found if deduction is not None]


def _contact(evidence: ResumeEvidence) -> list[Deduction]:
    found = []
    if not evidence.contact["email"]:
        found.append(
            Deduction(
                CATEGORY,
                "missing_email",
                15,
                "No email address was found.",
                "Add an email address at the top of the resume.",
            )
        )
    if not evidence.contact["phone"]:
        found.append(
            Deduction(
                CATEGORY,
                "missing_phone",
                10,
                "No phone number was found.",
                "Add a phone number next to your email address.",
            )
        )
    return found


def _long_lines(evidence: ResumeEvidence) -> Deduction | None:
    count = sum(1 for line in evidence.lines if len(line.strip()) > MAX_LINE_CHARS)
    if not count:
        return None
    return Deduction(
        CATEGORY,
        "long_lines",
        min(15, 3 * count),
        f"{_lines(count)} longer than {MAX_LINE_CHARS} characters.",
        f"Break {_lines(count, verb=False)} of over {MAX_LINE_CHARS} characters into shorter "
        "bullets.",
    )


def _length(evidence: ResumeEvidence) -> Deduction | None:
    count = evidence.word_count
    if count < MIN_WORDS:
        return Deduction(
            CATEGORY,
            "too_short",
            15,
            f"The resume has {count} words; ATS software and recruiters expect at least "
            f"{MIN_WORDS}.",
            "Describe your experience, projects and skills in more detail (aim for 400 to "
            "800 words).",
        )
    if count > MAX_WORDS:
        return Deduction(
            CATEGORY,
            "too_long",
            10,
            f"The resume has {count} words, more than the {MAX_WORDS} a recruiter reads.",
            "Cut older or less relevant roles to bring the resume under 1,200 words.",
        )
    return None


def _tables(evidence: ResumeEvidence) -> Deduction | None:
    count = _table_rows(evidence.lines)
    if count < 2:
        return None
    return Deduction(
        CATEGORY,
        "tables",
        10,
        f"{_lines(count)} laid out as a table or with column separators.",
        "Replace tables and column separators with plain lines; many ATS read tables out of order.",
    )


def _table_rows(lines: tuple[str, ...]) -> int:
    """Lines drawn with box characters, or in a run of two or more lines split into columns.

    A single "email | phone | city" line is a common, harmless header, not a table.
    """
    count = run = 0
    for line in (*lines, ""):
        if COLUMN_SEPARATORS_RE.search(line):
            run += 1
            continue
        count += run if run >= 2 else 0
        run = 0
        count += bool(BOX_DRAWING_RE.search(line))
    return count


def _odd_characters(evidence: ResumeEvidence) -> Deduction | None:
    visible = [char for char in evidence.text if not char.isspace()]
    odd = [char for char in visible if not char.isalnum() and char not in ALLOWED_SYMBOLS]
    if not visible or len(odd) / len(visible) <= ODD_CHAR_SHARE:
        return None
    share = round(100 * len(odd) / len(visible), 1)
    return Deduction(
        CATEGORY,
        "odd_characters",
        10,
        f"{len(odd)} unusual characters ({share}% of the text), such as icons or symbols an "
        "ATS cannot read.",
        "Replace icons and decorative symbols with plain words and standard bullets.",
    )


def _date_formats(evidence: ResumeEvidence) -> Deduction | None:
    styles = [style for style, pattern in DATE_STYLES.items() if pattern.search(evidence.text)]
    if len(styles) < 2:
        return None
    return Deduction(
        CATEGORY,
        "inconsistent_dates",
        10,
        f"Dates are written in {len(styles)} formats: {', '.join(styles)}.",
        f"Write every date in one format, e.g. {styles[0]}.",
    )


def _lines(count: int, *, verb: bool = True) -> str:
    noun = "line" if count == 1 else "lines"
    if not verb:
        return f"{count} {noun}"
    return f"{count} {noun} {'is' if count == 1 else 'are'}"
