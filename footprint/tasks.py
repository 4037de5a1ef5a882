from celery import shared_task

from core.durable import TRANSIENT_ERRORS
from footprint.services import scan_give_up, scan_run

GAVE_UP = "A service the scan needs was unavailable. Scan again in a few minutes."


@shared_task(bind=True, acks_late=True, max_retries=3)
def run_scan(self, scan_id: str) -> None:
    """Run one footprint scan; transient failures retry with backoff, then fail with a message."""
    try:
        scan_run(scan_id=scan_id)
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= self.max_retries:
            scan_give_up(scan_id=scan_id, reason=GAVE_UP)
            return
        raise self.retry(exc=exc, countdown=2**self.request.retries) from exc
