"""Hiring analytics over the applications a user manages: the funnel, conversion between its
stages, time in each stage, time to hire and sources; and per-job counts by stage.

`ats_analytics` runs a fixed number of queries whatever the number of applicants: the job
check, the applications counted by (job, stage, source), their stage history streamed in
order with timestamps as epoch seconds (walked once, nothing of it kept: thousands of rows
that die young keep Python's garbage collector idle), the rare applications without history,
and the job titles. `job_stats` is one aggregate query (two when paginated).

Definitions:
- an application has *reached* a funnel stage when its history shows it entered that stage
  or a later one (a move from under review straight to offer passed the interview stages),
  so the funnel never widens and every conversion rate is between 0 and 1;
- *time in stage* is, per application, the total time between entering a stage and its next
  move (still open: until now), summed over repeated stints (a second interview round);
- *time to hire* runs from the application's first history row (applied) to its move to hired.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from math import fsum
from statistics import median

from django.db.models import Count, Exists, FloatField, Func, OuterRef, Q, QuerySet
from django.utils import timezone

from ats.models import Application, ApplicationSource, StageChange
from ats.selectors import applications_managed_by, job_get_managed, jobs_managed_by
from ats.stages import CLOSED_STAGES, FUNNEL, Stage
from jobs.models import Job

DAY_SECONDS = 86_400
# Stages one stays in until the next move; hired and withdrawn are final, and time spent
# rejected says nothing about the pipeline.
TIMED_STAGES = tuple(stage for stage in FUNNEL if stage not in CLOSED_STAGES)
TIMED_STAGE_SET = frozenset(TIMED_STAGES)
FUNNEL_INDEX = {stage: index for index, stage in enumerate(FUNNEL)}
HISTORY_CHUNK = 2_000


class EpochSeconds(Func):
    """A timestamp as seconds since 1970 (a float): the database sends a number, which reads
    several times faster than a timestamp, and the arithmetic here is on plain floats."""

    output_field = FloatField()

    def as_postgresql(self, compiler, connection, **extra):
        template = "EXTRACT(EPOCH FROM %(expressions)s)::float8"
        return self.as_sql(compiler, connection, template=template, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        # Stored as UTC text; julianday() reads it, 2440587.5 is 1970-01-01 as a Julian day.
        template = "((julianday(%(expressions)s) - 2440587.5) * 86400.0)"
        return self.as_sql(compiler, connection, template=template, **extra)


# --- Scope ---------------------------------------------------------------------------------


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
        job_get_managed(user=user, job_id=job_id)
    scoped = _scoped(user=user, job_id=job_id, since=since, until=until).order_by()
    counts = list(scoped.values("job_id", "stage", "source").annotate(count=Count("pk")))
    walk = _walk(scoped, (now or timezone.now()).timestamp())
    body = {
        "applications": _total(counts),
        **_funnel(counts, walk.furthest),
        "time_in_stage": [
            {"stage": stage.value, **_summary(walk.days_in_stage[stage])} for stage in TIMED_STAGES
        ],
        "time_to_hire": _summary(walk.days_to_hire),
        "rejected": _total(counts, stage=Stage.REJECTED),
        "withdrawn": _total(counts, stage=Stage.WITHDRAWN),
        "by_source": _by_source(counts),
    }
    if job_id is None:
        body["per_job"] = _per_job(counts)
    return body


def _total(counts: list[dict], **match) -> int:
    """Applications in the (job, stage, source) groups that match, e.g. stage="hired"."""
    return sum(
        group["count"]
        for group in counts
        if all(group[name] == value for name, value in match.items())
    )


@dataclass
class _Walk:
    furthest: Counter = field(default_factory=Counter)  # funnel index -> applications
    # Per timed stage, one total per application that spent time in it.
    days_in_stage: dict = field(default_factory=lambda: {stage: [] for stage in TIMED_STAGES})
    days_to_hire: list = field(default_factory=list)

    def add(self, moves: list[tuple], now: float) -> None:
        """One application's moves, in order, as (application_id, when, to_stage): how far
        it went, how long it stayed in each stage (the last one until `now`), and how long it
        took to be hired."""
        furthest, spent, hired_at = 0, {}, None
        for position, (_, entered, stage) in enumerate(moves):
            index = FUNNEL_INDEX.get(stage)
            if index is not None and index > furthest:
                furthest = index
            if stage in TIMED_STAGE_SET:
                left = moves[position + 1][1] if position + 1 < len(moves) else now
                spent[stage] = spent.get(stage, 0.0) + max(left - entered, 0.0)
            elif stage == Stage.HIRED and hired_at is None:
                hired_at = entered
        self.furthest[furthest] += 1
        for stage, seconds in spent.items():
            self.days_in_stage[stage].append(seconds / DAY_SECONDS)
        if hired_at is not None:
            self.days_to_hire.append(max(hired_at - moves[0][1], 0.0) / DAY_SECONDS)


def _walk(scoped: QuerySet, now: float) -> _Walk:
    """Every application's history, streamed in order (one query, read in chunks: nothing of
    it is kept, so thousands of applicants stay cheap), plus the rare application without
    history (imported rows), which entered `applied` when it was sent and its current stage
    when its stage last changed."""
    walk = _Walk()
    history = (
        StageChange.objects.filter(application__in=scoped.values("pk"))
        .order_by("application_id", "created_at", "id")
        .values_list("application_id", EpochSeconds("created_at"), "to_stage")
    )
    moves: list[tuple] = []
    for move in history.iterator(chunk_size=HISTORY_CHUNK):
        if moves and move[0] != moves[0][0]:
            walk.add(moves, now)
            moves = []
        moves.append(move)
    if moves:
        walk.add(moves, now)
    without_history = scoped.exclude(Exists(StageChange.objects.filter(application=OuterRef("pk"))))
    for pk, sent, stage, changed in without_history.values_list(
        "pk", EpochSeconds("created_at"), "stage", EpochSeconds("stage_changed_at")
    ):
        synthetic = [(pk, sent, Stage.APPLIED.value)]
        if stage != Stage.APPLIED:
            synthetic.append((pk, changed, stage))
        walk.add(synthetic, now)
    return walk


def _funnel(counts: list[dict], furthest: Counter) -> dict:
    current = Counter()
    for group in counts:
        current[group["stage"]] += group["count"]
    reached, remaining = {}, sum(current.values())
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


def _by_source(counts: list[dict]) -> list[dict]:
    return [
        {
            "source": source.value,
            "applications": (applications := _total(counts, source=source)),
            "hired": (hired := _total(counts, source=source, stage=Stage.HIRED)),
            "hire_rate": _rate(hired, applications),
        }
        for source in ApplicationSource
    ]


def _per_job(counts: list[dict]) -> list[dict]:
    applications, hired = Counter(), Counter()
    for group in counts:
        applications[group["job_id"]] += group["count"]
        if group["stage"] == Stage.HIRED:
            hired[group["job_id"]] += group["count"]
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
        "average_days": round(fsum(days) / len(days), 2) if days else None,
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
