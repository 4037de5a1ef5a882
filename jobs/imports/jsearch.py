"""JSearch (RapidAPI) job search: a small client with retries, and its jobs as import rows.

One request per page (`num_pages=1`): JSearch bills each page, and stopping at the first
empty page saves the rest. 429, 5xx, timeouts and connection errors are retried with
exponential backoff (honouring Retry-After); a refused key is reported at once.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import httpx
from django.conf import settings

from jobs.imports.errors import JSearchNotConfigured, JSearchRejectedKey, JSearchUnavailable
from jobs.models import JobType, SalaryPeriod, WorkMode
from resumes.analysis.job_target import MID_YEARS, SENIOR_YEARS

MAX_PAGES = 5
BACKOFF_BASE_SECONDS = 1.0
BACKOFF_MAX_SECONDS = 30.0
DATE_POSTED_CHOICES = ("all", "today", "3days", "week", "month")

EMPLOYMENT_TYPES = {
    "FULLTIME": JobType.FULL_TIME,
    "PARTTIME": JobType.PART_TIME,
    "CONTRACTOR": JobType.CONTRACT,
    "INTERN": JobType.INTERNSHIP,
    "TEMPORARY": JobType.TEMPORARY,
}
SALARY_PERIODS = {
    "YEAR": SalaryPeriod.YEAR,
    "MONTH": SalaryPeriod.MONTH,
    "HOUR": SalaryPeriod.HOUR,
}


class JSearchClient:
    """GET the JSearch search endpoint; `sleep` is injectable so tests never wait."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        api_key = settings.JSEARCH_API_KEY if api_key is None else api_key
        if not api_key:
            raise JSearchNotConfigured()
        self.url = settings.JSEARCH_API_URL
        self.max_retries = max(0, settings.JSEARCH_MAX_RETRIES)
        self.sleep = sleep
        self.http = httpx.Client(
            headers={"X-RapidAPI-Key": api_key, "X-RapidAPI-Host": settings.JSEARCH_API_HOST},
            timeout=settings.JSEARCH_TIMEOUT_SECONDS,
            transport=transport,
        )

    def __enter__(self) -> JSearchClient:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    def search(
        self, query: str, *, pages: int = 1, country: str = "", date_posted: str = ""
    ) -> Iterator[dict]:
        """The raw job objects of up to `pages` pages, page by page; stops at an empty page."""
        for page in range(1, pages + 1):
            params = {"query": query, "page": page, "num_pages": 1}
            if country:
                params["country"] = country.lower()
            if date_posted:
                params["date_posted"] = date_posted
            jobs = self._page(params)
            if not jobs:
                return
            yield from jobs

    def _page(self, params: dict) -> list[dict]:
        body = self._get(params)
        jobs = body.get("data") if isinstance(body, dict) else None
        if jobs is None:
            raise JSearchUnavailable("JSearch answered without a list of jobs.")
        return [job for job in jobs if isinstance(job, dict)]

    def _get(self, params: dict):
        """The JSON body, retrying 429, 5xx and transport errors with backoff."""
        for attempt in range(self.max_retries + 1):
            last = attempt == self.max_retries
            try:
                response = self.http.get(self.url, params=params)
            except httpx.TransportError as error:  # timeouts, refused or dropped connections
                if last:
                    raise JSearchUnavailable(
                        f"JSearch did not answer after {attempt + 1} attempts "
                        f"({_transport_problem(error)}). Try again later, or upload a feed."
                    ) from error
                self.sleep(_backoff(attempt))
                continue
            if _retryable(response.status_code) and not last:
                self.sleep(_retry_delay(response, attempt))
                continue
            return _body(response, attempts=attempt + 1)


def _body(response: httpx.Response, *, attempts: int):
    if response.status_code in (401, 403):
        raise JSearchRejectedKey()
    if _retryable(response.status_code):
        raise JSearchUnavailable(
            f"JSearch answered HTTP {response.status_code} {_reason(response.status_code)} "
            f"{attempts} times. Try again later, or upload a feed."
        )
    if response.is_error:
        raise JSearchUnavailable(
            f"JSearch refused the search (HTTP {response.status_code}): {_message(response)}"
        )
    try:
        return response.json()
    except ValueError as error:
        raise JSearchUnavailable("JSearch answered with something other than JSON.") from error


def _retryable(status_code: int) -> bool:
    return status_code == 429 or status_code >= 500


