"""POST /api/v1/jobs/compatibility: one job against one resume, as an analysis measures it."""

import pytest
from django.urls import reverse

from jobs.matching.index import match_index
from jobs.matching.service import job_compatibility, match_jobs
from jobs.models import JobStatus
from jobs.targets import job_target
from resumes.analysis import analyse_resume, skill_gap_recommendations, skill_match
from resumes.analysis.evidence import resume_evidence
from tests.accounts.factories import CandidateFactory, RecruiterFactory
from tests.conftest import client_for
from tests.jobs.factories import JobFactory
from tests.resumes.factories import ResumeFactory

pytestmark = pytest.mark.django_db
URL = reverse("jobs-api:compatibility")


@pytest.fixture(autouse=True)
def _fresh_index():
    match_index().reset()
    yield
    match_index().reset()


def post(client, resume, job, **extra):
    body = {"resume_id": str(resume.pk), "job_id": job.pk, **extra}
    return client.post(URL, body, format="json")


def test_compatibility_holds_the_skill_match_and_gaps_of_an_analysis(candidate, candidate_client):
    job = JobFactory()
    resume = ResumeFactory(owner=candidate)
    response = post(candidate_client, resume, job)
    assert response.status_code == 200
    body = response.json()
    target = job_target(job)
    analysis = analyse_resume(resume.text, resume.parsed_data, target)
    assert body["skill_match_analysis"] == analysis["skill_match_analysis"]
    assert body["skill_gap_recommendations"] == analysis["skill_gap_recommendations"]
    assert body["similarity"] == analysis["similarity"]
    assert body["resume_id"] == str(resume.pk)
    assert body["job_id"] == job.pk


def test_the_skill_match_is_skill_match_on_the_job_target(candidate):
    job = JobFactory(
        required_skills=["Python", "Kubernetes", "Terraform"],
        preferred_skills=["Go"],
        skills_edited=True,
    )
    resume = ResumeFactory(owner=candidate)
    body = job_compatibility(resume=resume, job=job)
    skills = resume_evidence(resume.text, resume.parsed_data).skills
    expected = skill_match(skills, job_target(job))
    assert body["skill_match_analysis"] == expected
    assert expected["missing_required_skills"] == ["Terraform"]
    assert body["skill_gap_recommendations"] == skill_gap_recommendations(expected, job_target(job))
    assert body["breakdown"]["required_skills"] == round(expected["match_percentage"])


def test_compatibility_scores_a_job_as_the_match_does(candidate):
    jobs = [JobFactory(), JobFactory(work_mode="remote", experience_level="senior")]
    resume = ResumeFactory(owner=candidate)
    matched = {item["job"]["id"]: item for item in match_jobs(resume=resume)["items"]}
    for job in jobs:
        body = job_compatibility(resume=resume, job=job)
        assert body["score"] == matched[job.pk]["score"]
        assert body["breakdown"] == matched[job.pk]["breakdown"]
        assert body["reasons"] == matched[job.pk]["reasons"]


def test_a_recruiter_sees_their_own_draft(recruiter):
    job = JobFactory(owner=recruiter, status=JobStatus.DRAFT)
    resume = ResumeFactory(owner=recruiter)
    response = post(client_for(recruiter), resume, job)
    assert response.status_code == 200
    assert response.json()["job"]["id"] == job.pk


def test_another_users_resume_is_not_found(candidate_client):
    response = post(candidate_client, ResumeFactory(owner=CandidateFactory()), JobFactory())
    assert response.status_code == 404


@pytest.mark.parametrize("status", [JobStatus.DRAFT, JobStatus.CLOSED])
def test_a_job_the_user_cannot_see_is_not_found(candidate, candidate_client, status):
    job = JobFactory(owner=RecruiterFactory(), status=status)
    response = post(candidate_client, ResumeFactory(owner=candidate), job)
    assert response.status_code == 404
    assert response.json()["error_code"] == "job_not_found"


def test_a_missing_job_is_not_found(candidate, candidate_client):
    job = JobFactory()
    resume = ResumeFactory(owner=candidate)
    job_id = job.pk
    job.delete()
    response = candidate_client.post(
        URL, {"resume_id": str(resume.pk), "job_id": job_id}, format="json"
    )
    assert response.status_code == 404


def test_a_resume_without_text_is_refused(candidate, candidate_client):
    resume = ResumeFactory(owner=candidate)
    resume.text, resume.parsed_data = "", None
    resume.save(update_fields=["text", "parsed_data"])
    response = post(candidate_client, resume, JobFactory())
    assert response.status_code == 400
    assert response.json()["error_code"] == "resume_not_parsed"


def test_anonymous_callers_are_refused(api_client):
    assert api_client.post(URL, {}, format="json").status_code == 401


@pytest.mark.parametrize(
    "body,field",
    [
        ({}, "resume_id"),
        ({"resume_id": "nope", "job_id": 1}, "resume_id"),
        ({"job_id": "one"}, "job_id"),
        ({"job_id": 0}, "job_id"),
        ({"job_id": 1, "colour": "red"}, "colour"),
    ],
)
def test_bad_bodies_are_refused_with_field_errors(candidate, candidate_client, body, field):
    resume = ResumeFactory(owner=candidate)
    payload = {"resume_id": str(resume.pk), **body} if body else {}
    response = candidate_client.post(URL, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
