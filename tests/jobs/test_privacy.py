"""A user's jobs in the privacy export and erasure: saved jobs go, postings stay ownerless."""

import pytest

from accounts.services import account_delete
from gdpr.registry import registry
from jobs.models import Job, SavedJob
from tests.jobs.factories import JobFactory, SavedJobFactory

pytestmark = pytest.mark.django_db


def test_the_export_holds_saved_and_posted_jobs(candidate, recruiter):
    posted = JobFactory(owner=recruiter, title="Backend Engineer")
    SavedJobFactory(user=candidate, job=posted)
    SavedJobFactory(user=recruiter, job=JobFactory(title="Someone else's"))
    candidate_export = registry.export_user(candidate)
    recruiter_export = registry.export_user(recruiter)
    assert [item["title"] for item in candidate_export["saved_jobs"]] == ["Backend Engineer"]
    assert candidate_export["posted_jobs"] == []
    posted_export = recruiter_export["posted_jobs"]
    assert [item["id"] for item in posted_export] == [posted.pk]
    assert posted_export[0]["job_link"] == posted.share_path


def test_erasure_deletes_saved_jobs_and_keeps_postings_without_owner(candidate, recruiter):
    posting = JobFactory(owner=recruiter)
    SavedJobFactory(user=candidate, job=posting)
    SavedJobFactory(user=recruiter, job=posting)
    account_delete(user=recruiter)
    posting.refresh_from_db()
    assert posting.owner is None
    assert list(SavedJob.objects.values_list("user", flat=True)) == [candidate.pk]
    registry.erase_user(candidate)
    assert not SavedJob.objects.exists()
    assert Job.objects.filter(pk=posting.pk).exists()


def test_an_ownerless_posting_still_reads_through_the_api(api_client, recruiter):
    posting = JobFactory(owner=recruiter)
    account_delete(user=recruiter)
    body = api_client.get(f"/api/v1/jobs/{posting.pk}").json()
    assert body["owner"] is None
