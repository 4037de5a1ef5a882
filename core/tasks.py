from celery import shared_task

from core.durable import sweep


@shared_task
def sweep_durable_jobs() -> dict[str, int]:
    """Periodic (CELERY_BEAT_SCHEDULE; a timer in the embedded mode): see core.durable."""
    return sweep()


# Registered with the worker through this module, which Celery's autodiscovery imports.
from core.outbox import run_outbox_task  # noqa: E402, F401
