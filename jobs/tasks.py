from celery import shared_task

from jobs.services.jobs import jobs_close_expired


@shared_task
def close_expired_jobs() -> int:
    """Periodic (CELERY_BEAT_SCHEDULE): close open jobs past their end date."""
    return jobs_close_expired()
