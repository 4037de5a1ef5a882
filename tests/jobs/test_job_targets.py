"""Analyses and cover letters aimed at a posting by its id (the resolver jobs registers)."""

import pytest

from jobs.models import JobStatus
from resumes.models import Analysis
from tests.jobs.factories import JobFactory
from tests.resumes.factories import ResumeFactory

pytestmark = pytest.mark.django_db


def test_an_analysis_for_an_open_posting_is_measured_against_that_posting(
    candidate, candidate_client, django_capture_on_commit_callbacks
):
    job = JobFactory(title="Senior Backend Engineer", company="Acme Payments")
    resume = ResumeFactory(owner=candidate)
    with django_capture_on_commit_callbacks(execute=True):
        response = candidate_client.post(
            "/api/v1/analyses", {"resume_id": str(resume.pk), "job_id": job.pk}, format="json"
        )
    assert response.status_code == 202
    analysis = Analysis.objects.get(pk=response.json()["job_id"])
    assert analysis.job_posting_id == job.pk
    assert analysis.job_title == "Senior Backend Engineer"
    match = analysis.result["skill_match_analysis"]
    assert match["total_required_skills"] == len(job.required_skills)
    assert "AWS" in match["missing_required_skills"]


@pytest.mark.parametrize("status", [JobStatus.DRAFT, JobStatus.CLOSED])
def test_another_recruiters_unpublished_posting_is_not_found(candidate, candidate_client, status):
    job = JobFactory(status=status)
    resume = ResumeFactory(owner=candidate)
    response = candidate_client.post(
        "/api/v1/analyses", {"resume_id": str(resume.pk), "job_id": job.pk}, format="json"
    )
    assert response.status_code == 404
    assert response.json()["error_code"] == "job_not_found"
    assert not Analysis.objects.exists()


def test_a_cover_letter_for_a_posting_names_its_title_and_company(candidate, candidate_client):
    job = JobFactory(title="Senior Backend Engineer", company="Acme Payments")
    resume = ResumeFactory(owner=candidate)
    response = candidate_client.post(
        "/api/v1/resumes/generate-cover-letter",
        {"resume_id": str(resume.pk), "job_id": job.pk},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["job_title"] == "Senior Backend Engineer"
    assert body["job_company"] == "Acme Payments"
    assert "Acme Payments" in body["text"]
