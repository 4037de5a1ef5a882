"""Analysis jobs as the user handles them: start, retry, delete, export.

The worker side (running the steps) is `resumes.services.analysis_runs`, called by the task.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.background import enqueue
from resumes.errors import AnalysisNotCompleted, AnalysisNotDeletable, AnalysisNotRetryable
from resumes.job_targets import job_target_dump
from resumes.models import FINISHED_STATUSES, Analysis, AnalysisStatus, Resume
from resumes.progress import progress_publish
from resumes.tasks import run_analysis

# An unfinished analysis with no progress for this long lost its worker (a process stopped
# mid-job): it may be retried or deleted like a failed one.
STALE_AFTER = timedelta(minutes=15)


def analysis_start(*, owner, resume: Resume, job=None, job_posting_id=None) -> Analysis:
    """Queue an analysis of `resume` (optionally against a JobTarget); it runs after commit."""
    with transaction.atomic():
        analysis = Analysis.objects.create(
            owner=owner,
            resume=resume,
            job_posting_id=job_posting_id,
            job_title=(job.title or "") if job else "",
            job_target=job_target_dump(job),
            current_step="Waiting for a worker",
        )
        _enqueue_after_commit(analysis)
    return analysis


def _stalled() -> Q:
    cutoff = timezone.now() - STALE_AFTER
    return Q(updated_at__lt=cutoff) & ~Q(status__in=FINISHED_STATUSES)


def analysis_retry(*, analysis: Analysis) -> Analysis:
    """Put a failed (or stalled) analysis back in the queue; anything else is a 400."""
    retryable = Q(status=AnalysisStatus.FAILED) | _stalled()
    with transaction.atomic():
        reset = Analysis.objects.filter(retryable, pk=analysis.pk).update(
            status=AnalysisStatus.QUEUED,
            progress=0,
            current_step="Waiting for a worker",
            error_message="",
            result=None,
            completed_at=None,
            updated_at=timezone.now(),
        )
        if not reset:
            analysis.refresh_from_db(fields=["status"])
            raise AnalysisNotRetryable(
                "Only failed analyses, or ones without progress for 15 minutes, can be "
                f"retried; this one is {analysis.status}."
            )
        analysis.refresh_from_db()
        _enqueue_after_commit(analysis)
    progress_publish(analysis)
    return analysis


def analysis_delete(*, analysis: Analysis) -> None:
    """Delete a finished (or stalled) analysis; one still queued or running is a 400."""
    deletable = Q(status__in=FINISHED_STATUSES) | _stalled()
    deleted, _ = Analysis.objects.filter(deletable, pk=analysis.pk).delete()
    if not deleted:
        analysis.refresh_from_db(fields=["status"])
        raise AnalysisNotDeletable(
            "Only finished analyses, or ones without progress for 15 minutes, can be "
            f"deleted; this one is {analysis.status}."
        )


def analysis_require_completed(*, analysis: Analysis) -> dict:
    if analysis.status != AnalysisStatus.COMPLETED or analysis.result is None:
        raise AnalysisNotCompleted(
            f"Only completed analyses can be exported; this one is {analysis.status} "
            f"({analysis.progress}%)."
        )
    return analysis.result


def _enqueue_after_commit(analysis: Analysis) -> None:
    transaction.on_commit(lambda: enqueue(run_analysis, str(analysis.pk)))
