"""POST /api/v1/jobs/match and match_jobs: scores, reasons, filters, freshness, cost."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jobs.filters import JobFilters
from jobs.freshness import jobs_changed
from jobs.matching.index import match_index
from jobs.matching.scoring import WEIGHTS
from jobs.matching.service import match_jobs
from jobs.models import Job, JobStatus
from jobs.services.jobs import job_create, job_delete, job_set_status, job_update
from jobs.vectors import jobs_vectorise
from tests.accounts.factories import CandidateFactory, RecruiterFactory
from tests.conftest import client_for
from tests.jobs.factories import JobFactory
from tests.jobs.labelled.resumes import JUNIOR_GRADUATE
from tests.resumes.factories import ResumeFactory

pytestmark = pytest.mark.django_db
MATCH_URL = reverse("jobs-api:match")

PYTHON_RESUME = """{name}
{email} | London, UK

Summary
Backend engineer with six years of experience. {He} builds Python services, and {his} APIs
serve two million users.

Experience
Senior Backend Engineer at Acme
Jan 2019 - Dec 2024
- {He} designed Django services on AWS and tuned PostgreSQL for {his} team
- Moved 12 services to Docker, cutting hosting costs by 30%

Skills
Python, Django, PostgreSQL, Docker, AWS
"""
JANE = {"name": "Jane Doe", "email": "jane.doe@example.com", "He": "She", "his": "her"}
JOHN = {"name": "John Smith", "email": "john.smith@example.com", "He": "He", "his": "his"}
DJANGO_ONLY_RESUME = """Sam Lee
sam.lee@example.com | London, UK

Experience
Web Developer at Acme
Jan 2020 - Dec 2023
- Built Django apps for 30 clients

Skills
Django
"""
FRONTEND_DESCRIPTION = """Frontend Engineer
Build React and TypeScript interfaces for our shop.
Requirements: React, TypeScript, CSS, 3+ years of experience.
"""
NURSE_DESCRIPTION = """Staff Nurse
Care for patients on a busy ward and plan their discharge with families.
Requirements: Empathy, Communication, Teamwork.
"""


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write as if its transaction committed, so jobs_version moves."""

    def run(write, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return write(*args, **kwargs)

    return run


def python_resume(owner=None, **names):
    text = PYTHON_RESUME.format(**(names or JANE))
    return ResumeFactory(text=text, **({"owner": owner} if owner else {}))


def scores_by_job(body: dict) -> dict[int, int]:
    return {item["job"]["id"]: item["score"] for item in body["items"]}


def post_match(client, resume, **body):
    return client.post(MATCH_URL, {"resume_id": str(resume.pk), **body}, format="json")


def test_match_ranks_open_jobs_best_first_with_a_breakdown(candidate, candidate_client):
    backend = JobFactory(location="London, UK")
    frontend = JobFactory(title="Frontend Engineer", description=FRONTEND_DESCRIPTION)
    nurse = JobFactory(title="Staff Nurse", description=NURSE_DESCRIPTION)
    response = post_match(candidate_client, python_resume(owner=candidate))
    assert response.status_code == 200
    body = response.json()
    assert body["considered"] == 3
    assert body["backend"] == "tfidf"
    assert {item["job"]["id"] for item in body["items"]} == {backend.pk, frontend.pk, nurse.pk}
    assert body["items"][0]["job"]["id"] == backend.pk
    scores = [item["score"] for item in body["items"]]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] >= 80 > 20 > scores[1]
    best = body["items"][0]
    assert best["job"]["job_link"] == f"/j/{backend.short_code}"
    assert best["matched_skills"][:5] == ["Python", "Django", "PostgreSQL", "AWS", "Docker"]
    assert best["missing_preferred_skills"] == ["Apache Kafka", "GraphQL"]
    for item in body["items"]:
        assert 0 <= item["score"] <= 100
        weighted = sum(WEIGHTS[name] * value / 100 for name, value in item["breakdown"].items())
        assert abs(weighted - item["score"]) <= 1


def test_the_best_job_explains_itself_in_sentences(candidate):
    JobFactory(
        description="Backend Engineer, remote.\nRequirements: Python, Django, PostgreSQL, "
        "AWS, Docker, Kubernetes, 5+ years.\nNice to have: Kafka, GraphQL, Redis.\n",
        work_mode="remote",
        experience_level="senior",
    )
    resume = ResumeFactory(
        owner=candidate, text=PYTHON_RESUME.format(**JANE).replace("AWS\n", "AWS, Redis\n")
    )
    reasons = match_jobs(resume=resume)["items"][0]["reasons"]
    assert reasons[0] == "Covers 5 of 6 required skills; missing Kubernetes."
    assert reasons[1] == "Senior level, like your 6 years of experience."
    assert reasons[2] == "Remote, which you accept."
    assert reasons[3].startswith("Your resume reads close to this description (similarity 0.")
    assert reasons[4] == "Also brings 1 of 3 preferred skills: Redis."


