"""Who sees which applications: the candidate their own, a recruiter those to their jobs."""

from django.db.models import F, Prefetch, Q, QuerySet

from accounts.models import Role
from ats.errors import ApplicationNotFound
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
    (say, before they signed up); None when they have not applied."""
    if user is None or not user.is_authenticated:
        return None
    condition = Q(candidate=user) | Q(email_key=email_key(user.email))
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
