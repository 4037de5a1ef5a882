"""Every filter and sort of the job list, the same through GET and the search body."""

from datetime import timedelta

import pytest
from django.http import QueryDict
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from jobs.filters import JobFilters, job_filters_parse
from jobs.models import ExperienceLevel, JobStatus, JobType, WorkMode
from jobs.selectors import jobs_list
from tests.conftest import client_for
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

DATA_DESCRIPTION = (
    "Data engineer building pipelines. Requirements: Python, Apache Spark, Airflow and SQL. "
    "Nice to have: Kubernetes."
)
WEB_DESCRIPTION = (
    "Web developer for our shop front. Requirements: JavaScript, React, CSS and HTML. "
    "Nice to have: Figma."
)


@pytest.fixture
def board(recruiter):
    now = timezone.now()
    return {
        "backend": JobFactory(
            title="Backend Engineer",
            company="Acme Payments",
            location="London, UK",
            job_type=JobType.FULL_TIME,
            work_mode=WorkMode.HYBRID,
            experience_level=ExperienceLevel.SENIOR,
            salary_min=70000,
            salary_max=90000,
            owner=recruiter,
            posted_at=now - timedelta(days=3),
        ),
        "data": JobFactory(
            title="data engineer",
            company="Northwind Analytics",
            location="Berlin, Germany",
            description=DATA_DESCRIPTION,
            job_type=JobType.CONTRACT,
            work_mode=WorkMode.REMOTE,
            experience_level=ExperienceLevel.MID,
            salary_min=60000,
            posted_at=now - timedelta(days=1),
        ),
        "web": JobFactory(
            title="Web Developer",
            company="Shopfront Ltd",
            location="Manchester, UK",
            description=WEB_DESCRIPTION,
            job_type=JobType.PART_TIME,
            work_mode=WorkMode.ONSITE,
            experience_level=ExperienceLevel.ENTRY,
            posted_at=now - timedelta(days=2),
        ),
    }


def titles(response) -> list[str]:
    assert response.status_code == 200, response.json()
    return [item["title"] for item in response.json()["items"]]


def listed(api_client, query: str) -> list[str]:
    return titles(api_client.get(f"/api/v1/jobs?{query}"))


def searched(api_client, body: dict) -> list[str]:
    return titles(api_client.post("/api/v1/jobs/search", body, format="json"))


@pytest.mark.parametrize(
    ("query", "body", "expected"),
    [
        ("location=london", {"location": "LONDON"}, {"Backend Engineer"}),
        ("location=UK", {"location": "uk"}, {"Backend Engineer", "Web Developer"}),
        ("company=northwind", {"company": "Northwind"}, {"data engineer"}),
        ("job_type=contract", {"job_type": ["contract"]}, {"data engineer"}),
        (
            "job_type=full-time,Part%20time",
            {"job_type": ["FULLTIME", "part_time"]},
            {"Backend Engineer", "Web Developer"},
        ),
        (
            "job_type=full_time&job_type=contract",
            {"job_type": "full_time,contract"},
            {"Backend Engineer", "data engineer"},
        ),
        ("experience_level=senior", {"experience_level": ["senior"]}, {"Backend Engineer"}),
        ("experience_level=junior", {"experience_level": ["Entry level"]}, {"Web Developer"}),
        ("work_mode=on-site", {"work_mode": ["onsite"]}, {"Web Developer"}),
        (
            "work_mode=hybrid,remote",
            {"work_mode": ["hybrid", "remote"]},
            {"Backend Engineer", "data engineer"},
        ),
        ("remote=true", {"remote": True}, {"data engineer"}),
        ("remote=false", {"remote": False}, {"Backend Engineer", "Web Developer"}),
        ("salary_min=65000", {"salary_min": 65000}, {"Backend Engineer"}),
        ("salary_min=60000", {"salary_min": 60000}, {"Backend Engineer", "data engineer"}),
        ("salary_min=95000", {"salary_min": 95000}, set()),
        ("skills=python", {"skills": ["Python"]}, {"Backend Engineer", "data engineer"}),
        ("skills=python,spark", {"skills": ["python", "Spark"]}, {"data engineer"}),
        ("skills=Python&skills=Django", {"skills": ["Django", "Python"]}, {"Backend Engineer"}),
        ("skills=reactjs", {"skills": ["React.js"]}, {"Web Developer"}),
        ("skills=kubernetes", {"skills": ["k8s"]}, {"data engineer"}),
        ("skills=cobol", {"skills": ["COBOL"]}, set()),
        ("q=engineer&remote=true", {"q": "engineer", "remote": True}, {"data engineer"}),
    ],
)
def test_each_filter_narrows_the_list_and_the_search(api_client, board, query, body, expected):
    assert set(listed(api_client, query)) == expected
    assert set(searched(api_client, body)) == expected


def test_filters_combine(api_client, board):
    query = "location=uk&job_type=full_time,part_time&remote=false&skills=python"
    assert listed(api_client, query) == ["Backend Engineer"]


def test_the_recruiter_filter_takes_an_id_or_me(api_client, board, recruiter):
    assert listed(api_client, f"recruiter={recruiter.pk}") == ["Backend Engineer"]
    assert listed(client_for(recruiter), "recruiter=me") == ["Backend Engineer"]
    response = api_client.get("/api/v1/jobs?recruiter=me")
    assert response.status_code == 400 and "recruiter" in response.json()["errors"]


