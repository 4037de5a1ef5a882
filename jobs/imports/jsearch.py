"""JSearch (RapidAPI) job search: a small client on the shared HTTP client, and its jobs as
import rows.

One request per page (`num_pages=1`): JSearch bills each page, and stopping at the first
empty page saves the rest. Retries, backoff and Retry-After are the shared client's
(`core.integrations.http`); a refused key is reported at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import httpx
from django.conf import settings

from core.integrations.errors import ServiceError, ServiceRejected, ServiceUnauthorized
from core.integrations.http import ServiceClient
from jobs.errors import JSearchNotConfigured, JSearchRejectedKey, JSearchUnavailable
from jobs.models import JobType, SalaryPeriod, WorkMode
from resumes.analysis.job_target import MID_YEARS, SENIOR_YEARS

MAX_PAGES = 5
DATE_POSTED_CHOICES = ("all", "today", "3days", "week", "month")
TRY_LATER = "Try again later, or upload a feed."

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
        self.http = ServiceClient(
            service="jsearch",
            headers={"X-RapidAPI-Key": api_key, "X-RapidAPI-Host": settings.JSEARCH_API_HOST},
            timeout=settings.JSEARCH_TIMEOUT_SECONDS,
            max_retries=settings.JSEARCH_MAX_RETRIES,
            transport=transport,
            sleep=sleep,
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
        try:
            body = self.http.get_json(params=params).data
        except ServiceUnauthorized as error:
            raise JSearchRejectedKey() from error
        except ServiceRejected as error:
            message = f"JSearch refused the search (HTTP {error.status}): {error.detail}"
            raise JSearchUnavailable(message) from error
        except ServiceError as error:
            raise JSearchUnavailable(f"{error} {TRY_LATER}") from error
        jobs = body.get("data") if isinstance(body, dict) else None
        if jobs is None:
            raise JSearchUnavailable("JSearch answered without a list of jobs.")
        return [job for job in jobs if isinstance(job, dict)]


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