def test_a_required_skill_weighs_more_than_a_preferred_one():
    as_required = JobFactory(
        required_skills=["Python", "PostgreSQL"], preferred_skills=["Kafka"], skills_edited=True
    )
    as_preferred = JobFactory(
        required_skills=["Python", "Kafka"], preferred_skills=["PostgreSQL"], skills_edited=True
    )
    scores = scores_by_job(match_jobs(resume=python_resume()))
    assert scores[as_required.pk] > scores[as_preferred.pk]


def test_a_skill_implied_by_another_counts_as_held():
    job = JobFactory(required_skills=["Python", "Django"], skills_edited=True)
    item = match_jobs(resume=ResumeFactory(text=DJANGO_ONLY_RESUME))["items"][0]
    assert item["job"]["id"] == job.pk
    assert item["missing_required_skills"] == []
    assert item["matched_skills"] == ["Python", "Django"]
    assert item["breakdown"]["required_skills"] == 100


def test_filters_narrow_the_jobs(candidate, candidate_client):
    berlin = JobFactory(location="Berlin, Germany")
    JobFactory(location="London, UK")
    JobFactory(location="Berlin, Germany", job_type="contract")
    body = post_match(
        candidate_client,
        python_resume(owner=candidate),
        filters={"location": "Berlin", "job_type": ["full_time"]},
    ).json()
    assert body["considered"] == 1
    assert [item["job"]["id"] for item in body["items"]] == [berlin.pk]


def test_filters_given_to_the_service_narrow_the_jobs():
    remote = JobFactory(work_mode="remote")
    JobFactory(work_mode="onsite")
    body = match_jobs(resume=python_resume(), filters=JobFilters(remote=True))
    assert list(scores_by_job(body)) == [remote.pk]


def test_a_sort_order_alone_narrows_nothing():
    JobFactory.create_batch(2)
    body = match_jobs(resume=python_resume(), filters=JobFilters(sort_by="title"))
    assert body["considered"] == 2


def test_preferred_work_modes_leave_out_the_others(candidate, candidate_client):
    remote = JobFactory(work_mode="remote")
    hybrid = JobFactory(work_mode="hybrid")
    JobFactory(work_mode="onsite")
    body = post_match(
        candidate_client,
        python_resume(owner=candidate),
        preferences={"work_modes": ["remote", "hybrid"]},
    ).json()
    assert set(scores_by_job(body)) == {remote.pk, hybrid.pk}
    assert body["preferences"]["work_modes"] == ["hybrid", "remote"]


def test_the_preferred_location_decides_the_location_part():
    job = JobFactory(location="Berlin, Germany", work_mode="onsite")
    resume = python_resume()

    def location_part(location):
        body = match_jobs(resume=resume, preferences={"location": location})
        return body["items"][0]["breakdown"]["location"], body["items"][0]["reasons"][2]

    assert location_part("Berlin") == (
        100,
        "On-site in Berlin, Germany, near your preferred location.",
    )
    assert location_part("Munich, Germany")[0] == 50
    assert location_part(None) == (
        10,
        "On-site in Berlin, Germany, away from your preferred location.",
    )
    assert location_part("")[0] == 60
    assert job.pk in scores_by_job(match_jobs(resume=resume))


def test_closed_draft_and_expired_jobs_never_appear():
    open_job = JobFactory()
    JobFactory(status=JobStatus.CLOSED)
    JobFactory(status=JobStatus.DRAFT)
    JobFactory(end_date=timezone.now() - timedelta(days=1))
    body = match_jobs(resume=python_resume())
    assert body["considered"] == 1
    assert list(scores_by_job(body)) == [open_job.pk]


def test_a_job_closed_deleted_or_expired_behind_the_index_never_appears():
    kept, closed, deleted, expired = JobFactory.create_batch(4)
    resume = python_resume()
    assert len(match_jobs(resume=resume)["items"]) == 4
    # Written without jobs_changed: the index still holds them, the final read does not.
    Job.objects.filter(pk=closed.pk).update(status=JobStatus.CLOSED)
    Job.objects.filter(pk=expired.pk).update(end_date=timezone.now() - timedelta(minutes=1))
    Job.objects.filter(pk=deleted.pk).delete()
    assert list(scores_by_job(match_jobs(resume=resume))) == [kept.pk]
    assert match_jobs(resume=resume)["considered"] == 1


