"""Who may do what with jobs: every H1 endpoint for every kind of caller and job state.

The owner is recruiter A; recruiter B, a domain expert and a candidate are outsiders to A's
jobs (they see open ones, never drafts or closed ones); the admin sees and changes all.
"""

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from jobs.models import Job, JobStatus, SavedJob
from tests.accounts.factories import (
    AdminFactory,
    CandidateFactory,
    DomainExpertFactory,
    RecruiterFactory,
)
from tests.conftest import client_for
from tests.jobs.factories import BACKEND_DESCRIPTION, JobFactory

pytestmark = pytest.mark.django_db

ACTORS = ("anonymous", "candidate", "owner", "recruiter_b", "domain_expert", "admin")
STATES = ("open", "draft", "closed")
# May see a draft or closed job of recruiter A.
SEES_HIDDEN = {"owner", "admin"}
MAY_CHANGE = {"owner", "admin"}


@pytest.fixture
def world():
    owner = RecruiterFactory()
    users = {
        "candidate": CandidateFactory(),
        "owner": owner,
        "recruiter_b": RecruiterFactory(),
        "domain_expert": DomainExpertFactory(),
        "admin": AdminFactory(),
    }
    jobs = {
        "open": JobFactory(owner=owner, title="Open role", posted_at=timezone.now()),
        "draft": JobFactory(owner=owner, title="Draft role", status=JobStatus.DRAFT),
        "closed": JobFactory(owner=owner, title="Closed role", status=JobStatus.CLOSED),
    }
    return users, jobs


def client(world, actor) -> APIClient:
    users, _ = world
    return APIClient() if actor == "anonymous" else client_for(users[actor])


def read_status(actor, state) -> int:
    return 200 if state == "open" or actor in SEES_HIDDEN else 404


def change_status(actor, state, success: int) -> int:
    """Anonymous 401; unseen 404; seen but not theirs 403."""
    if actor == "anonymous":
        return 401
    if read_status(actor, state) == 404:
        return 404
    return success if actor in MAY_CHANGE else 403


VALID_JOB = {"title": "Platform Engineer", "description": BACKEND_DESCRIPTION}


@pytest.mark.parametrize("actor", ACTORS)
def test_everyone_lists_and_searches_open_jobs_only(world, actor):
    api = client(world, actor)
    listed = api.get("/api/v1/jobs")
    searched = api.post("/api/v1/jobs/search", {"q": "role"}, format="json")
    for response in (listed, searched):
        assert response.status_code == 200
        assert [item["title"] for item in response.json()["items"]] == ["Open role"]


@pytest.mark.parametrize("actor", ACTORS)
def test_hidden_states_are_listed_only_for_those_who_see_them(world, actor):
    response = client(world, actor).get("/api/v1/jobs?status=draft,closed")
    titles = {item["title"] for item in response.json()["items"]}
    assert titles == ({"Draft role", "Closed role"} if actor in SEES_HIDDEN else set())


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("anonymous", 401),
        ("candidate", 403),
        ("owner", 201),
        ("recruiter_b", 201),
        ("domain_expert", 201),
        ("admin", 201),
    ],
)
def test_recruiters_and_above_create_jobs(world, actor, expected):
    response = client(world, actor).post("/api/v1/jobs", VALID_JOB, format="json")
    assert response.status_code == expected
    assert Job.objects.filter(title="Platform Engineer").exists() == (expected == 201)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("actor", ACTORS)
def test_reading_a_job(world, actor, state):
    job = world[1][state]
    response = client(world, actor).get(f"/api/v1/jobs/{job.pk}")
    assert response.status_code == read_status(actor, state)
    if response.status_code == 404:
        assert response.json()["error_code"] == "job_not_found"
    else:
        assert response.json()["title"] == job.title


@pytest.mark.parametrize("method", ["put", "patch"])
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("actor", ACTORS)
def test_changing_a_job(world, actor, state, method):
    job = world[1][state]
    body = {"title": "Renamed role", "description": BACKEND_DESCRIPTION}
    response = getattr(client(world, actor), method)(f"/api/v1/jobs/{job.pk}", body, format="json")
    expected = change_status(actor, state, 200)
    assert response.status_code == expected
    if expected == 403:
        assert response.json()["error_code"] == "not_job_owner"
    job.refresh_from_db()
    assert (job.title == "Renamed role") == (expected == 200)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("actor", ACTORS)
def test_deleting_a_job(world, actor, state):
    job = world[1][state]
    response = client(world, actor).delete(f"/api/v1/jobs/{job.pk}")
    expected = change_status(actor, state, 204)
    assert response.status_code == expected
    assert Job.objects.filter(pk=job.pk).exists() == (expected != 204)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("actor", ACTORS)
def test_saving_a_job(world, actor, state):
    job = world[1][state]
    response = client(world, actor).post(f"/api/v1/jobs/{job.pk}/save")
    expected = 401 if actor == "anonymous" else {200: 201, 404: 404}[read_status(actor, state)]
    assert response.status_code == expected
    assert SavedJob.objects.filter(job=job).exists() == (expected == 201)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("actor", ACTORS)
def test_unsaving_a_job_never_saved(world, actor, state):
    job = world[1][state]
    response = client(world, actor).delete(f"/api/v1/jobs/{job.pk}/save")
    expected = 401 if actor == "anonymous" else {200: 204, 404: 404}[read_status(actor, state)]
    assert response.status_code == expected


@pytest.mark.parametrize("actor", ACTORS)
def test_the_saved_list_needs_a_signed_in_user(world, actor):
    response = client(world, actor).get("/api/v1/jobs/saved")
    assert response.status_code == (401 if actor == "anonymous" else 200)


@pytest.mark.parametrize("actor", [actor for actor in ACTORS if actor != "anonymous"])
def test_the_saved_list_holds_only_the_callers_jobs(world, actor):
    users, jobs = world
    for user in users.values():
        SavedJob.objects.create(user=user, job=jobs["open"])
    items = client(world, actor).get("/api/v1/jobs/saved").json()["items"]
    assert len(items) == 1
    assert SavedJob.objects.get(user=users[actor]).job_id == items[0]["job"]["id"]


def test_a_missing_job_is_not_found_for_every_method(world):
    api = client(world, "admin")
    missing = Job.objects.order_by("-pk").first().pk + 100
    responses = [
        api.get(f"/api/v1/jobs/{missing}"),
        api.patch(f"/api/v1/jobs/{missing}", {"title": "X"}, format="json"),
        api.delete(f"/api/v1/jobs/{missing}"),
        api.post(f"/api/v1/jobs/{missing}/save"),
        api.delete(f"/api/v1/jobs/{missing}/save"),
    ]
    assert {response.status_code for response in responses} == {404}
