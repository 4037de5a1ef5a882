"""Candidates for recruiters: the filtered list of their applicants, and one job's applicants
ranked by fit now.

Skills filter: an applicant's own skills live in the encrypted resume profile, so SQL cannot
read them. The list filters on the application's `fit` JSON instead (plain; written at apply
time by ats.services.applications.application_fit and refreshed by the ranking):
`fit["matched_skills"]` holds the job's skills the applicant has, under their canonical
names. A skill filter therefore means "has this skill of the job's", compared without regard
to case, and a skill the job does not list matches no one. The name search (`q`) reads
decrypted names in Python, so it needs a `job_id` to stay bounded to one job's applicants.

Reviewing: the job's owner and admins manage an application (move it, read the applicant's
contact details). Domain experts may read and score any application, as the reviewers
recruiters call in, but see no contact details of applicants to jobs not theirs. Recruiters
reach only their own jobs' applicants: anything else is a 404.
"""

import json
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet

from accounts.models import Role
from ai.skills import canonical
from ats.errors import ApplicationNotFound, CandidateSearchNeedsJob
from ats.models import Application, StageChange
from ats.selectors import applications_managed_by, job_get_managed
from ats.services.applications import application_fit, fit_basis
from ats.stages import recruiter_next_stages
from jobs.models import Job
from resumes.models import Analysis, AnalysisStatus, Resume


def _skill_condition(name: str) -> Q:
    """fit["matched_skills"] names the skill: its JSON text (`"Python"`) inside the array's
    text, ignoring case. Works on PostgreSQL and SQLite alike, on the plain JSON column."""
    wanted = canonical(name) or name
    return Q(fit__matched_skills__icontains=json.dumps(wanted, ensure_ascii=False))


def candidates_for_recruiter(
    *,
    user,
    job_id: int | None = None,
    stages: tuple[str, ...] | list[str] = (),
    skills: tuple[str, ...] | list[str] = (),
    min_score: int | None = None,
    q: str = "",
) -> QuerySet[Application]:
    """The applicants to the user's jobs (all for an admin), best fit first, then earliest.

    Each skill in `skills` must be among the job's skills the applicant has (see the module
    docstring); `q` matches the applicant's name and needs `job_id`.
    """
    applications = applications_managed_by(user=user)
    if job_id is not None:
        applications = applications.filter(job_id=job_id)
    if stages:
        applications = applications.filter(stage__in=list(stages))
    for name in skills:
        applications = applications.filter(_skill_condition(name))
    if min_score is not None:
        applications = applications.filter(fit_score__gte=min_score)
    query = " ".join(q.split()).casefold()
    if query:
        if job_id is None:
            raise CandidateSearchNeedsJob()
        applications = applications.filter(pk__in=_named(applications, query))
    return applications.order_by(F("fit_score").desc(nulls_last=True), "created_at", "pk")


def _named(applications: QuerySet, query: str) -> list:
    """Ids of the applications whose (decrypted) applicant name contains `query`."""
    rows = applications.order_by().values_list("pk", "applicant_name")
    return [pk for pk, name in rows if query in " ".join((name or "").split()).casefold()]


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


# Reviewers who may score any application; recruiters score their own jobs' applicants.
REVIEWS_ALL = (Role.DOMAIN_EXPERT, Role.ADMIN)


def application_may_review(*, user, application: Application) -> bool:
    if not (user.is_authenticated and user.has_role(Role.RECRUITER)):
        return False
    return user.role in REVIEWS_ALL or application.job.owner_id == user.pk


def applications_for_review(*, user):
    """Applications the user may read and score: all for domain experts and admins, the
    user's own jobs' for a recruiter, none for anyone else."""
    applications = Application.objects.select_related("job", "candidate", "resume")
    if user.role in REVIEWS_ALL:
        return applications
    if user.has_role(Role.RECRUITER):
        return applications.filter(job__owner=user)
    return applications.none()


def application_get_for_review(*, user, application_id) -> Application:
    """An application the user may review (see applications_for_review); 404 otherwise."""
    application = applications_for_review(user=user).filter(pk=application_id).first()
    if application is None:
        raise ApplicationNotFound()
    return application


def application_is_managed_by(*, user, application: Application) -> bool:
    """Whether the user manages the application (moves it, sees the applicant's contact)."""
    return user.role == Role.ADMIN or application.job.owner_id == user.pk


def _resume_summary(profile: dict | None) -> dict | None:
    """Skills, years, experience titles and education from a parsed resume profile."""
    if not profile:
        return None
    skills = profile.get("skills") or {}
    return {
        "skills": {group: list(names) for group, names in skills.items() if names},
        "total_experience_years": profile.get("total_experience_years"),
        "experience": [
            {"title": item.get("title") or "", "company": item.get("company") or ""}
            for item in profile.get("experience") or []
        ],
        "education": [
            {
                "degree": item.get("degree") or "",
                "field": item.get("field") or "",
                "institution": item.get("institution") or "",
            }
            for item in profile.get("education") or []
        ],
    }


def _latest_analysis(application: Application) -> dict | None:
    """The newest completed analysis of the applicant's stored resume: its overall score and
    skill match (None for anonymous applicants and resumes never analysed)."""
    if application.resume_id is None:
        return None
    analysis = (
        Analysis.objects.filter(resume_id=application.resume_id, status=AnalysisStatus.COMPLETED)
        .order_by(F("completed_at").desc(nulls_last=True), "-created_at")
        .first()
    )
    if analysis is None:
        return None
    match = (analysis.result or {}).get("skill_match_analysis") or None
    return {
        "id": analysis.pk,
        "overall_score": analysis.overall_score,
        "job_title": analysis.job_title,
        "completed_at": analysis.completed_at,
        "skill_match": None
        if match is None
        else {
            "match_percentage": match.get("match_percentage"),
            "matched_skills": match.get("matched_skills") or [],
            "missing_required_skills": match.get("missing_required_skills") or [],
        },
    }


def application_history(application: Application) -> list[StageChange]:
    return list(application.history.select_related("actor").order_by("created_at", "id"))


def candidate_detail(*, user, application_id) -> dict:
    """Everything the candidate page and API show about one application, for a reviewer.

    Contact details and the allowed moves only for those who manage the application.
    """
    # Imported here: the scorecard service imports this module for its permission check.
    from ats.services.scorecards import scorecards_of, scorecards_summary

    application = application_get_for_review(user=user, application_id=application_id)
    manages = application_is_managed_by(user=user, application=application)
    profile = (
        application.resume.parsed_data
        if application.resume_id is not None
        else application.resume_profile
    )
    scorecards = scorecards_of(application)
    return {
        "application": application,
        "manages": manages,
        "applicant": {
            "name": application.applicant_name,
            "email": application.applicant_email if manages else None,
            "phone": (application.applicant_phone or None) if manages else None,
            "candidate_id": application.candidate_id,
            "anonymous": application.candidate_id is None,
        },
        "allowed_next_stages": list(recruiter_next_stages(application.stage)) if manages else [],
        "resume_summary": _resume_summary(profile),
        "latest_analysis": _latest_analysis(application),
        "history": application_history(application),
        "scorecards": scorecards,
        "scorecards_summary": scorecards_summary(application, scorecards),
        "own_scorecard": next((card for card in scorecards if card.author_id == user.pk), None),
    }
