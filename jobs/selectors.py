"""Reads of job postings: who may see which, the filtered and ranked list, saved jobs."""

from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone

from accounts.models import Role
from jobs.errors import JobNotFound, NotJobOwner
from jobs.filters import JobFilters
from jobs.models import VECTOR_FIELDS, Job, JobStatus, SavedJob, WorkMode
from jobs.search import RELEVANCE_ORDER, jobs_search, skill_condition


def open_jobs_condition() -> Q:
    """Open and not past its end date (the periodic close may not have run yet)."""
    return Q(status=JobStatus.OPEN) & (Q(end_date__isnull=True) | Q(end_date__gt=timezone.now()))


def jobs_open() -> QuerySet[Job]:
    return Job.objects.filter(open_jobs_condition())


def _is_admin(user) -> bool:
    return user is not None and user.is_authenticated and user.role == Role.ADMIN


def jobs_visible_to(*, user) -> QuerySet[Job]:
    """Open jobs for everyone; a user's own jobs in any state; every job for an admin."""
    if user is not None and user.is_authenticated:
        if _is_admin(user):
            return Job.objects.all()
        return Job.objects.filter(open_jobs_condition() | Q(owner=user))
    return jobs_open()


def job_may_change(*, user, job: Job) -> bool:
    """Only the job's owner or an admin changes or deletes it."""
    return user.is_authenticated and (user.role == Role.ADMIN or job.owner_id == user.pk)


def job_get_for_user(*, user, job_id: int) -> Job:
    """A job the user may see, or 404 job_not_found (drafts and closed jobs of others too)."""
    job = jobs_visible_to(user=user).select_related("owner").filter(pk=job_id).first()
    if job is None:
        raise JobNotFound()
    return job


def job_get_by_code(*, user, short_code: str) -> Job:
    """job_get_for_user by the short code of a share link."""
    jobs = jobs_visible_to(user=user).select_related("owner")
    job = jobs.filter(short_code=short_code.strip().lower()).first()
    if job is None:
        raise JobNotFound()
    return job


def job_get_for_change(*, user, job_id: int) -> Job:
    """A job the user may change: 404 when they cannot see it, 403 when it is not theirs."""
    job = job_get_for_user(user=user, job_id=job_id)
    if not job_may_change(user=user, job=job):
        raise NotJobOwner()
    return job


def job_get_saved_or_visible(*, user, job_id: int) -> Job:
    """A job the user saved (in whatever state it is now) or may see, else 404."""
    saved = SavedJob.objects.filter(user=user, job_id=job_id).select_related("job").first()
    return saved.job if saved is not None else job_get_for_user(user=user, job_id=job_id)


def _pay():
    return Coalesce("salary_max", "salary_min")


def _status_condition(statuses: tuple[str, ...]) -> Q:
    """Any of `statuses`; "closed" also takes open jobs whose end date has passed."""
    by_status = {
        JobStatus.OPEN: open_jobs_condition(),
        JobStatus.CLOSED: Q(status=JobStatus.CLOSED)
        | Q(status=JobStatus.OPEN, end_date__lte=timezone.now()),
        JobStatus.DRAFT: Q(status=JobStatus.DRAFT),
    }
    condition = Q(pk__in=[])
    for status in statuses:
        condition |= by_status[status]
    return condition


def _narrowed(jobs: QuerySet, filters: JobFilters) -> QuerySet:
    exact_choices = {
        "job_type__in": filters.job_type,
        "experience_level__in": filters.experience_level,
        "work_mode__in": filters.work_mode,
    }
    jobs = jobs.filter(**{lookup: values for lookup, values in exact_choices.items() if values})
    if filters.location:
        jobs = jobs.filter(location__icontains=filters.location)
    if filters.company:
        jobs = jobs.filter(company__icontains=filters.company)
    if filters.recruiter is not None:
        jobs = jobs.filter(owner_id=filters.recruiter)
    if filters.remote is True:
        jobs = jobs.filter(work_mode=WorkMode.REMOTE)
    elif filters.remote is False:
        jobs = jobs.exclude(work_mode=WorkMode.REMOTE)
    if filters.salary_min is not None:
        jobs = jobs.alias(pay=_pay()).filter(pay__gte=filters.salary_min)
    for name in filters.skills:
        jobs = jobs.filter(skill_condition(name.casefold()))
    return jobs


def _ordering(filters: JobFilters) -> list:
    """The sort asked for, then newest, then id: equal keys never swap between pages.

    Only keys that can be null get NULLS LAST: on a NOT NULL column it would stop PostgreSQL
    reading the (status, -created_at) index in order (100 ms instead of 0.2 ms at 100k jobs).
    """
    if filters.q and not filters.sort_by:
        return [*RELEVANCE_ORDER, F("posted_at").desc(nulls_last=True), "-created_at", "-id"]
    direction = "asc" if filters.sort_order == "asc" else "desc"
    nullable, keys = {
        "salary": ([_pay()], []),
        "title": ([], [Lower("title")]),
        "posted_at": ([F("posted_at")], [F("created_at")]),
    }.get(filters.sort_by, ([], [F("created_at")]))
    return [
        *(getattr(key, direction)(nulls_last=True) for key in nullable),
        *(getattr(key, direction)() for key in keys),
        "id" if direction == "asc" else "-id",
    ]


def jobs_list(*, user, filters: JobFilters) -> QuerySet[Job]:
    """Jobs the user may see, narrowed by `filters`, ranked (q) or sorted, owner joined."""
    if filters.status:
        jobs = jobs_visible_to(user=user).filter(_status_condition(filters.status))
    else:  # open jobs are visible to everyone
        jobs = jobs_open()
    jobs = _narrowed(jobs, filters)
    if filters.q:
        jobs = jobs_search(jobs, filters.q)
    # The vectors are for matching and search only: never read them into a list.
    return jobs.select_related("owner").defer(*VECTOR_FIELDS).order_by(*_ordering(filters))


def saved_jobs_for(*, user) -> QuerySet[SavedJob]:
    """The user's saved jobs, newest first; a job turned back into a draft drops out."""
    saved = SavedJob.objects.filter(user=user).select_related("job", "job__owner")
    if not _is_admin(user):
        saved = saved.filter(~Q(job__status=JobStatus.DRAFT) | Q(job__owner=user))
    return saved.order_by("-saved_at", "-id")


def saved_job_ids(*, user, job_ids) -> set[int]:
    """Which of `job_ids` the user saved (none for an anonymous visitor)."""
    if user is None or not user.is_authenticated:
        return set()
    saved = SavedJob.objects.filter(user=user, job_id__in=list(job_ids))
    return set(saved.values_list("job_id", flat=True))
