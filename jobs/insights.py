"""Market insights over open jobs: skill demand, salary ranges, work modes, posting trend.

One pass over the matching rows (streamed, a handful of columns) feeds every figure, so the
cost is one query however many jobs there are. Results are cached under the jobs version:
any job write changes the key, and the timeout bounds what the version cannot see (an open
job passing its end date).
"""

import functools
import hashlib
import json
import statistics
from collections import Counter, defaultdict
from dataclasses import asdict, replace
from datetime import datetime, time, timedelta

from django.core.cache import cache
from django.db.models.functions import Coalesce
from django.utils import timezone

from ai.skills import category_of
from jobs.filters import JobFilters
from jobs.freshness import jobs_version
from jobs.models import SalaryPeriod, WorkMode
from jobs.selectors import jobs_list, jobs_open

CACHE_SECONDS = 600
CHUNK_SIZE = 2000
TOP_SKILLS = 25
TOP_SALARY_GROUPS = 15
MIN_SALARIES = 3
WEEKS = 12
ANNUAL_FACTOR = {SalaryPeriod.YEAR: 1, SalaryPeriod.MONTH: 12, SalaryPeriod.HOUR: 2080}
# Seniority words say nothing about the role itself: "Senior Backend Engineer" and
# "backend engineer" pay for the same work at different levels, so they share a group.
LEVEL_WORDS = frozenset(
    {"senior", "sr", "junior", "jr", "lead", "principal", "staff", "mid", "entry", "level"}
    | {"mid-level", "entry-level", "i", "ii", "iii", "iv"}
)
ROW_FIELDS = (
    "required_skills",
    "preferred_skills",
    "title",
    "location",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "work_mode",
    "posted",
)
# Hyphen, en dash and em dash separate parts of a title too.
_DASHES = "-\u2013\u2014"
_EDGE_PUNCTUATION = "()[]{}.,;:/|" + _DASHES
_SEPARATORS = " ,;:/|" + _DASHES


def job_insights(*, filters: JobFilters | None = None) -> dict:
    """The insights body for open jobs (narrowed by `filters`), from the cache when fresh."""
    if filters is not None:
        # Order changes nothing in totals: one cache entry whatever the sort.
        filters = replace(filters, sort_by="", sort_order="desc")
    if filters == JobFilters():
        filters = None
    key = _cache_key(filters)
    payload = cache.get(key)
    if payload is not None:
        return {**payload, "cached": True}
    payload = _compute(filters)
    cache.set(key, payload, CACHE_SECONDS)
    return {**payload, "cached": False}


def _cache_key(filters: JobFilters | None) -> str:
    described = json.dumps(asdict(filters) if filters else None, sort_keys=True, default=str)
    digest = hashlib.sha256(described.encode()).hexdigest()[:32]
    return f"jobs:insights:{jobs_version()}:{digest}"


def _jobs(filters: JobFilters | None):
    jobs = jobs_open() if filters is None else jobs_list(user=None, filters=filters)
    # Ranking and ordering cost work and change nothing in totals.
    jobs = jobs.order_by().annotate(posted=Coalesce("posted_at", "created_at"))
    return jobs.values_list(*ROW_FIELDS, named=True)


def _compute(filters: JobFilters | None) -> dict:
    tally = _Tally(today=timezone.localdate())
    for row in _jobs(filters).iterator(chunk_size=CHUNK_SIZE):
        tally.add(row)
    return tally.result()


