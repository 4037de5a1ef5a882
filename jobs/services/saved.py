"""Saved jobs: saving twice keeps one row, unsaving what is not saved is fine."""

from django.db import IntegrityError, transaction

from jobs.models import Job, SavedJob


def job_save(*, user, job: Job) -> tuple[SavedJob, bool]:
    """Keep `job` in the user's saved list; (the row, whether it is new)."""
    saved = SavedJob.objects.filter(user=user, job=job).first()
    if saved is not None:
        return saved, False
    try:
        with transaction.atomic():
            return SavedJob.objects.create(user=user, job=job), True
    except IntegrityError:  # a simultaneous save of the same job won
        return SavedJob.objects.get(user=user, job=job), False


def job_unsave(*, user, job: Job) -> None:
    SavedJob.objects.filter(user=user, job=job).delete()