def test_the_index_follows_created_edited_and_closed_jobs(committed):
    recruiter = RecruiterFactory()
    resume = python_resume()
    first = JobFactory(owner=recruiter)
    assert match_jobs(resume=resume)["considered"] == 1
    created = committed(
        job_create,
        owner=recruiter,
        data={"title": "Python Developer", "description": "Python Developer\nPython, Django."},
    )
    body = match_jobs(resume=resume)
    assert set(scores_by_job(body)) == {first.pk, created.pk}
    before = scores_by_job(body)[created.pk]
    committed(
        job_update,
        job=created,
        user=recruiter,
        data={"required_skills": ["Rust", "Haskell"], "preferred_skills": []},
    )
    after = scores_by_job(match_jobs(resume=resume))[created.pk]
    assert after < before
    committed(job_set_status, job=first, user=recruiter, status=JobStatus.CLOSED)
    body = match_jobs(resume=resume)
    assert body["considered"] == 1
    assert list(scores_by_job(body)) == [created.pk]
    assert match_index().full_builds == 1


def test_a_deleted_job_leaves_the_index_through_the_service(committed):
    recruiter = RecruiterFactory()
    job, other = JobFactory.create_batch(2, owner=recruiter)
    resume = python_resume()
    match_jobs(resume=resume)
    committed(job_delete, job=job, user=recruiter)
    assert list(scores_by_job(match_jobs(resume=resume))) == [other.pk]


def test_many_closed_jobs_rebuild_the_index_from_scratch(committed, monkeypatch):
    monkeypatch.setattr("jobs.matching.index.REBUILD_MIN_ROWS", 2)
    recruiter = RecruiterFactory()
    jobs = JobFactory.create_batch(5, owner=recruiter)
    resume = python_resume()
    match_jobs(resume=resume)
    for job in jobs[:2]:
        committed(job_set_status, job=job, user=recruiter, status=JobStatus.CLOSED)
    assert match_jobs(resume=resume)["considered"] == 3
    assert match_index().full_builds == 2


def test_a_cleared_cache_rebuilds_the_index():
    JobFactory()
    resume = python_resume()
    match_jobs(resume=resume)
    cache.clear()
    JobFactory()
    assert match_jobs(resume=resume)["considered"] == 2
    assert match_index().full_builds == 2


def test_vectors_of_another_backend_are_computed_and_saved_once():
    job = JobFactory()
    Job.objects.filter(pk=job.pk).update(vector=b"\x00" * 16, vector_backend="embeddings")
    match_jobs(resume=python_resume())
    job.refresh_from_db()
    expected = Job(title=job.title, description=job.description)
    expected.required_skills, expected.preferred_skills = job.required_skills, job.preferred_skills
    jobs_vectorise([expected])
    assert job.vector_backend == "tfidf"
    assert bytes(job.vector) == bytes(expected.vector)


def test_names_and_pronouns_change_no_score():
    JobFactory()
    JobFactory(title="Frontend Engineer", description=FRONTEND_DESCRIPTION, work_mode="remote")
    JobFactory(title="Staff Nurse", description=NURSE_DESCRIPTION, location="Leeds, UK")
    JobFactory(description="Python developer at Jane Doe Studios.\nPython, Flask, Redis.\n")
    jane = match_jobs(resume=python_resume(**JANE), limit=10)
    john = match_jobs(resume=python_resume(**JOHN), limit=10)
    assert [item["score"] for item in jane["items"]] == [item["score"] for item in john["items"]]
    for jane_item, john_item in zip(jane["items"], john["items"], strict=True):
        assert jane_item["job"] == john_item["job"]
        assert jane_item["breakdown"] == john_item["breakdown"]
        assert jane_item["reasons"] == john_item["reasons"]


def test_matching_is_deterministic_and_equal_scores_list_the_newest_job_first():
    older = JobFactory(title="Backend Engineer", company="Acme")
    newer = JobFactory(title="Backend Engineer", company="Initech")
    resume = python_resume()
    first, second = match_jobs(resume=resume), match_jobs(resume=resume)
    assert first == second
    assert [item["job"]["id"] for item in first["items"]] == [newer.pk, older.pk]
    assert first["items"][0]["score"] == first["items"][1]["score"]


def test_the_same_posting_stored_twice_is_matched_once():
    """A posting re-published or imported from two feeds is two rows with the same title,
    company and place: it used to fill #1 and #2 with the same score."""
    JobFactory(title="Backend Engineer", company="Acme", location="London, UK")
    kept = JobFactory(title="Backend  engineer ", company="ACME", location="london, uk")
    elsewhere = JobFactory(title="Backend Engineer", company="Acme", location="Leeds, UK")
    items = match_jobs(resume=python_resume(), limit=2)["items"]
    assert sorted(item["job"]["id"] for item in items) == sorted([kept.pk, elsewhere.pk])


