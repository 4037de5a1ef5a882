"""Analysis jobs as the user handles them: start, retry, delete, export.

The worker side (running the steps) is `resumes.services.analysis_runs`, called by the task.
"""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core import durable
from core.errors import QueueUnavailable
from resumes.errors import AnalysisNotCompleted, AnalysisNotDeletable, AnalysisNotRetryable
from resumes.job_targets import job_target_dump
from resumes.models import ANALYSIS_JOBS, FINISHED_STATUSES, Analysis, AnalysisStatus, Resume
from resumes.progress import progress_publish
from resumes.services.analysis_runs import analysis_give_up


def analysis_start(*, owner, resume: Resume, job=None, job_posting_id=None) -> Analysis:
    """Queue an analysis of `resume` (optionally against a JobTarget); it runs after commit.

    With the broker down the analysis is withdrawn and QueueUnavailable (503) raised, so a
    client that sends the same request again gets exactly one analysis.
    """
    with transaction.atomic():
        analysis = Analysis.objects.create(
            owner=owner,
            resume=resume,
            job_posting_id=job_posting_id,
            job_title=(job.title or "") if job else "",
            job_target=job_target_dump(job),
            current_step="Waiting for a worker",
        )
        transaction.on_commit(lambda: _send_or_withdraw(analysis))
    return analysis


def _send_or_withdraw(analysis: Analysis) -> None:
    try:
        durable.send(ANALYSIS_JOBS, analysis.pk)
    except QueueUnavailable:
        Analysis.objects.filter(pk=analysis.pk, status=AnalysisStatus.QUEUED).delete()
        raise


def _stalled() -> Q:
    return durable.stalled(ANALYSIS_JOBS)


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
            attempts=0,
            updated_at=timezone.now(),
        )
        if not reset:
            analysis.refresh_from_db(fields=["status"])
            raise AnalysisNotRetryable(
                "Only failed analyses, or ones without progress for "
                f"{durable.stale_after_words()}, can be retried; this one is {analysis.status}."
            )
        analysis.refresh_from_db()
        transaction.on_commit(lambda: _send_or_fail(analysis))
    progress_publish(analysis)
    return analysis


def _send_or_fail(analysis: Analysis) -> None:
    """A retry the broker cannot take stays failed, retryable, and says why."""
    try:
        durable.send(ANALYSIS_JOBS, analysis.pk)
    except QueueUnavailable as exc:
        analysis_give_up(analysis_id=str(analysis.pk), reason=exc.detail)
        raise


def analysis_delete(*, analysis: Analysis) -> None:
    """Delete a finished (or stalled) analysis; one still queued or running is a 400."""
    deletable = Q(status__in=FINISHED_STATUSES) | _stalled()
    deleted, _ = Analysis.objects.filter(deletable, pk=analysis.pk).delete()
    if not deleted:
        analysis.refresh_from_db(fields=["status"])
        raise AnalysisNotDeletable(
            "Only finished analyses, or ones without progress for "
            f"{durable.stale_after_words()}, can be deleted; this one is {analysis.status}."
        )


def analysis_require_completed(*, analysis: Analysis) -> dict:
    if analysis.status != AnalysisStatus.COMPLETED or analysis.result is None:
        raise AnalysisNotCompleted(
            f"Only completed analyses can be exported; this one is {analysis.status} "
            f"({analysis.progress}%)."
        )
    return analysis.result
