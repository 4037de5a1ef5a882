"""Job services: the rules every entry point (API, pages, admin, import) relies on."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from core.errors import ConflictError
from gdpr.models import AuditLogEntry
from jobs.errors import JobExpired, NotJobOwner
from jobs.freshness import jobs_version
from jobs.models import Job, JobStatus
from jobs.services.jobs import (
    job_create,
    job_delete,
    job_set_status,
    job_update,
    jobs_close_expired,
)
from tests.accounts.factories import AdminFactory, RecruiterFactory
from tests.jobs.factories import BACKEND_DESCRIPTION, JobFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run each service's after-commit work (the jobs_version bump) as it would in production."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_creating_a_job_fills_its_derived_fields(recruiter):
    data = {"title": "API Engineer", "description": BACKEND_DESCRIPTION}
    job = job_create(owner=recruiter, data=data)
    assert job.pk and job.short_code and job.vector and job.vector_backend
    assert "python" in job.skill_keys
    assert job.posted_at is not None


def test_every_write_changes_the_jobs_version(recruiter, on_commit):
    cache.clear()
    seen = [jobs_version()]
    data = {"title": "API Engineer", "description": BACKEND_DESCRIPTION}
    with on_commit():
        job = job_create(owner=recruiter, data=data)
    seen.append(jobs_version())
    with on_commit():
        job_update(job=job, user=recruiter, data={"title": "Platform Engineer"})
    seen.append(jobs_version())
    with on_commit():
        job_set_status(job=job, user=recruiter, status=JobStatus.CLOSED)
    seen.append(jobs_version())
    with on_commit():
        job_delete(job=job, user=recruiter)
    seen.append(jobs_version())
    assert len(set(seen)) == len(seen)


def test_an_unchanged_update_writes_nothing(recruiter, on_commit):
    job = JobFactory(owner=recruiter)
    before, version = job.updated_at, jobs_version()
    with on_commit():
        job_update(job=job, user=recruiter, data={"title": job.title})
    job.refresh_from_db()
    assert job.updated_at == before and jobs_version() == version


def test_a_new_title_recomputes_the_vector_but_keeps_the_skills(recruiter):
    job = JobFactory(owner=recruiter)
    vector, skills = bytes(job.vector), list(job.required_skills)
    job_update(job=job, user=recruiter, data={"title": "Payments Platform Lead"})
    job.refresh_from_db()
    assert bytes(job.vector) != vector and job.required_skills == skills


def test_only_the_owner_or_an_admin_changes_a_job(recruiter):
    job = JobFactory(owner=recruiter)
    outsider = RecruiterFactory()
    for action in (
        lambda: job_update(job=job, user=outsider, data={"title": "Mine now"}),
        lambda: job_set_status(job=job, user=outsider, status=JobStatus.CLOSED),
        lambda: job_delete(job=job, user=outsider),
    ):
        with pytest.raises(NotJobOwner):
            action()
    job_update(job=job, user=AdminFactory(), data={"title": "Renamed by admin"})
    assert Job.objects.get(pk=job.pk).title == "Renamed by admin"


def test_a_status_change_from_a_stale_copy_conflicts(recruiter):
    job = JobFactory(owner=recruiter)
    stale = Job.objects.get(pk=job.pk)
    job_set_status(job=job, user=recruiter, status=JobStatus.CLOSED)
    with pytest.raises(ConflictError):
        job_set_status(job=stale, user=recruiter, status=JobStatus.DRAFT)
    assert Job.objects.get(pk=job.pk).status == JobStatus.CLOSED


def test_a_job_past_its_end_date_cannot_open(recruiter):
    job = JobFactory(
        owner=recruiter, status=JobStatus.DRAFT, end_date=timezone.now() - timedelta(days=1)
    )
    with pytest.raises(JobExpired):
        job_set_status(job=job, user=recruiter, status=JobStatus.OPEN)


def test_an_admin_deleting_someone_elses_job_is_audited(recruiter):
    admin = AdminFactory()
    own = JobFactory(owner=admin)
    theirs = JobFactory(owner=recruiter)
    job_delete(job=own, user=admin)
    job_delete(job=theirs, user=recruiter)
    assert not AuditLogEntry.objects.exists()
    job_id = JobFactory(owner=recruiter).pk
    job_delete(job=Job.objects.get(pk=job_id), user=admin)
    entry = AuditLogEntry.objects.get()
    assert (entry.action, entry.actor, entry.object_type, entry.object_id) == (
        "job.deleted",
        admin,
        "jobs.job",
        str(job_id),
    )


def test_closing_expired_jobs_closes_only_open_jobs_past_their_end_date():
    past, future = timezone.now() - timedelta(hours=1), timezone.now() + timedelta(days=1)
    expired = JobFactory(end_date=past)
    running = JobFactory(end_date=future)
    endless = JobFactory()
    draft = JobFactory(status=JobStatus.DRAFT, end_date=past)
    assert jobs_close_expired() == 1
    statuses = dict(Job.objects.values_list("pk", "status"))
    assert statuses == {
        expired.pk: JobStatus.CLOSED,
        running.pk: JobStatus.OPEN,
        endless.pk: JobStatus.OPEN,
        draft.pk: JobStatus.DRAFT,
    }
    assert jobs_close_expired() == 0
