"""Hiring analytics over the applications a user manages: the funnel, conversion between its
stages, time in each stage, time to hire and sources; and per-job counts by stage.

`ats_analytics` reads a fixed number of queries whatever the number of applicants (the job
check, the applications, their stage history, the job titles), as flat `values_list` rows;
everything else is arithmetic here. `job_stats` is one aggregate query (two when paginated).

Definitions:
- an application has *reached* a funnel stage when its history shows it entered that stage
  or a later one (a move from under review straight to offer passed the interview stages),
  so the funnel never widens and every conversion rate is between 0 and 1;
- *time in stage* is, per application, the total time between entering a stage and its next
  move (still open: until now), summed over repeated stints (a second interview round);
- *time to hire* runs from the application's first history row (applied) to its move to hired.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from statistics import mean, median

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import Role
from ats.models import Application, ApplicationSource, StageChange
from ats.selectors import applications_managed_by
from ats.stages import CLOSED_STAGES, FUNNEL, Stage
from jobs.errors import JobNotFound
from jobs.models import Job

DAY_SECONDS = 86_400
# Stages one stays in until the next move; hired and withdrawn are final, and time spent
# rejected says nothing about the pipeline.
TIMED_STAGES = tuple(stage for stage in FUNNEL if stage not in CLOSED_STAGES)
FUNNEL_INDEX = {stage: index for index, stage in enumerate(FUNNEL)}


@dataclass(frozen=True)
class _Row:
    id: object
    job_id: int
    stage: str
    source: str
    created_at: datetime
    stage_changed_at: datetime


# --- Scope ---------------------------------------------------------------------------------


def jobs_managed_by(*, user) -> QuerySet[Job]:
    """The recruiter's own jobs in every state; every job for an admin."""
    return Job.objects.all() if user.role == Role.ADMIN else Job.objects.filter(owner=user)


def analytics_job_get(*, user, job_id: int) -> Job:
    """One of the user's jobs (any for an admin), else 404 job_not_found."""
    job = jobs_managed_by(user=user).only("id", "title", "owner_id").filter(pk=job_id).first()
    if job is None:
        raise JobNotFound()
    return job


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def _scoped(*, user, job_id, since: date | None, until: date | None) -> QuerySet[Application]:
    """Applications to the user's jobs (or one of them) sent between `since` and `until`
    (whole days, both included)."""
    applications = applications_managed_by(user=user)
    if job_id is not None:
        applications = applications.filter(job_id=job_id)
    if since is not None:
        applications = applications.filter(created_at__gte=_day_start(since))
    if until is not None:
        applications = applications.filter(created_at__lt=_day_start(until + timedelta(days=1)))
    return applications


# --- Analytics -----------------------------------------------------------------------------


def ats_analytics(
    *,
    user,
    job_id: int | None = None,
    since: date | None = None,
    until: date | None = None,
    now: datetime | None = None,
) -> dict:
    """Funnel, conversion, time in stage, time to hire and sources over the applications to
    the user's jobs (one job with `job_id`: 404 unless it is theirs), sent since..until."""
    if job_id is not None:
        analytics_job_get(user=user, job_id=job_id)
    now = now or timezone.now()
    scoped = _scoped(user=user, job_id=job_id, since=since, until=until)
    rows = [
        _Row(*values)
        for values in scoped.order_by().values_list(
            "id", "job_id", "stage", "source", "created_at", "stage_changed_at"
        )
    ]
    timelines = _timelines(scoped, rows)
    body = {
        "applications": len(rows),
        **_funnel(rows, timelines),
        "time_in_stage": _time_in_stage(rows, timelines, now),
        "time_to_hire": _summary(_hire_days(rows, timelines)),
        "rejected": sum(row.stage == Stage.REJECTED for row in rows),
        "withdrawn": sum(row.stage == Stage.WITHDRAWN for row in rows),
        "by_source": _by_source(rows),
    }
    if job_id is None:
        body["per_job"] = _per_job(rows)
    return body


def _timelines(scoped: QuerySet, rows: list[_Row]) -> dict:
    """Per application, its moves in order as (when, to_stage); one query for all of them.

    An application without history (imported rows) entered `applied` when it was sent and its
    current stage when its stage last changed.
    """
    history = (
        StageChange.objects.filter(application__in=scoped.order_by().values("id"))
        .order_by("application_id", "created_at", "id")
        .values_list("application_id", "created_at", "to_stage")
    )
    timelines: dict = defaultdict(list)
    for application_id, created_at, to_stage in history:
        timelines[application_id].append((created_at, to_stage))
    for row in rows:
        if row.id not in timelines:
            synthetic = [(row.created_at, Stage.APPLIED.value)]
            if row.stage != Stage.APPLIED:
                synthetic.append((row.stage_changed_at, row.stage))
            timelines[row.id] = synthetic
    return timelines


