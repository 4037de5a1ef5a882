"""The applicants to one job ranked by their fit now: stored fits that went stale (an edited
posting, a re-parsed resume) are recomputed and written back."""

from dataclasses import dataclass

from ats.models import Application
from ats.selectors import applications_managed_by, job_get_managed
from ats.services.applications import application_fit, fit_basis
from jobs.models import Job
from resumes.models import Resume


def application_resume(application: Application) -> Resume | None:
    """The resume the application is scored on: the stored one, or for an anonymous
    applicant an unsaved Resume built from the uploaded file's text and profile."""
    if application.resume_id is not None:
        return application.resume
    if application.resume_text and application.resume_profile is not None:
        return Resume(text=application.resume_text, parsed_data=application.resume_profile)
    return None


@dataclass
class RankedCandidate:
    application: Application
    score: int | None  # None: no readable resume to score
    fit: dict | None  # as stored: breakdown, matched and missing skills, reasons


def candidates_ranked_for_job(*, user, job_id) -> tuple[Job, list[RankedCandidate]]:
    """The job's applicants ranked by their fit computed now, best first (unscorable last).

    Stored fit scores that changed since apply time (an edited posting, a re-parsed resume)
    are refreshed in one bulk update. A job the user does not own: 404.
    """
    job = job_get_managed(user=user, job_id=job_id)
    applications = list(
        applications_managed_by(user=user)
        .filter(job=job)
        .select_related("resume")
        .order_by("created_at", "pk")
    )
    ranked, changed = [], []
    for application in applications:
        score, fit = _fit_now(application, job)
        ranked.append(RankedCandidate(application=application, score=score, fit=fit))
        if score is not None and (application.fit_score != score or application.fit != fit):
            application.fit_score, application.fit = score, fit
            changed.append(application)
    if changed:
        Application.objects.bulk_update(changed, ["fit_score", "fit"])
    ranked.sort(key=lambda item: -1 if item.score is None else item.score, reverse=True)
    return job, ranked


RESCORE_CHUNK = 200


def job_applications_rescore(*, job_id: int) -> int:
    """Score again every application to the job whose stored fit is stale; how many changed.

    Runs in the background after the posting is edited (ats.receivers), in chunks so a job
    with thousands of applicants never holds them all in memory.
    """
    job = Job.objects.filter(pk=job_id).first()
    if job is None:
        return 0
    applications = (
        Application.objects.filter(job=job).select_related("resume").order_by("created_at", "pk")
    )
    changed = 0
    for start in range(0, applications.count(), RESCORE_CHUNK):
        stale = []
        for application in applications[start : start + RESCORE_CHUNK]:
            score, fit = _fit_now(application, job)
            if score is not None and (application.fit_score != score or application.fit != fit):
                application.fit_score, application.fit = score, fit
                stale.append(application)
        Application.objects.bulk_update(stale, ["fit_score", "fit"])
        changed += len(stale)
    return changed


def _fit_now(application: Application, job: Job) -> tuple[int | None, dict | None]:
    """The score and `fit` the application would get at apply time, computed now.

    Scoring costs about 2 ms per resume, so a stored fit computed from the same posting and
    resume versions is kept: a job with thousands of applicants ranks without rescoring.
    """
    resume = application_resume(application)
    if resume is None:
        return None, None
    stored = application.fit or {}
    if application.fit_score is not None and stored.get("basis") == fit_basis(
        resume=resume, job=job
    ):
        return application.fit_score, stored
    return application_fit(resume=resume, job=job)
