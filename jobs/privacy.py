"""Personal data held by the jobs app: the jobs a user saved and the jobs they posted.

Erasure deletes the saved list; posted jobs describe a company's opening, not the person, so
they stay (other people saved and applied to them) with no owner.
"""

from django.db import transaction

from gdpr.registry import registry
from jobs.freshness import jobs_changed
from jobs.models import Job, SavedJob


def export_saved_jobs(user) -> list[dict]:
    saved = SavedJob.objects.filter(user=user).select_related("job").order_by("-saved_at")
    return [
        {
            "job_id": item.job_id,
            "title": item.job.title,
            "company": item.job.company,
            "job_link": item.job.share_path,
            "saved_at": item.saved_at.isoformat(),
        }
        for item in saved
    ]


def erase_saved_jobs(user) -> None:
    SavedJob.objects.filter(user=user).delete()


def export_posted_jobs(user) -> list[dict]:
    jobs = Job.objects.filter(owner=user).order_by("created_at")
    return [
        {
            "id": job.pk,
            "title": job.title,
            "company": job.company,
            "location": job.location,
            "status": job.status,
            "description": job.description,
            "job_link": job.share_path,
            "posted_at": job.posted_at.isoformat() if job.posted_at else None,
            "created_at": job.created_at.isoformat(),
        }
        for job in jobs
    ]


@transaction.atomic
def erase_posted_jobs(user) -> None:
    """Keep the postings without their owner."""
    if Job.objects.filter(owner=user).update(owner=None):
        jobs_changed()


registry.register(
    "saved_jobs",
    title="Saved jobs",
    export=export_saved_jobs,
    erase=erase_saved_jobs,
    count=lambda user: SavedJob.objects.filter(user=user).count(),
)
registry.register(
    "posted_jobs",
    title="Jobs you posted",
    export=export_posted_jobs,
    erase=erase_posted_jobs,
    count=lambda user: Job.objects.filter(owner=user).count(),
    kept="The postings stay for the people who saved or applied to them, with no owner.",
)