def _funnel(rows: list[_Row], timelines: dict) -> dict:
    furthest = Counter()
    for row in rows:
        indexes = [FUNNEL_INDEX[stage] for _, stage in timelines[row.id] if stage in FUNNEL_INDEX]
        furthest[max(indexes, default=0)] += 1
    current = Counter(row.stage for row in rows)
    reached, remaining = {}, len(rows)
    for index, stage in enumerate(FUNNEL):
        reached[stage] = remaining
        remaining -= furthest[index]
    funnel = [
        {"stage": stage.value, "reached": reached[stage], "current": current[stage]}
        for stage in FUNNEL
    ]
    conversion = [
        {
            "from": source.value,
            "to": target.value,
            "rate": _rate(reached[target], reached[source]),
        }
        for source, target in pairwise(FUNNEL)
    ]
    return {"funnel": funnel, "conversion": conversion}


def _time_in_stage(rows: list[_Row], timelines: dict, now: datetime) -> list[dict]:
    durations: dict[str, list[float]] = {stage: [] for stage in TIMED_STAGES}
    for row in rows:
        moves = timelines[row.id]
        spent: Counter = Counter()
        for (entered, stage), (left, _) in zip(moves, [*moves[1:], (now, None)], strict=True):
            if stage in durations:
                spent[stage] += max((left - entered).total_seconds(), 0.0)
        for stage, seconds in spent.items():
            durations[stage].append(seconds / DAY_SECONDS)
    return [{"stage": stage.value, **_summary(durations[stage])} for stage in TIMED_STAGES]


def _hire_days(rows: list[_Row], timelines: dict) -> list[float]:
    days = []
    for row in rows:
        moves = timelines[row.id]
        hired_at = next((when for when, stage in moves if stage == Stage.HIRED), None)
        if hired_at is not None:
            days.append(max((hired_at - moves[0][0]).total_seconds(), 0.0) / DAY_SECONDS)
    return days


def _by_source(rows: list[_Row]) -> list[dict]:
    applications = Counter(row.source for row in rows)
    hired = Counter(row.source for row in rows if row.stage == Stage.HIRED)
    return [
        {
            "source": source.value,
            "applications": applications[source],
            "hired": hired[source],
            "hire_rate": _rate(hired[source], applications[source]),
        }
        for source in ApplicationSource
    ]


def _per_job(rows: list[_Row]) -> list[dict]:
    applications = Counter(row.job_id for row in rows)
    hired = Counter(row.job_id for row in rows if row.stage == Stage.HIRED)
    titles = dict(Job.objects.filter(pk__in=list(applications)).values_list("id", "title"))
    items = [
        {
            "job_id": job_id,
            "title": titles.get(job_id, ""),
            "applications": count,
            "hired": hired[job_id],
        }
        for job_id, count in applications.items()
    ]
    return sorted(items, key=lambda item: (-item["applications"], item["title"], item["job_id"]))


def _summary(days: list[float]) -> dict:
    return {
        "count": len(days),
        "average_days": round(mean(days), 2) if days else None,
        "median_days": round(median(days), 2) if days else None,
    }


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


# --- Job stats -----------------------------------------------------------------------------


def job_stats_queryset(*, user) -> QuerySet:
    """The user's jobs (every job for an admin), newest first, each with its number of
    applications and one count per stage: one aggregate query."""
    per_stage = {
        f"stage_{stage.value}": Count("applications", filter=Q(applications__stage=stage))
        for stage in Stage
    }
    return (
        jobs_managed_by(user=user)
        .order_by("-created_at", "-id")
        .values("id", "title", "status", "posted_at")
        .annotate(applications_count=Count("applications"), **per_stage)
    )


def job_stats_row(values: dict) -> dict:
    return {
        "job_id": values["id"],
        "title": values["title"],
        "status": values["status"],
        "posted_at": values["posted_at"],
        "applications": values["applications_count"],
        "by_stage": {stage.value: values[f"stage_{stage.value}"] for stage in Stage},
    }


def job_stats(*, user) -> list[dict]:
    """Per job of the user: status, posting date, applications and their count by stage."""
    return [job_stats_row(values) for values in job_stats_queryset(user=user)]
