"""Saved jobs: saving and unsaving are idempotent, and the list is the caller's own."""

import pytest

from jobs.models import JobStatus, SavedJob
from jobs.services.saved import job_save, job_unsave
from tests.conftest import client_for
from tests.jobs.factories import JobFactory, SavedJobFactory

pytestmark = pytest.mark.django_db


def test_saving_twice_keeps_one_saved_job(candidate, candidate_client):
    job = JobFactory()
    first = candidate_client.post(f"/api/v1/jobs/{job.pk}/save")
    again = candidate_client.post(f"/api/v1/jobs/{job.pk}/save")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["saved_at"] == again.json()["saved_at"]
    assert first.json()["job"]["id"] == job.pk and first.json()["job"]["is_saved"] is True
    assert SavedJob.objects.filter(user=candidate).count() == 1


def test_unsaving_is_idempotent(candidate, candidate_client):
    job = JobFactory()
    SavedJobFactory(user=candidate, job=job)
    assert candidate_client.delete(f"/api/v1/jobs/{job.pk}/save").status_code == 204
    assert candidate_client.delete(f"/api/v1/jobs/{job.pk}/save").status_code == 204
    assert not SavedJob.objects.filter(user=candidate).exists()


def test_a_saved_job_can_be_unsaved_after_it_closed(candidate, candidate_client):
    job = JobFactory()
    SavedJobFactory(user=candidate, job=job)
    job.status = JobStatus.CLOSED
    job.save(update_fields=["status"])
    assert candidate_client.delete(f"/api/v1/jobs/{job.pk}/save").status_code == 204
    assert not SavedJob.objects.exists()


def test_the_saved_list_is_newest_first_and_keeps_closed_jobs(candidate, candidate_client):
    older, newer, closed = JobFactory(), JobFactory(), JobFactory()
    for job in (older, closed, newer):
        candidate_client.post(f"/api/v1/jobs/{job.pk}/save")
    closed.status = JobStatus.CLOSED
    closed.save(update_fields=["status"])
    body = candidate_client.get("/api/v1/jobs/saved").json()
    assert [item["job"]["id"] for item in body["items"]] == [newer.pk, closed.pk, older.pk]
    assert body["items"][1]["job"]["status"] == "closed"
    assert body["total"] == 3 and all(item["job"]["is_saved"] for item in body["items"])


def test_a_job_turned_back_into_a_draft_leaves_the_saved_list(candidate, candidate_client):
    job = JobFactory()
    SavedJobFactory(user=candidate, job=job)
    job.status = JobStatus.DRAFT
    job.save(update_fields=["status"])
    assert candidate_client.get("/api/v1/jobs/saved").json()["items"] == []
    assert client_for(job.owner).post(f"/api/v1/jobs/{job.pk}/save").status_code == 201
    assert len(client_for(job.owner).get("/api/v1/jobs/saved").json()["items"]) == 1


def test_the_saved_list_costs_the_same_queries_for_any_page_size(
    candidate, candidate_client, django_assert_max_num_queries
):
    for job in JobFactory.create_batch(25):
        SavedJobFactory(user=candidate, job=job)
    # user, count, page with jobs and owners
    with django_assert_max_num_queries(3):
        response = candidate_client.get("/api/v1/jobs/saved?page_size=25")
    assert len(response.json()["items"]) == 25


def test_job_save_and_unsave_services_are_idempotent(candidate):
    job = JobFactory()
    saved, created = job_save(user=candidate, job=job)
    again, created_again = job_save(user=candidate, job=job)
    assert (created, created_again) == (True, False) and saved.pk == again.pk
    job_unsave(user=candidate, job=job)
    job_unsave(user=candidate, job=job)
    assert not SavedJob.objects.exists()
