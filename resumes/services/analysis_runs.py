"""Running an analysis, in the worker: each step recorded in the database, then published.

A deleted analysis stops quietly; a domain error fails it with its message; a transient
error (the database or the broker blinked) puts it back in the queue for the task to retry.
"""

import logging

from django.db import transaction
from django.utils import timezone

from core import durable
from core.consent import acting_for
from core.errors import DomainError
from resumes.analysis import analyse_resume
from resumes.job_targets import job_target_load
from resumes.models import ANALYSIS_JOBS, Analysis, AnalysisStatus, Resume
from resumes.parsing import parse_resume
from resumes.progress import progress_publish
from resumes.services.resumes import resume_extract

logger = logging.getLogger(__name__)

# Worth another attempt: the database, Redis or the network blinked; the input is fine.
TRANSIENT_ERRORS = durable.TRANSIENT_ERRORS

STEPS = {
    AnalysisStatus.EXTRACTING_TEXT: (10, "Extracting text from the resume"),
    AnalysisStatus.PARSING: (30, "Parsing sections, experience and skills"),
    AnalysisStatus.GENERATING_EMBEDDINGS: (50, "Comparing the resume with the job"),
    AnalysisStatus.ANALYZING: (70, "Scoring and writing recommendations"),
}
UNEXPECTED_FAILURE = (
    "The analysis stopped on an unexpected error. Retry it; if it fails again, contact support."
)


class AnalysisDeleted(Exception):
    """The analysis (or its resume) was deleted while it ran."""


def analysis_run(*, analysis_id: str) -> None:
    """Run a queued analysis (or one whose worker died) through every step; a deleted one,
    or one another worker holds, is skipped."""
    claimed = durable.claim(
        ANALYSIS_JOBS,
        analysis_id,
        status=AnalysisStatus.EXTRACTING_TEXT,
        progress=STEPS[AnalysisStatus.EXTRACTING_TEXT][0],
        current_step=STEPS[AnalysisStatus.EXTRACTING_TEXT][1],
        started_at=timezone.now(),
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
    with acting_for(resume.owner_id):  # the owner's consent decides which AI engine runs
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
