"""Creating, reading and changing jobs through the API: what a recruiter writes and sees."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from jobs.models import Job, JobStatus, JobType, WorkMode
from tests.conftest import client_for
from tests.jobs.factories import BACKEND_DESCRIPTION, JobFactory, SavedJobFactory

pytestmark = pytest.mark.django_db

FRONTEND_DESCRIPTION = (
    "Frontend engineer for our design system. Requirements: TypeScript, React and CSS. "
    "Nice to have: Storybook."
)


def create(api, **fields):
    return api.post(
        "/api/v1/jobs", {"title": "Backend Engineer", "description": BACKEND_DESCRIPTION, **fields}
    )


def test_a_new_job_opens_with_skills_read_from_its_description(recruiter, recruiter_client):
    response = create(recruiter_client, company="Acme", location="Berlin")
    assert response.status_code == 201
    body = response.json()
    assert {"Python", "Django", "PostgreSQL"} <= set(body["required_skills"])
    assert "GraphQL" in body["preferred_skills"]
    assert body["skills_edited"] is False
    assert body["status"] == "open" and body["posted_at"] is not None
    assert body["owner"] == {"id": recruiter.pk, "name": recruiter.name}
    assert body["job_link"] == f"/j/{body['short_code']}"
    assert body["share_url"] == f"http://testserver/j/{body['short_code']}"
    assert "vector" not in body and "search_vector" not in body


def test_a_draft_is_not_posted_until_it_opens(recruiter_client):
    body = create(recruiter_client, status="draft").json()
    assert body["posted_at"] is None
    opened = recruiter_client.patch(f"/api/v1/jobs/{body['id']}", {"status": "open"})
    assert opened.status_code == 200
    posted_at = opened.json()["posted_at"]
    assert posted_at is not None
    recruiter_client.patch(f"/api/v1/jobs/{body['id']}", {"status": "closed"})
    reopened = recruiter_client.patch(f"/api/v1/jobs/{body['id']}", {"status": "open"}).json()
    assert reopened["posted_at"] == posted_at


def test_skills_given_by_hand_are_kept_as_written(recruiter_client):
    body = create(
        recruiter_client, required_skills=["python3", " Go ", "Our own DSL"], preferred_skills=[]
    ).json()
    assert body["required_skills"] == ["Python", "Go", "Our own DSL"]
    assert body["preferred_skills"] == []
    assert body["skills_edited"] is True
    assert body["skill_keys"] == ["python", "go", "our own dsl"]


def test_a_new_description_reads_the_skills_again_unless_edited(recruiter_client):
    job_id = create(recruiter_client).json()["id"]
    changed = recruiter_client.patch(
        f"/api/v1/jobs/{job_id}", {"description": FRONTEND_DESCRIPTION}
    ).json()
    assert "TypeScript" in changed["required_skills"]
    assert "Python" not in changed["required_skills"]

    recruiter_client.patch(f"/api/v1/jobs/{job_id}", {"required_skills": ["Rust"]})
    kept = recruiter_client.patch(
        f"/api/v1/jobs/{job_id}", {"description": BACKEND_DESCRIPTION}
    ).json()
    assert kept["required_skills"] == ["Rust"]
    assert kept["skills_edited"] is True


def test_skills_can_be_read_from_the_description_again(recruiter_client):
    job_id = create(recruiter_client, required_skills=["Rust"]).json()["id"]
    body = recruiter_client.patch(
        f"/api/v1/jobs/{job_id}", {"skills_from_description": True}
    ).json()
    assert body["skills_edited"] is False
    assert "Python" in body["required_skills"] and "Rust" not in body["required_skills"]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("job_type", "full-time", JobType.FULL_TIME),
        ("job_type", "Full time", JobType.FULL_TIME),
        ("job_type", "FULLTIME", JobType.FULL_TIME),
        ("job_type", "Part-Time", JobType.PART_TIME),
        ("work_mode", "on-site", WorkMode.ONSITE),
        ("work_mode", "In office", WorkMode.ONSITE),
        ("work_mode", "Remote", WorkMode.REMOTE),
        ("experience_level", "junior", "entry"),
        ("experience_level", "Intermediate", "mid"),
        ("experience_level", "principal", "lead"),
        ("experience_level", "Staff", "lead"),
        ("salary_currency", "eur", "EUR"),
    ],
)
def test_common_spellings_are_understood(recruiter_client, field, value, expected):
    response = create(recruiter_client, **{field: value})
    assert response.status_code == 201
    assert response.json()[field] == expected


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"description": "Too short to be a job."}, "description"),
        ({"description": " " * 60 + "short"}, "description"),
        ({"apply_url": "ftp://example.com/apply"}, "apply_url"),
        ({"apply_url": "javascript:alert(1)"}, "apply_url"),
        ({"end_date": "2001-01-01T00:00:00Z"}, "end_date"),
        ({"salary_min": -1}, "salary_min"),
        ({"salary_min": 90000, "salary_max": 60000}, "salary_max"),
        ({"salary_currency": "EURO"}, "salary_currency"),
        ({"job_type": "gig"}, "job_type"),
        ({"status": "archived"}, "status"),
        ({"required_skills": "Python"}, "required_skills"),
        ({"required_skills": ["x" * 61]}, "required_skills.0"),
        ({"preferred_skills": [f"skill {n}" for n in range(51)]}, "preferred_skills"),
        ({"colour": "blue"}, "colour"),
        ({"skills_from_description": True, "required_skills": ["Go"]}, "skills_from_description"),
    ],
)
def test_bad_input_is_refused_on_its_field(recruiter_client, fields, error_field):
    response = create(recruiter_client, **fields)
    assert response.status_code == 400
    body = response.json()
    assert body["error_code"] == "validation_error"
    assert error_field in body["errors"]
    assert not Job.objects.exists()


def test_a_job_read_back_can_be_sent_back_unchanged(recruiter_client):
    body = create(recruiter_client).json()
    body.pop("skills_edited")
    response = recruiter_client.put(f"/api/v1/jobs/{body['id']}", body)
    assert response.status_code == 200
    assert response.json()["title"] == "Backend Engineer"


def test_a_salary_range_is_checked_against_the_stored_one(recruiter):
    job = JobFactory(owner=recruiter, salary_min=50000, salary_max=70000)
    response = client_for(recruiter).patch(f"/api/v1/jobs/{job.pk}", {"salary_max": 40000})
    assert response.status_code == 400
    assert "salary_max" in response.json()["errors"]


def test_a_past_end_date_is_allowed_on_update_but_not_to_reopen(recruiter):
    job = JobFactory(owner=recruiter, status=JobStatus.CLOSED)
    api = client_for(recruiter)
    past = (timezone.now() - timedelta(days=1)).isoformat()
    assert api.patch(f"/api/v1/jobs/{job.pk}", {"end_date": past}).status_code == 200
    response = api.patch(f"/api/v1/jobs/{job.pk}", {"status": "open"})
    assert response.status_code == 400
    assert response.json()["error_code"] == "job_expired"
    future = (timezone.now() + timedelta(days=30)).isoformat()
    reopened = api.patch(f"/api/v1/jobs/{job.pk}", {"status": "open", "end_date": future})
    assert reopened.json()["status"] == "open"


def test_a_closed_job_stays_readable_by_its_owner_and_the_admin(recruiter, admin_client_api):
    job = JobFactory(owner=recruiter)
    client_for(recruiter).patch(f"/api/v1/jobs/{job.pk}", {"status": "closed"})
    assert APIClient().get(f"/api/v1/jobs/{job.pk}").status_code == 404
    assert client_for(recruiter).get(f"/api/v1/jobs/{job.pk}").json()["status"] == "closed"
    assert admin_client_api.get(f"/api/v1/jobs/{job.pk}").status_code == 200


def test_a_job_past_its_end_date_is_hidden_before_the_task_closes_it(recruiter):
    job = JobFactory(owner=recruiter, end_date=timezone.now() - timedelta(minutes=1))
    assert APIClient().get(f"/api/v1/jobs/{job.pk}").status_code == 404
    assert client_for(recruiter).get(f"/api/v1/jobs/{job.pk}").status_code == 200


def test_the_detail_says_whether_the_caller_saved_the_job(candidate, candidate_client):
    job = JobFactory()
    assert candidate_client.get(f"/api/v1/jobs/{job.pk}").json()["is_saved"] is False
    SavedJobFactory(user=candidate, job=job)
    assert candidate_client.get(f"/api/v1/jobs/{job.pk}").json()["is_saved"] is True
    assert APIClient().get(f"/api/v1/jobs/{job.pk}").json()["is_saved"] is None


def test_the_list_marks_saved_jobs(candidate, candidate_client):
    saved, other = JobFactory(), JobFactory()
    SavedJobFactory(user=candidate, job=saved)
    items = candidate_client.get("/api/v1/jobs").json()["items"]
    assert {item["id"]: item["is_saved"] for item in items} == {saved.pk: True, other.pk: False}


def test_the_list_costs_the_same_queries_for_any_page_size(
    candidate, candidate_client, django_assert_max_num_queries
):
    for job in JobFactory.create_batch(30):
        SavedJobFactory(user=candidate, job=job)
    # user, count, page, saved ids
    with django_assert_max_num_queries(4):
        response = candidate_client.get("/api/v1/jobs?page_size=30")
    assert len(response.json()["items"]) == 30
    assert all(item["is_saved"] and item["owner"]["name"] for item in response.json()["items"])


def test_search_costs_the_same_queries_as_the_list(candidate_client, django_assert_max_num_queries):
    JobFactory.create_batch(25, title="Backend Engineer")
    with django_assert_max_num_queries(4):
        response = candidate_client.post("/api/v1/jobs/search", {"q": "backend", "page_size": 25})
    assert response.json()["total"] == 25


def test_the_list_uses_the_pagination_body(api_client):
    JobFactory.create_batch(3)
    body = api_client.get("/api/v1/jobs?page_size=2&page=2").json()
    assert {key: body[key] for key in ("total", "page", "page_size", "total_pages")} == {
        "total": 3,
        "page": 2,
        "page_size": 2,
        "total_pages": 2,
    }
    assert len(body["items"]) == 1


def test_search_takes_the_page_from_its_body(api_client):
    JobFactory.create_batch(3)
    body = api_client.post("/api/v1/jobs/search", {"page": 2, "page_size": 2}).json()
    assert (body["page"], body["page_size"], len(body["items"])) == (2, 2, 1)
    bad = api_client.post("/api/v1/jobs/search", {"page": 0})
    assert bad.status_code == 400 and "page" in bad.json()["errors"]
