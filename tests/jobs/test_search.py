"""Search relevance: an exact title beats a title mention, which beats skills, which beat a
passing mention in a description. PostgreSQL ranks its search vector; SQLite falls back."""

import pytest
from django.db import connection

from jobs.filters import JobFilters
from jobs.models import JobStatus
from jobs.search import skill_condition
from jobs.selectors import jobs_list
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search needs PostgreSQL"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite fallback")

FILLER = "We value kind colleagues, written communication and steady delivery. " * 2


def job(title, *, description="", skills=(), **fields):
    return JobFactory(
        title=title,
        description=f"{description} {FILLER}",
        required_skills=list(skills),
        skills_edited=bool(skills),
        **fields,
    )


def search(q, **filters) -> list[str]:
    return [found.title for found in jobs_list(user=None, filters=JobFilters(q=q, **filters))]


@pytest.fixture
def postings():
    return [
        job(
            "Office Manager",
            description="You will support our Kubernetes team with travel.",
            skills=["Excel"],
        ),
        job("Platform Engineer", description="Run our clusters.", skills=["Kubernetes", "Go"]),
        job("Senior Kubernetes Engineer", description="Own the platform.", skills=["Go"]),
        job("Kubernetes", description="A short title for a long role.", skills=["Helm"]),
        job("Accountant", description="Ledgers and quarterly reports."),
    ]


def test_title_beats_skills_beats_description(api_client, postings):
    expected = ["Kubernetes", "Senior Kubernetes Engineer", "Platform Engineer", "Office Manager"]
    assert search("kubernetes") == expected
    body = api_client.post("/api/v1/jobs/search", {"q": "Kubernetes"}, format="json").json()
    assert [item["title"] for item in body["items"]] == expected


def test_every_word_must_be_found(postings):
    assert search("kubernetes engineer") == ["Senior Kubernetes Engineer", "Platform Engineer"]
    assert search("kubernetes accountant") == []


def test_a_word_can_be_excluded(postings):
    assert "Office Manager" not in search("kubernetes -travel")


def test_an_exact_title_comes_first_whatever_its_case(postings):
    assert search("platform ENGINEER")[0] == "Platform Engineer"


def test_search_finds_company_names(postings):
    job("Data Analyst", company="Globex Corporation", description="Dashboards.")
    assert search("globex") == ["Data Analyst"]


def test_search_keeps_to_the_filters_and_visibility(postings, recruiter):
    job("Kubernetes Intern", status=JobStatus.DRAFT, owner=recruiter)
    job("Remote Kubernetes Lead", work_mode="remote")
    assert search("kubernetes", remote=True) == ["Remote Kubernetes Lead"]
    assert "Kubernetes Intern" not in search("kubernetes")


def test_an_explicit_sort_replaces_relevance(postings):
    assert search("kubernetes", sort_by="title", sort_order="asc") == [
        "Kubernetes",
        "Office Manager",
        "Platform Engineer",
        "Senior Kubernetes Engineer",
    ]


@on_postgresql
def test_postgresql_matches_word_forms(postings):
    job("Data Engineer", description="You will be engineering reliable pipelines.")
    assert "Data Engineer" in search("engineered")


@on_postgresql
def test_postgresql_understands_web_search_syntax(postings):
    assert search('"kubernetes engineer"') == ["Senior Kubernetes Engineer"]
    assert set(search("accountant OR helm")) == {"Accountant", "Kubernetes"}


@on_postgresql
def test_postgresql_keeps_the_search_vector_up_to_date(postings):
    accountant = postings[-1]
    accountant.title = "Kubernetes Accountant"
    accountant.save(update_fields=["title"])
    assert "Kubernetes Accountant" in search("kubernetes")


@on_sqlite
def test_sqlite_finds_words_inside_skill_names(postings):
    assert search("helm") == ["Kubernetes"]


@pytest.mark.parametrize("name", ["go", "c++", "node.js"])
def test_the_skill_condition_matches_whole_skill_names(name):
    wanted = JobFactory(required_skills=[name.title()], skills_edited=True)
    JobFactory(required_skills=["Golang Tools", "C", "Nodes Manager"], skills_edited=True)
    found = set(JobFactory._meta.model.objects.filter(skill_condition(name.casefold())))
    assert found == {wanted}
