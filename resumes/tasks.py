from celery import shared_task

from resumes.services.analysis_runs import TRANSIENT_ERRORS, analysis_give_up, analysis_run

GAVE_UP = "A service the analysis needs was unavailable. Retry it in a few minutes."


@shared_task(bind=True, acks_late=True, max_retries=3)
def run_analysis(self, analysis_id: str) -> None:
    """Run one analysis; transient failures retry with backoff, then fail with a message."""
    try:
        analysis_run(analysis_id=analysis_id)
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= self.max_retries:
            analysis_give_up(analysis_id=analysis_id, reason=GAVE_UP)
            return
        raise self.retry(exc=exc, countdown=2**self.request.retries) from exc