def test_an_owner_sees_only_open_jobs_unless_asking_for_other_states(board, recruiter):
    draft = JobFactory(owner=recruiter, title="Draft role", status=JobStatus.DRAFT)
    closed = JobFactory(owner=recruiter, title="Closed role", status=JobStatus.CLOSED)
    expired = JobFactory(
        owner=recruiter, title="Expired role", end_date=timezone.now() - timedelta(hours=1)
    )
    api = client_for(recruiter)
    assert draft.title not in listed(api, "recruiter=me")
    assert set(listed(api, "recruiter=me&status=draft")) == {draft.title}
    assert set(listed(api, "recruiter=me&status=closed")) == {closed.title, expired.title}
    every = set(listed(api, "recruiter=me&status=draft,open,closed"))
    assert every == {"Backend Engineer", draft.title, closed.title, expired.title}


BACKEND, DATA, WEB = "Backend Engineer", "data engineer", "Web Developer"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [WEB, DATA, BACKEND]),
        ("sort_by=created_at&sort_order=asc", [BACKEND, DATA, WEB]),
        ("sort_by=posted_at", [DATA, WEB, BACKEND]),
        ("sort_by=posted_at&sort_order=ASC", [BACKEND, WEB, DATA]),
        ("sort_by=title", [WEB, DATA, BACKEND]),
        ("sort_by=title&sort_order=asc", [BACKEND, DATA, WEB]),
        ("sort_by=salary", [BACKEND, DATA, WEB]),
        ("sort_by=salary&sort_order=asc", [DATA, BACKEND, WEB]),
    ],
)
def test_each_sort_orders_the_list(api_client, board, query, expected):
    assert listed(api_client, query) == expected


def test_equal_sort_keys_keep_a_stable_order_across_pages(api_client):
    jobs = JobFactory.create_batch(7, title="Same title", salary_max=50000)
    for sort in ("title", "salary", "created_at"):
        pages = [
            api_client.get(f"/api/v1/jobs?sort_by={sort}&page_size=3&page={page}").json()
            for page in (1, 2, 3)
        ]
        ids = [item["id"] for body in pages for item in body["items"]]
        assert ids == sorted(job.pk for job in jobs)[::-1]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("job_type=gig", "job_type.0"),
        ("experience_level=wizard", "experience_level.0"),
        ("work_mode=moon", "work_mode.0"),
        ("status=archived", "status.0"),
        ("salary_min=lots", "salary_min"),
        ("salary_min=-5", "salary_min"),
        ("remote=perhaps", "remote"),
        ("sort_by=popularity", "sort_by"),
        ("sort_order=sideways", "sort_order"),
        ("recruiter=bob", "recruiter"),
        ("q=" + "x" * 201, "q"),
        ("skills=" + "y" * 61, "skills.0"),
        ("page=0", "page"),
    ],
)
def test_bad_filters_are_refused_with_field_errors(api_client, board, query, field):
    response = api_client.get(f"/api/v1/jobs?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["error_code"] == "validation_error"
    assert field in body["errors"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"job_type": ["gig"]}, "job_type.0"),
        ({"salary_min": "lots"}, "salary_min"),
        ({"sort_by": "popularity"}, "sort_by"),
        ({"skills": ["Go", {"name": "Rust"}]}, "skills.1"),
        ({"colour": "blue"}, "colour"),
        (["q", "python"], "non_field_errors"),
    ],
)
def test_a_bad_search_body_is_refused_with_field_errors(api_client, body, field):
    response = api_client.post("/api/v1/jobs/search", body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_parsing_a_query_string_and_a_json_body_gives_the_same_filters(recruiter):
    query = QueryDict(
        "q=%20data%20%20engineer&job_type=Full-time,contract&skills=python3&skills=k8s"
        "&remote=yes&salary_min=5000&recruiter=me&status=open&sort_by=relevance&page=2"
    )
    body = {
        "q": "data engineer",
        "job_type": ["full_time", "Contract"],
        "skills": "Python, Kubernetes",
        "remote": True,
        "salary_min": 5000,
        "recruiter": recruiter.pk,
        "status": ["open"],
        "sort_by": "relevance",
    }
    expected = JobFilters(
        q="data engineer",
        job_type=("full_time", "contract"),
        skills=("Python", "Kubernetes"),
        remote=True,
        salary_min=5000,
        recruiter=recruiter.pk,
        status=("open",),
    )
    assert job_filters_parse(query, user=recruiter) == expected
    assert job_filters_parse(body, user=recruiter) == expected
    assert job_filters_parse({}) == JobFilters()


def test_parse_errors_name_every_bad_field():
    with pytest.raises(ValidationError) as raised:
        job_filters_parse({"job_type": "gig", "salary_min": "x", "unknown": 1})
    assert set(raised.value.detail) == {"unknown"}
    with pytest.raises(ValidationError) as raised:
        job_filters_parse({"job_type": "gig", "salary_min": "x"})
    assert set(raised.value.detail) == {"job_type", "salary_min"}


def test_jobs_list_without_a_user_is_what_anyone_sees(board, recruiter):
    JobFactory(owner=recruiter, status=JobStatus.DRAFT)
    filters = JobFilters(status=("draft", "open"))
    assert set(jobs_list(user=None, filters=filters)) == set(board.values())


@pytest.mark.parametrize("body", ["null", "[]", '"python"'])
def test_a_search_body_that_is_not_an_object_is_refused(api_client, body):
    response = api_client.post("/api/v1/jobs/search", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == ["Send the filters as a JSON object."]
