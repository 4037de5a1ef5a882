"""One import row: its values cleaned, then validated by the same serializer as the API.

Feeds write salaries, skills, job types and dates in many ways; `row_clean` brings the
common ones to our form so validation judges the posting, not its spelling. A row without
an id of its own gets a stable one from what identifies the posting, so importing the same
feed again finds the same jobs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from rest_framework import serializers

from jobs.api.serializers import JobWriteSerializer
from jobs.models import Job

SOURCE_ID_LENGTH = 32
SALARY_TEXT_LENGTH = 100
SKILL_SEPARATORS = re.compile(r"[,;|\n]+")
TRUE_WORDS = {"yes", "y", "true", "1", "remote", "x"}
FALSE_WORDS = {"no", "n", "false", "0", "", "onsite", "on-site"}
DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CURRENCY_SYMBOLS = {"£": "GBP", "€": "EUR", "$": "USD", "¥": "JPY", "₹": "INR"}

PERIOD_ALIASES = {
    "year": "year", "yearly": "year", "annual": "year", "annually": "year", "per_year": "year",
    "month": "month", "monthly": "month", "per_month": "month",
    "hour": "hour", "hourly": "hour", "per_hour": "hour",
}  # fmt: skip

# What a row may set; status is not among them: imported postings open (or keep theirs).
IMPORT_FIELDS = (
    "title", "company", "location", "job_type", "work_mode", "experience_level", "department",
    "description", "required_skills", "preferred_skills", "salary_min", "salary_max",
    "salary_currency", "salary_period", "salary_text", "apply_url", "posted_at", "end_date",
)  # fmt: skip
SKILL_FIELDS = ("required_skills", "preferred_skills")

# 50,000 / 50.000 / 50 000 (grouped thousands), or 12.50 / 12,5 (decimals).
_SALARY_NUMBER = re.compile(
    r"(\d{1,3}(?:[.,\u00a0 ]\d{3})+(?!\d)|\d+(?:[.,]\d{1,2}(?!\d))?)\s*(k\b)?", re.IGNORECASE
)
SALARY_PERIOD_WORDS = (
    (("hour", "/h", "p.h"), "hour"),
    (("month", "pcm"), "month"),
    (("year", "annum", "p.a", "annual", "/y"), "year"),
)
_NUMBER_TEXT = re.compile(r"^\s*[£€$]?\s*(\d{1,3}(?:[,\s]\d{3})+|\d+(?:\.\d+)?)\s*([kK]?)\s*$")


@dataclass
class RowResult:
    """A validated row: `data` (model field values) when valid, else `errors` by field."""

    number: int
    source_job_id: str
    data: dict | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)

    def error_entry(self) -> dict:
        return {"row": self.number, "source_job_id": self.source_job_id, "errors": self.errors}


class ImportOnlySerializer(serializers.Serializer):
    """The fields an import sets that a recruiter does not (the API stamps them itself)."""

    posted_at = serializers.DateTimeField(required=False, allow_null=True)


def source_job_id_derive(row: dict) -> str:
    """A stable id for a posting without one: title, company, location and apply URL."""
    parts = (" ".join(str(row.get(key) or "").split()).casefold() for key in
             ("title", "company", "location", "apply_url"))  # fmt: skip
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:SOURCE_ID_LENGTH]


def row_validate(row, *, number: int) -> RowResult:
    """Clean and validate one raw row (our field names) the way the jobs API would."""
    if not isinstance(row, dict):
        return RowResult(number, "", errors={"row": ["Each posting must be an object."]})
    cleaned, errors = row_clean(row)
    source_job_id = str(row.get("source_job_id") or "").strip() or source_job_id_derive(cleaned)
    result = RowResult(number, source_job_id)
    if len(source_job_id) > Job._meta.get_field("source_job_id").max_length:
        errors["source_job_id"] = ["Use an id of at most 255 characters."]
    data, field_errors = _validated(cleaned)
    errors.update(field_errors)
    if errors:
        result.errors = errors
        return result
    data["skills_edited"] = any(key in cleaned for key in SKILL_FIELDS)
    result.data = data
    return result


def _validated(cleaned: dict) -> tuple[dict, dict]:
    """The job API's write serializer judges the posting; ours only what the API never takes."""
    own = {key: cleaned.pop(key) for key in ImportOnlySerializer().fields if key in cleaned}
    write = JobWriteSerializer(data=cleaned)
    extra = ImportOnlySerializer(data=own)
    errors = {}
    if not write.is_valid():
        errors.update(_messages(write.errors))
    if not extra.is_valid():
        errors.update(_messages(extra.errors))
    if errors:
        return {}, errors
    return {**write.validated_data, **extra.validated_data}, {}


def _messages(errors) -> dict[str, list[str]]:
    if isinstance(errors, dict):
        return {key: _flat(value) for key, value in errors.items()}
    return {"row": _flat(errors)}


def _flat(value) -> list[str]:
    if isinstance(value, dict):
        return [message for inner in value.values() for message in _flat(inner)]
    if isinstance(value, list | tuple):
        return [message for inner in value for message in _flat(inner)]
    return [str(value)]


