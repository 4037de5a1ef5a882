"""Uploaded feeds: a JSON list of postings or a CSV table, read into raw row dicts.

Column names are normalised ("Job Title" -> job_title) and common aliases mapped to ours
(job_title -> title, employer -> company ...); values stay as the file has them, for
`jobs.imports.rows` to clean and validate. Whole-file problems raise a 4xx error here;
problems with one row are that row's errors later.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from pathlib import PurePath

from django.conf import settings

from jobs.errors import FeedTooLarge, FeedTooManyRows, UnreadableFeed, UnsupportedFeed
from jobs.imports.jsearch import jsearch_row

JSON_EXTENSIONS = {".json"}
CSV_EXTENSIONS = {".csv", ".txt", ".tsv"}
SNIFF_BYTES = 8192
CSV_DELIMITERS = ",;\t"
JSON_LIST_KEYS = ("jobs", "data", "results", "items")

# Our field names, and what other feeds call them.
ALIASES = {
    "title": ("title", "job_title", "position", "role"),
    "company": ("company", "company_name", "employer", "employer_name", "organisation",
                "organization"),
    "location": ("location", "job_location", "city", "place"),
    "description": ("description", "job_description", "body", "details", "summary"),
    "job_type": ("job_type", "type", "employment_type", "job_employment_type", "contract_type"),
    "work_mode": ("work_mode", "workplace", "workplace_type", "work_arrangement"),
    "remote": ("remote", "is_remote", "job_is_remote"),
    "experience_level": ("experience_level", "level", "seniority"),
    "department": ("department", "team", "function"),
    "required_skills": ("required_skills", "skills", "job_required_skills"),
    "preferred_skills": ("preferred_skills", "nice_to_have", "bonus_skills"),
    "salary_min": ("salary_min", "min_salary", "job_min_salary", "salary_from"),
    "salary_max": ("salary_max", "max_salary", "job_max_salary", "salary_to"),
    "salary_currency": ("salary_currency", "currency", "job_salary_currency"),
    "salary_period": ("salary_period", "pay_period", "job_salary_period"),
    "salary_text": ("salary_text", "salary", "compensation", "pay"),
    "source_job_id": ("source_job_id", "id", "job_id", "external_id", "reference", "ref"),
    "apply_url": ("apply_url", "url", "link", "apply_link", "job_apply_link", "application_url"),
    "posted_at": ("posted_at", "date_posted", "posted", "published_at", "created_at",
                  "job_posted_at_datetime_utc"),
    "end_date": ("end_date", "closing_date", "expires_at", "deadline", "valid_through",
                 "job_offer_expiration_datetime_utc"),
}  # fmt: skip
FIELD_BY_ALIAS = {alias: field for field, aliases in ALIASES.items() for alias in aliases}

# Binary content a feed is sometimes confused with, by its first bytes.
_BINARY_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive (an Excel workbook?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office 97-2003 document (an Excel workbook?)"),
    (b"%PDF-", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a Linux program"),
)
_HEADER_CLEAN = re.compile(r"[^a-z0-9]+")
_NOT_UTF8 = 'Save the feed as UTF-8 (in Excel: "CSV UTF-8"); this file is not UTF-8 text'


def feed_rows(*, name: str, data: bytes) -> list[dict]:
    """The postings of an uploaded JSON or CSV feed, each a dict keyed by our field names."""
    feed_check_size(len(data))
    kind = _kind(name, data)
    text = _decode(data)
    raw_rows = _json_rows(text) if kind == "json" else _csv_rows(text)
    if len(raw_rows) > settings.JOB_IMPORT_MAX_ROWS:
        raise FeedTooManyRows(
            f"The feed has {len(raw_rows):,} postings; one import takes at most "
            f"{settings.JOB_IMPORT_MAX_ROWS:,}. Split it into smaller files."
        )
    return [_our_row(row) if isinstance(row, dict) else row for row in raw_rows]


def feed_check_size(size: int) -> None:
    """413 for a feed over the limit; callers with a file object check before reading it."""
    limit = settings.JOB_IMPORT_MAX_UPLOAD_BYTES
    if size > limit:
        raise FeedTooLarge(
            f"The feed is {_megabytes(size)} MB; the limit is {_megabytes(limit)} MB. "
            "Split it into smaller files."
        )


def _our_row(raw: dict) -> dict:
    """A saved JSearch answer maps field by field like the live client; others by alias."""
    if "job_title" in raw and "employer_name" in raw:
        return jsearch_row(raw)
    return row_with_our_names(raw)


def row_with_our_names(raw: dict) -> dict:
    """Keys mapped to our field names (the first of several aliases wins); others dropped."""
    row: dict = {}
    for key, value in raw.items():
        field = FIELD_BY_ALIAS.get(_column(key))
        if field and field not in row and not _blank(value):
            row[field] = value
    return row


def _column(name) -> str:
    """ "Job Title " -> "job_title"."""
    return _HEADER_CLEAN.sub("_", str(name).strip().lower()).strip("_")


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def _kind(name: str, data: bytes) -> str:
    """ "json" or "csv", from the name, and never for content that is binary (415)."""
    head = data[:SNIFF_BYTES]
    for magic, description in _BINARY_SIGNATURES:
        if head.startswith(magic):
            raise UnsupportedFeed(
                f"The file's content is {description}, not a JSON or CSV feed. "
                "Export the postings as CSV (UTF-8) or JSON."
            )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnreadableFeed(_NOT_UTF8 + " (it is UTF-16).")
    if b"\x00" in head:
        raise UnsupportedFeed(
            "The file contains binary data, not a JSON or CSV feed. "
            "Export the postings as CSV (UTF-8) or JSON."
        )
    extension = PurePath(name or "").suffix.lower()
    if extension in JSON_EXTENSIONS:
        return "json"
    if extension in CSV_EXTENSIONS:
        return "csv"
    if extension:
        raise UnsupportedFeed(
            f"Files ending in {extension} are not accepted. Upload a .json or .csv feed."
        )
    return "json" if head.lstrip(codecs.BOM_UTF8 + b" \t\r\n")[:1] in (b"[", b"{") else "csv"


def _decode(data: bytes) -> str:
    if not data.strip():
        raise UnreadableFeed("The feed is empty.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFeed(f"{_NOT_UTF8} (byte {error.start + 1} cannot be read).") from error


def _json_rows(text: str) -> list:
    try:
        body = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFeed(
            f"The feed is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from error
    if isinstance(body, dict):
        key = next((key for key in JSON_LIST_KEYS if isinstance(body.get(key), list)), None)
        if key is None:
            raise UnreadableFeed(
                'A JSON feed is a list of postings, or an object with a "jobs" or "data" list.'
            )
        body = body[key]
    if not isinstance(body, list):
        raise UnreadableFeed(
            'A JSON feed is a list of postings, or an object with a "jobs" or "data" list.'
        )
    return body


def _csv_rows(text: str) -> list[dict]:
    header_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = max(CSV_DELIMITERS, key=header_line.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = reader.fieldnames or []
        if not any(_column(name) in FIELD_BY_ALIAS for name in header):
            raise UnreadableFeed(
                "The CSV's first row must name its columns (title, company, location, "
                "description, ...)."
            )
        rows = [{key: value for key, value in row.items() if key is not None} for row in reader]
    except csv.Error as error:
        raise UnreadableFeed(
            f"The CSV cannot be read: {error} (line {reader.line_num})."
        ) from error
    # Spreadsheets often export empty rows after the last one; rows inside keep their number.
    while rows and all(_blank(value) for value in rows[-1].values()):
        rows.pop()
    return rows
