"""Analysis jobs: start, run step by step with persisted progress, retry, delete."""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.db.utils import InterfaceError, OperationalError
from django.utils import timezone

from core.background import enqueue
from core.errors import DomainError
from resumes.analysis import analyse_resume
from resumes.errors import AnalysisNotCompleted, AnalysisNotDeletable, AnalysisNotRetryable
from resumes.job_targets import job_target_dump, job_target_load
from resumes.models import FINISHED_STATUSES, Analysis, AnalysisStatus, Resume
from resumes.parsing import parse_resume
from resumes.progress import progress_publish
from resumes.services.resumes import resume_extract

logger = logging.getLogger(__name__)

# Errors worth another attempt: the database or the broker blinked, not the input is bad.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)

STEPS = {
    AnalysisStatus.EXTRACTING_TEXT: (10, "Extracting text from the resume"),
    AnalysisStatus.PARSING: (30, "Parsing sections, experience and skills"),
    AnalysisStatus.GENERATING_EMBEDDINGS: (50, "Comparing the resume with the job"),
    AnalysisStatus.ANALYZING: (70, "Scoring and writing recommendations"),
}
# An unfinished analysis with no progress for this long lost its worker (a process stopped
# mid-job): it may be retried or deleted like a failed one.
STALE_AFTER = timedelta(minutes=15)
UNEXPECTED_FAILURE = (
    "The analysis stopped on an unexpected error. Retry it; if it fails again, contact support."
)


class AnalysisDeleted(Exception):
    """The analysis (or its resume) was deleted while it ran."""


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
    from resumes.tasks import run_analysis

    transaction.on_commit(lambda: enqueue(run_analysis, str(analysis.pk)))


def analysis_run(*, analysis_id: str) -> None:
    """Run a queued analysis through every step; a deleted or already claimed one is skipped."""
    claimed = Analysis.objects.filter(pk=analysis_id, status=AnalysisStatus.QUEUED).update(
        status=AnalysisStatus.EXTRACTING_TEXT,
        progress=STEPS[AnalysisStatus.EXTRACTING_TEXT][0],
        current_step=STEPS[AnalysisStatus.EXTRACTING_TEXT][1],
        attempts=F("attempts") + 1,
        started_at=timezone.now(),
        updated_at=timezone.now(),
    )
    if not claimed:
        return
    analysis = Analysis.objects.select_related("resume").get(pk=analysis_id)
    progress_publish(analysis)
    try:
        _run_steps(analysis)
    except AnalysisDeleted:
        return
    except DomainError as exc:
        _fail(analysis, str(exc.detail))
    except TRANSIENT_ERRORS:
        _requeue(analysis)
        raise
    except Exception:
        logger.exception("Analysis %s failed", analysis_id)
        _fail(analysis, UNEXPECTED_FAILURE)


def _run_steps(analysis: Analysis) -> None:
    resume = analysis.resume
    if not resume.text:
        resume = resume_extract(resume=resume)
    _advance(analysis, AnalysisStatus.PARSING)
    profile = parse_resume(resume.text)
    _advance(analysis, AnalysisStatus.GENERATING_EMBEDDINGS)
    job = job_target_load(analysis.job_target)
    _advance(analysis, AnalysisStatus.ANALYZING)
    result = analyse_resume(resume.text, profile, job)
    _complete(analysis, result)


def _advance(analysis: Analysis, status: str) -> None:
    """Record the step in the database first, then tell the listeners."""
    progress, step = STEPS[status]
    updated = Analysis.objects.filter(pk=analysis.pk).update(
        status=status, progress=progress, current_step=step, updated_at=timezone.now()
    )
    if not updated:
        raise AnalysisDeleted()
    analysis.status, analysis.progress, analysis.current_step = status, progress, step
    progress_publish(analysis)


def _complete(analysis: Analysis, result: dict) -> None:
    now = timezone.now()
    completed = {
        "status": AnalysisStatus.COMPLETED,
        "progress": 100,
        "current_step": "Analysis complete",
        "result": result,
        "overall_score": result["ats_score"]["overall"],
        "engine": result["engine"]["engine"],
        "completed_at": now,
    }
    with transaction.atomic():
        if not Analysis.objects.filter(pk=analysis.pk).update(**completed, updated_at=now):
            raise AnalysisDeleted()
        Resume.objects.filter(pk=analysis.resume_id).update(
            last_score=completed["overall_score"],
            last_analyzed_at=now,
            parsed_data=result["profile"],
            updated_at=now,
        )
    for field, value in completed.items():
        setattr(analysis, field, value)
    progress_publish(analysis)


def _fail(analysis: Analysis, message: str) -> None:
    updated = Analysis.objects.filter(pk=analysis.pk).update(
        status=AnalysisStatus.FAILED,
        error_message=message,
        completed_at=timezone.now(),
        updated_at=timezone.now(),
    )
    if updated:
        analysis.status, analysis.error_message = AnalysisStatus.FAILED, message
        progress_publish(analysis)


def _requeue(analysis: Analysis) -> None:
    """Back to the queue before a retry, so the next attempt can claim it again."""
    Analysis.objects.filter(pk=analysis.pk).update(
        status=AnalysisStatus.QUEUED, current_step="Waiting to retry", updated_at=timezone.now()
    )


def analysis_give_up(*, analysis_id: str, reason: str) -> None:
    """After the last retry of a transient error: fail with a message the user can act on."""
    analysis = Analysis.objects.filter(pk=analysis_id).first()
    if analysis is not None:
        _fail(analysis, reason)