def _backoff(attempt: int) -> float:
    return min(BACKOFF_BASE_SECONDS * 2**attempt, BACKOFF_MAX_SECONDS)


def _retry_delay(response: httpx.Response, attempt: int) -> float:
    """Retry-After (seconds or an HTTP date) when the server sends it, else the backoff."""
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return min(float(value), BACKOFF_MAX_SECONDS)
    if value:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return _backoff(attempt)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return min(max((when - datetime.now(UTC)).total_seconds(), 0.0), BACKOFF_MAX_SECONDS)
    return _backoff(attempt)


def _reason(status_code: int) -> str:
    return "(too many requests)" if status_code == 429 else "(server error)"


def _transport_problem(error: httpx.TransportError) -> str:
    return "timed out" if isinstance(error, httpx.TimeoutException) else "connection failed"


def _message(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200] or response.reason_phrase
    if isinstance(body, dict):
        return str(body.get("message") or body.get("error") or body)[:200]
    return str(body)[:200]


# --- Mapping ---------------------------------------------------------------------------------


def jsearch_row(job: dict) -> dict:
    """A JSearch job object as an import row (our field names; validated later like any row)."""
    row = {
        "source_job_id": _text(job.get("job_id")),
        "title": _text(job.get("job_title")),
        "company": _text(job.get("employer_name")),
        "description": _text(job.get("job_description")),
        "location": _location(job),
        "apply_url": _text(job.get("job_apply_link")),
        "posted_at": _text(job.get("job_posted_at_datetime_utc")),
        "end_date": _text(job.get("job_offer_expiration_datetime_utc")),
    }
    if job.get("job_is_remote"):
        row["work_mode"] = WorkMode.REMOTE
    job_type = EMPLOYMENT_TYPES.get(_employment_type(job))
    if job_type:
        row["job_type"] = job_type
    level = _experience_level(job.get("job_required_experience"))
    if level:
        row["experience_level"] = level
    skills = job.get("job_required_skills")
    if isinstance(skills, list) and skills:
        row["required_skills"] = [_text(skill) for skill in skills if _text(skill)]
    row.update(_salary(job))
    return {key: value for key, value in row.items() if value not in ("", None)}


def jsearch_rows(
    query: str, *, pages: int = 1, country: str = "", date_posted: str = "", client=None
) -> list[dict]:
    """Search JSearch and map every job found to an import row."""
    owned = client is None
    client = client or JSearchClient()
    try:
        jobs = client.search(query, pages=pages, country=country, date_posted=date_posted)
        return [jsearch_row(job) for job in jobs]
    finally:
        if owned:
            client.close()


def _text(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _location(job: dict) -> str:
    parts = [_text(job.get(key)) for key in ("job_city", "job_state", "job_country")]
    joined = ", ".join(dict.fromkeys(part for part in parts if part))
    return joined or _text(job.get("job_location"))


def _employment_type(job: dict) -> str:
    value = job.get("job_employment_type")
    if not value and isinstance(job.get("job_employment_types"), list):
        value = next(iter(job["job_employment_types"]), "")
    return _text(value).upper().replace("-", "").replace(" ", "").replace("_", "")


def _experience_level(experience) -> str:
    if not isinstance(experience, dict):
        return ""
    if experience.get("no_experience_required"):
        return "entry"
    months = experience.get("required_experience_in_months")
    if not isinstance(months, int | float) or months <= 0:
        return ""
    years = months / 12
    if years >= SENIOR_YEARS:
        return "senior"
    return "mid" if years >= MID_YEARS else "entry"


def _salary(job: dict) -> dict:
    """Min/max in a period we store; other periods (per day, per week) become free text."""
    low, high = job.get("job_min_salary"), job.get("job_max_salary")
    if not isinstance(low, int | float) and not isinstance(high, int | float):
        return {}
    currency = _text(job.get("job_salary_currency")).upper()
    period = SALARY_PERIODS.get(_text(job.get("job_salary_period")).upper())
    if period is None:
        amounts = "-".join(
            f"{value:,.0f}" for value in (low, high) if isinstance(value, int | float)
        )
        unit = _text(job.get("job_salary_period")).lower()
        return {"salary_text": " ".join(filter(None, [currency, amounts, unit and f"per {unit}"]))}
    salary = {"salary_period": period}
    if isinstance(low, int | float):
        salary["salary_min"] = round(low)
    if isinstance(high, int | float):
        salary["salary_max"] = round(high)
    if currency:
        salary["salary_currency"] = currency
    return salary