class _Tally:
    """Running counts for one pass over the rows, turned into the body at the end."""

    def __init__(self, *, today):
        self.total = 0
        self.skills: Counter[str] = Counter()
        self.skill_names: dict[str, str] = {}
        self.modes: Counter[str] = Counter()
        self.by_title = _SalaryGroups("title")
        self.by_location = _SalaryGroups("location")
        self.first_week = today - timedelta(days=today.weekday() + 7 * (WEEKS - 1))
        self.since = timezone.make_aware(datetime.combine(self.first_week, time.min))
        self.weeks = [0] * WEEKS

    def add(self, row) -> None:
        """One row: ROW_FIELDS by name."""
        self.total += 1
        self.modes[row.work_mode] += 1
        self._add_skills((*(row.required_skills or ()), *(row.preferred_skills or ())))
        self._add_week(row.posted)
        salary = annual_salary(row.salary_min, row.salary_max, row.salary_period)
        currency = (row.salary_currency or "").upper()
        if salary is not None and currency:
            self.by_title.add(title_group(row.title), currency, salary)
            self.by_location.add(" ".join((row.location or "").split()), currency, salary)

    def _add_skills(self, names) -> None:
        # Once per job, whether a skill is required, preferred or both.
        spellings = {name.casefold(): name for name in reversed(names)}
        self.skills.update(spellings.keys())
        for key in spellings.keys() - self.skill_names.keys():
            self.skill_names[key] = spellings[key]

    def _add_week(self, posted) -> None:
        if posted is None or posted < self.since:
            return
        index = (timezone.localtime(posted).date() - self.first_week).days // 7
        if index < WEEKS:
            self.weeks[index] += 1

    def result(self) -> dict:
        modes = {mode: _share(self.modes[mode], self.total) for mode in WorkMode.values}
        return {
            "total_jobs": self.total,
            "demand_by_skill": self._demand(),
            "salary_by_title": self.by_title.result(),
            "salary_by_location": self.by_location.result(),
            "work_modes": modes,
            "remote_share": modes[WorkMode.REMOTE],
            "postings_per_week": [
                {"week_start": (self.first_week + timedelta(weeks=index)).isoformat(), "count": n}
                for index, n in enumerate(self.weeks)
            ],
            "generated_at": timezone.now().isoformat().replace("+00:00", "Z"),
        }

    def _demand(self) -> list[dict]:
        ranked = sorted(self.skills.items(), key=lambda item: (-item[1], item[0]))[:TOP_SKILLS]
        return [
            {
                "skill": self.skill_names[key],
                "category": category_of(self.skill_names[key]) or "other",
                "count": count,
                "share": _share(count, self.total),
            }
            for key, count in ranked
        ]


class _SalaryGroups:
    """Annual salaries per (name, currency); names grouped case-insensitively."""

    def __init__(self, label: str):
        self.label = label
        self.salaries: dict[tuple[str, str], list[float]] = defaultdict(list)
        self.spellings: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, name: str, currency: str, salary: float) -> None:
        if name:
            key = name.casefold()
            self.salaries[key, currency].append(salary)
            self.spellings[key][name] += 1

    def result(self) -> list[dict]:
        groups = [
            (key, currency, values)
            for (key, currency), values in self.salaries.items()
            if len(values) >= MIN_SALARIES
        ]
        groups.sort(key=lambda group: (-len(group[2]), group[0], group[1]))
        return [
            {self.label: self._spelling(key), "currency": currency, **salary_summary(values)}
            for key, currency, values in groups[:TOP_SALARY_GROUPS]
        ]

    def _spelling(self, key: str) -> str:
        """The most used spelling; the first in alphabetical order on a tie."""
        counts = self.spellings[key]
        return min(counts, key=lambda name: (-counts[name], name))


def annual_salary(low, high, period) -> float | None:
    """The midpoint of the range (or the one end given), per year; None without a figure."""
    ends = [value for value in (low, high) if value]
    if not ends:
        return None
    return sum(ends) / len(ends) * ANNUAL_FACTOR.get(period, 1)


def salary_summary(values: list[float]) -> dict:
    """Count, median, quartiles (linear interpolation, as PostgreSQL's percentile_cont) and
    range, rounded to whole units."""
    ordered = sorted(values)
    p25, median, p75 = statistics.quantiles(ordered, n=4, method="inclusive")
    return {
        "count": len(ordered),
        "median": round(median),
        "p25": round(p25),
        "p75": round(p75),
        "min": round(ordered[0]),
        "max": round(ordered[-1]),
    }


@functools.lru_cache(maxsize=8192)
def title_group(title: str) -> str:
    """The title without seniority words: 'Sr. Data Engineer (Lead)' -> 'Data Engineer'."""
    words = (title or "").split()
    kept = [word for word in words if word.strip(_EDGE_PUNCTUATION).casefold() not in LEVEL_WORDS]
    return " ".join(kept).strip(_SEPARATORS) or " ".join(words)


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0
