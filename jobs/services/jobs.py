"""Job postings: create, change, open and close, delete; every write bumps jobs_version."""

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from accounts.models import Role
from core.errors import ConflictError
from gdpr.audit import audit_record
from gdpr.models import AuditAction
from jobs.derived import jobs_derive
from jobs.errors import JobExpired, JobHasApplications, NotJobOwner
from jobs.freshness import jobs_changed
from jobs.models import Job, JobStatus
from jobs.selectors import job_may_change
from jobs.signals import job_content_changed

SKILL_FIELDS = ("required_skills", "preferred_skills")
# What jobs_derive may change, saved with whatever the caller changed.
DERIVED_FIELDS = (
    *SKILL_FIELDS, "skill_keys", "skills_edited", "short_code", "vector", "vector_backend",
)  # fmt: skip
# A write-serializer flag, not a field: take the skills from the description again.
SKILLS_FROM_DESCRIPTION = "skills_from_description"


def _require_owner(*, job: Job, user) -> None:
    if not job_may_change(user=user, job=job):
        raise NotJobOwner()


def _check_may_open(job: Job) -> None:
    if job.end_date is not None and job.end_date <= timezone.now():
        raise JobExpired()


@transaction.atomic
def job_create(*, owner, data: dict) -> Job:
    """A new posting by `owner`; skills come from the description unless given."""
    data = dict(data)
    data.pop(SKILLS_FROM_DESCRIPTION, None)
    skills_given = any(name in data for name in SKILL_FIELDS)
    data["skills_edited"] = data.get("skills_edited", skills_given)
    job = Job(owner=owner, **data)
    if job.status == JobStatus.OPEN:
        _check_may_open(job)
        job.posted_at = timezone.now()
    jobs_derive([job], extract_skills=not skills_given)
    job.save()
    jobs_changed()
    return job


@transaction.atomic
def job_update(*, job: Job, user, data: dict) -> Job:
    """Change the fields in `data` (owner or admin); a new status goes through job_set_status.

    Skills given by hand stay until asked to be read from the description again; a new
    description re-reads them only while they were never edited.
    """
    _require_owner(job=job, user=user)
    data = dict(data)
    status = data.pop("status", None)
    edited_before = job.skills_edited
    extract = _skills_rule(job, data)
    changed = {name: value for name, value in data.items() if getattr(job, name) != value}
    if changed or extract or job.skills_edited != edited_before:
        for name, value in changed.items():
            setattr(job, name, value)
        jobs_derive([job], extract_skills=extract)
        job.save(update_fields=[*changed, *DERIVED_FIELDS, "updated_at"])
        jobs_changed()
        job_content_changed.send(sender=Job, job=job)
    if status is not None and status != job.status:
        job = job_set_status(job=job, user=user, status=status)
    return job


def _skills_rule(job: Job, data: dict) -> bool:
    """Set skills_edited from `data` (in place on the job); True when skills are re-read."""
    if data.pop(SKILLS_FROM_DESCRIPTION, False):
        for name in SKILL_FIELDS:
            data.pop(name, None)
        job.skills_edited = False
        return True
    if any(name in data for name in SKILL_FIELDS):
        job.skills_edited = True
        return False
    new_description = data.get("description", job.description) != job.description
    return new_description and not job.skills_edited


@transaction.atomic
def job_set_status(*, job: Job, user, status: str) -> Job:
    """Open, close or return a job to draft; it is posted the first time it opens."""
    _require_owner(job=job, user=user)
    if status == job.status:
        return job
    now = timezone.now()
    fields = {"status": status, "updated_at": now}
    if status == JobStatus.OPEN:
        _check_may_open(job)
        if job.posted_at is None:
            fields["posted_at"] = now
    # Only from the state this caller saw: two people closing and reopening at once conflict.
    if not Job.objects.filter(pk=job.pk, status=job.status).update(**fields):
        raise ConflictError("The job changed meanwhile. Reload it and try again.")
    for name, value in fields.items():
        setattr(job, name, value)
    jobs_changed()
    return job


@transaction.atomic
def job_delete(*, job: Job, user) -> None:
    """Delete a posting (owner or admin); an admin deleting another's job is audited."""
    _require_owner(job=job, user=user)
    if user.role == Role.ADMIN and job.owner_id != user.pk:
        audit_record(
            action=AuditAction.JOB_DELETED,
            actor=user,
            target=job,
            metadata={"status": job.status, "source": job.source},
        )
    try:
        with transaction.atomic():
            job.delete()
    except ProtectedError as exc:  # applications (ats) keep their job: close it instead
        raise JobHasApplications() from exc
    jobs_changed()


@transaction.atomic
def jobs_close_expired() -> int:
    """Close open jobs whose end date has passed; returns how many closed."""
    now = timezone.now()
    closed = Job.objects.filter(status=JobStatus.OPEN, end_date__lte=now).update(
        status=JobStatus.CLOSED, updated_at=now
    )
    if closed:
        jobs_changed()
    return closed
