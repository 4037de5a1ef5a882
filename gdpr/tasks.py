from celery import shared_task

from gdpr.retention import purge_expired


@shared_task
def purge_expired_data() -> dict:
    """Periodic (CELERY_BEAT_SCHEDULE; a timer in the embedded mode).

    Not a durable job: each run recomputes what is past its date, so a run lost with its
    worker is made good by the next one.
    """
    return purge_expired(dry_run=False)
