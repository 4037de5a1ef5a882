"""Who sees which applications: the candidate their own, a recruiter those to their jobs,
a reviewer those they may score; and the recruiters' filtered list of applicants.

Reviewing: the job's owner and admins manage an application (move it, read the applicant's
contact details). Domain experts may read and score any application, as the reviewers
recruiters call in, but see no contact details of applicants to jobs not theirs. Recruiters
reach only their own jobs' applicants: anything else is a 404.
"""

import json

from django.db.models import F, Prefetch, Q, QuerySet

from accounts.models import Role
from ai.skills import canonical
from ats.errors import ApplicationNotFound, CandidateSearchNeedsJob
from ats.identity import email_key
from ats.models import Application, StageChange
from jobs.errors import JobNotFound
from jobs.models import VECTOR_FIELDS, Job


def applications_managed_by(*, user) -> QuerySet[Application]:
    """Applications to the user's own jobs (every application for an admin)."""
    applications = Application.objects.select_related("job", "candidate")
    if user.role == Role.ADMIN:
        return applications
    return applications.filter(job__owner=user)


def applications_of_candidate(*, user) -> QuerySet[Application]:
    """The user's own applications, newest first."""
    return Application.objects.select_related("job").filter(candidate=user)


def applications_visible_to(*, user) -> QuerySet[Application]:
    if user.role == Role.ADMIN:
        return Application.objects.select_related("job", "candidate")
    return Application.objects.select_related("job", "candidate").filter(
        Q(job__owner=user) | Q(candidate=user)
    )


def application_get_managed(*, user, application_id) -> Application:
    """An application to one of the user's jobs; 404 for anything else, however it exists."""
    application = applications_managed_by(user=user).filter(pk=application_id).first()
    if application is None:
        raise ApplicationNotFound()
    return application


def application_get_visible(*, user, application_id) -> Application:
    application = applications_visible_to(user=user).filter(pk=application_id).first()
    if application is None:
        raise ApplicationNotFound()
    return application


LIST_SKIPS = (
    "applicant_phone",
    "cover_letter",
    "resume_text",
    "resume_profile",
    "fit",
    "job__description",
    *(f"job__{name}" for name in VECTOR_FIELDS),
)
# Best fit first; applications without a score last; equal scores first come, first served.
FIT_ORDER = (F("fit_score").desc(nulls_last=True), "created_at", "id")


def jobs_managed_by(*, user) -> QuerySet[Job]:
    """The recruiter's own jobs in every state; every job for an admin."""
    return Job.objects.all() if user.role == Role.ADMIN else Job.objects.filter(owner=user)


def job_get_managed(*, user, job_id: int) -> Job:
    """A job whose applicants the user manages; 404 job_not_found for anyone else, even when
    the job itself is public."""
    job = jobs_managed_by(user=user).defer(*VECTOR_FIELDS).filter(pk=job_id).first()
    if job is None:
        raise JobNotFound()
    return job


def job_applications(*, job: Job, stage: str = "") -> QuerySet[Application]:
    """A job's applications for its recruiter: best fit first."""
    applications = Application.objects.filter(job=job).select_related("job")
    if stage:
        applications = applications.filter(stage=stage)
    return applications.defer(*LIST_SKIPS).order_by(*FIT_ORDER)


def applications_for_list(
    *, user, as_role: str, stage: str = "", job_id: int | None = None
) -> QuerySet[Application]:
    """The candidate's own applications (newest first), or those to the recruiter's jobs."""
    if as_role == "recruiter":
        applications = applications_managed_by(user=user)
    else:
        applications = applications_of_candidate(user=user)
    if stage:
        applications = applications.filter(stage=stage)
    if job_id is not None:
        applications = applications.filter(job_id=job_id)
    # The rows show the job, not the candidate's account (whose phone would be decrypted).
    applications = applications.select_related(None).select_related("job")
    return applications.defer(*LIST_SKIPS).order_by("-created_at", "-id")


def application_of_user_for_job(*, user, job: Job) -> Application | None:
    """The user's application to the job: theirs by account, else one sent with their email
    (say, before they signed up) once that email is verified; None when they have not applied.
    """
    if user is None or not user.is_authenticated:
        return None
    condition = Q(candidate=user)
    if user.email_verified:
        condition |= Q(email_key=email_key(user.email))
    found = list(Application.objects.filter(condition, job=job).only("id", "stage", "candidate_id"))
    found.sort(key=lambda application: application.candidate_id != user.pk)
    return found[0] if found else None


def application_get_own(*, user, application_id) -> Application:
    """The candidate's own application with its history; 404 for anyone else's."""
    history = StageChange.objects.order_by("created_at", "id")
    application = (
        applications_of_candidate(user=user)
        .select_related("resume")
        .defer("resume__text", "resume__parsed_data")
        .prefetch_related(Prefetch("history", queryset=history))
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        raise ApplicationNotFound()
    return application


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

    An applicant's own skills live in the encrypted resume profile, which SQL cannot read, so
    the skill filter reads the application's plain `fit` JSON: `fit["matched_skills"]` holds
    the job's skills the applicant has (written at apply time, refreshed by the ranking).
    Each skill in `skills` must be among them, ignoring case; a skill the job does not list
    matches no one. `q` matches the decrypted applicant name in Python, so it needs `job_id`
    to stay bounded to one job's applicants.
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