# --- Cleaning --------------------------------------------------------------------------------


def row_clean(row: dict) -> tuple[dict, dict[str, list[str]]]:
    """Values brought to our form, and errors for values no reading makes sense of."""
    cleaned = {
        key: value.strip() if isinstance(value, str) else value for key, value in row.items()
    }
    cleaned = {key: value for key, value in cleaned.items() if value not in ("", None)}
    errors: dict[str, list[str]] = {}
    _clean_remote(cleaned, errors)
    for name in SKILL_FIELDS:
        if name in cleaned:
            cleaned[name] = _skills(cleaned[name])
    _clean_period(cleaned)
    _clean_salary(cleaned)
    for name in ("posted_at", "end_date"):
        value = cleaned.get(name)
        if isinstance(value, str) and DATE_ONLY.match(value):
            cleaned[name] = f"{value}T00:00:00"
    return {key: value for key, value in cleaned.items() if key in IMPORT_FIELDS}, errors


def _clean_remote(cleaned: dict, errors: dict) -> None:
    if "remote" not in cleaned:
        return
    value = str(cleaned.pop("remote")).strip().lower()
    if value in TRUE_WORDS:
        cleaned.setdefault("work_mode", "remote")
    elif value not in FALSE_WORDS:
        errors["remote"] = [f"Write yes or no, not {value!r}."]


def _skills(value) -> list[str]:
    items = value if isinstance(value, list | tuple) else SKILL_SEPARATORS.split(str(value))
    return [" ".join(str(item).split()) for item in items if str(item).strip()]


def _clean_period(cleaned: dict) -> None:
    """ "Annual", "per hour" ...; job type, work mode and level spellings are the serializer's."""
    value = cleaned.get("salary_period")
    if isinstance(value, str):
        key = re.sub(r"[^a-z]+", "_", value.lower()).strip("_")
        cleaned["salary_period"] = PERIOD_ALIASES.get(key, value)


def _clean_salary(cleaned: dict) -> None:
    text = cleaned.get("salary_text")
    if text is not None and not isinstance(text, str):
        text = cleaned["salary_text"] = str(text)
    if text and len(text) > SALARY_TEXT_LENGTH:
        cleaned["salary_text"] = text[: SALARY_TEXT_LENGTH - 1].rstrip() + "…"
    for name in ("salary_min", "salary_max"):
        if isinstance(cleaned.get(name), str):
            cleaned[name] = _number_text(cleaned[name])
    currency = cleaned.get("salary_currency")
    if isinstance(currency, str):
        cleaned["salary_currency"] = CURRENCY_SYMBOLS.get(currency, currency.upper())
    if text and "salary_min" not in cleaned and "salary_max" not in cleaned:
        cleaned.update({key: value for key, value in salary_from_text(text).items()
                        if key not in cleaned})  # fmt: skip


def _number_text(value: str) -> str | int:
    """ "50,000", "£50 000", "50k" -> 50000; anything else as written, for validation."""
    match = _NUMBER_TEXT.match(value)
    if not match:
        return value
    number = float(re.sub(r"[,\s]", "", match.group(1)))
    return round(number * (1000 if match.group(2) else 1))


def salary_from_text(text: str) -> dict:
    """Best effort: "£50k-60k", "$120,000 - $140,000 a year", "45 EUR/hour" -> range fields.

    Anything less clear (per day, three numbers, no number) stays free text only.
    """
    lowered = text.lower()
    if any(word in lowered for word in ("day", "daily", "week")):
        return {}
    amounts = [
        _amount(digits) * (1000 if thousands else 1)
        for digits, thousands in _SALARY_NUMBER.findall(text)
    ]
    if not amounts or len(amounts) > 2:
        return {}
    if len(amounts) == 2 and "k" in lowered and min(amounts) < 1000 <= max(amounts):
        # "£50k-60" and "50-60k": the k is meant for both
        amounts = [amount * 1000 if amount < 1000 else amount for amount in amounts]
    result = _salary_range(amounts, up_to="up to" in lowered)
    currency = next((code for symbol, code in CURRENCY_SYMBOLS.items() if symbol in text), "")
    codes = re.findall(r"\b(USD|EUR|GBP|CHF|CAD|AUD|INR|JPY)\b", text.upper())
    if currency or codes:
        result["salary_currency"] = currency or codes[0]
    for words, period in SALARY_PERIOD_WORDS:
        if any(word in lowered for word in words):
            result["salary_period"] = period
            break
    return result


def _amount(digits: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:[.,\u00a0 ]\d{3})+", digits):
        return float(re.sub(r"\D", "", digits))
    return float(digits.replace(",", "."))


def _salary_range(amounts: list[float], *, up_to: bool) -> dict:
    if len(amounts) == 1:
        return {"salary_max" if up_to else "salary_min": round(amounts[0])}
    low, high = amounts
    return {"salary_min": round(low), "salary_max": round(high)} if low <= high else {}