def test_limit_caps_the_items(candidate, candidate_client):
    JobFactory.create_batch(4)
    body = post_match(candidate_client, python_resume(owner=candidate), limit=2).json()
    assert len(body["items"]) == 2
    assert body["considered"] == 4


def test_another_users_resume_is_not_found(candidate_client):
    JobFactory()
    response = post_match(candidate_client, python_resume(owner=CandidateFactory()))
    assert response.status_code == 404


def test_anonymous_callers_are_refused(api_client):
    response = api_client.post(MATCH_URL, {}, format="json")
    assert response.status_code == 401


def test_a_resume_without_text_is_refused(candidate, candidate_client):
    resume = python_resume(owner=candidate)
    resume.text, resume.parsed_data = "", None
    resume.save(update_fields=["text", "parsed_data"])
    response = post_match(candidate_client, resume)
    assert response.status_code == 400
    assert response.json()["error_code"] == "resume_not_parsed"


@pytest.mark.parametrize(
    "body,field",
    [
        ({"resume_id": None}, "resume_id"),
        ({"resume_id": "not-a-uuid"}, "resume_id"),
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"colour": "red"}, "colour"),
        ({"filters": "remote"}, "filters"),
        ({"filters": {"salary_min": "lots"}}, "filters.salary_min"),
        ({"filters": {"work_mode": ["moon"]}}, "filters.work_mode.0"),
        ({"filters": {"speed": 3}}, "filters.speed"),
        ({"filters": {"page": 2}}, "filters.page"),
        ({"preferences": {"work_modes": ["moon"]}}, "preferences.work_modes.0"),
        ({"preferences": {"work_modes": []}}, "preferences.work_modes"),
        ({"preferences": {"location": "x" * 201}}, "preferences.location"),
        ({"preferences": {"commute": 5}}, "preferences.commute"),
        ({"preferences": None}, "preferences"),
    ],
)
def test_bad_bodies_are_refused_with_field_errors(candidate, candidate_client, body, field):
    resume = python_resume(owner=candidate)
    response = candidate_client.post(
        MATCH_URL, {"resume_id": str(resume.pk), **body}, format="json"
    )
    assert response.status_code == 400
    payload = response.json()
    assert payload["error_code"] == "validation_error"
    assert field in payload["errors"], payload["errors"]


def test_matching_is_rate_limited_per_user(candidate, candidate_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "job_match": "2/m"}
    resume = python_resume(owner=candidate)
    assert post_match(candidate_client, resume).status_code == 200
    assert post_match(candidate_client, resume).status_code == 200
    response = post_match(candidate_client, resume)
    assert response.status_code == 429
    assert "Retry-After" in response
    other = CandidateFactory()
    assert post_match(client_for(other), python_resume(owner=other)).status_code == 200


def _match_queries(client, resume, **body) -> int:
    post_match(client, resume, **body)  # warm: the index refreshes here when jobs changed
    with CaptureQueriesContext(connection) as queries:
        assert post_match(client, resume, **body).status_code == 200
    return len(queries)


@pytest.mark.parametrize("filters", [None, {"work_mode": ["onsite", "remote"]}])
def test_queries_grow_neither_with_limit_nor_with_jobs(
    candidate, candidate_client, committed, django_assert_max_num_queries, filters
):
    resume = python_resume(owner=candidate)
    extra = {"filters": filters} if filters else {}
    JobFactory.create_batch(3)
    few = _match_queries(candidate_client, resume, limit=2, **extra)
    assert _match_queries(candidate_client, resume, limit=50, **extra) == few
    committed(jobs_changed)
    JobFactory.create_batch(40, work_mode="remote")
    committed(jobs_changed)
    assert _match_queries(candidate_client, resume, limit=50, **extra) == few
    with django_assert_max_num_queries(few):
        post_match(candidate_client, resume, limit=100, **extra)
    assert few == (4 if filters else 3)  # user, resume, (filtered ids,) the top jobs


def test_a_graduate_reads_that_an_entry_level_job_suits_a_first_role():
    JobFactory(
        title="Graduate Developer",
        description="Graduate Developer\nRequirements: Java, Python, Git.\n",
        experience_level="entry",
        location="Manchester, UK",
    )
    reasons = match_jobs(resume=ResumeFactory(text=JUNIOR_GRADUATE))["items"][0]["reasons"]
    assert reasons[:3] == [
        "Covers 3 of 3 required skills.",
        "Entry level, right for a first role.",
        "On-site in Manchester, UK, near your preferred location.",
    ]
