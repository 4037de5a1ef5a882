"""Reads of job postings: who may see which, and the open ones."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.models import Role
from jobs.models import Job, JobStatus


def open_jobs_condition() -> Q:
    """Open and not past its end date (the periodic close may not have run yet)."""
    return Q(status=JobStatus.OPEN) & (Q(end_date__isnull=True) | Q(end_date__gt=timezone.now()))


def jobs_open() -> QuerySet[Job]:
    return Job.objects.filter(open_jobs_condition())


def jobs_visible_to(*, user) -> QuerySet[Job]:
    """Open jobs for everyone; a user's own jobs in any state; every job for an admin."""
    if user is not None and user.is_authenticated:
        if user.role == Role.ADMIN:
            return Job.objects.all()
        return Job.objects.filter(open_jobs_condition() | Q(owner=user))
    return jobs_open()


def job_may_change(*, user, job: Job) -> bool:
    """Only the job's owner or an admin changes or deletes it."""
    return user.is_authenticated and (user.role == Role.ADMIN or job.owner_id == user.pk)
