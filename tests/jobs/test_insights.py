"""Market insights: figures worked out by hand on small job sets, the cache and the API."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jobs import insights as insights_module
from jobs.filters import JobFilters
from jobs.freshness import jobs_changed
from jobs.insights import annual_salary, job_insights, salary_summary, title_group
from jobs.models import Job, JobStatus, SalaryPeriod, WorkMode
from jobs.services.jobs import job_create
from tests.accounts.factories import RecruiterFactory
from tests.jobs.factories import BACKEND_DESCRIPTION, JobFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return RecruiterFactory()


def _job(owner, **fields):
    fields.setdefault("required_skills", ["Python"])
    return JobFactory(owner=owner, **fields)


def _group(groups, key, name):
    return next(group for group in groups if group[key] == name)


# --- Salaries ------------------------------------------------------------------------------


def test_salaries_are_annual_midpoints_grouped_by_title_without_level_words(owner):
    # 110,000 (range midpoint), 8,000 a month = 96,000, 50 an hour = 104,000, 80,000 (min only)
    _job(owner, title="Senior Backend Engineer", salary_min=100_000, salary_max=120_000)
    _job(owner, title="Backend Engineer", salary_min=8_000, salary_period=SalaryPeriod.MONTH)
    _job(owner, title="backend engineer", salary_max=50, salary_period=SalaryPeriod.HOUR)
    _job(owner, title="Junior Backend Engineer", salary_min=80_000)

    group = _group(job_insights()["salary_by_title"], "title", "Backend Engineer")

    # Sorted: 80,000 96,000 104,000 110,000. Quartiles interpolate between neighbours:
    # p25 at position 0.75 → 80,000 + 0.75 * 16,000; p75 at 2.25 → 104,000 + 0.25 * 6,000.
    assert group == {
        "title": "Backend Engineer",
        "currency": "USD",
        "count": 4,
        "median": 100_000,
        "p25": 92_000,
        "p75": 105_500,
        "min": 80_000,
        "max": 110_000,
    }


def test_a_title_needs_three_salaries_and_currencies_never_mix(owner):
    for salary in (50_000, 60_000):
        _job(owner, title="Data Scientist", salary_min=salary)
    for salary in (40_000, 50_000, 60_000):
        _job(owner, title="Data Analyst", salary_min=salary, salary_currency="EUR")
    _job(owner, title="Data Analyst", salary_min=1_000_000, salary_currency="USD")
    _job(owner, title="Data Analyst")  # no salary: counted as a job, not as a salary

    groups = job_insights()["salary_by_title"]

    assert [(group["title"], group["currency"]) for group in groups] == [("Data Analyst", "EUR")]
    assert groups[0]["count"] == 3
    assert groups[0]["median"] == 50_000


def test_salaries_by_location_group_spellings_of_one_place(owner):
    for location, salary in (("Berlin", 60_000), ("berlin", 70_000), ("Berlin ", 80_000)):
        _job(owner, location=location, salary_min=salary, salary_currency="eur")
    for salary in (100_000, 120_000, 140_000):
        _job(owner, location="London, UK", salary_min=salary, salary_currency="GBP")

    groups = job_insights()["salary_by_location"]

    berlin = _group(groups, "location", "Berlin")
    assert (berlin["currency"], berlin["count"], berlin["median"]) == ("EUR", 3, 70_000)
    assert _group(groups, "location", "London, UK")["p75"] == 130_000


def test_groups_are_ranked_by_count_and_capped(owner, monkeypatch):
    monkeypatch.setattr(insights_module, "TOP_SALARY_GROUPS", 2)
    for title, count in (("Designer", 3), ("Engineer", 5), ("Writer", 4)):
        for index in range(count):
            _job(owner, title=title, salary_min=50_000 + index)

    groups = job_insights()["salary_by_title"]

    assert [(group["title"], group["count"]) for group in groups] == [
        ("Engineer", 5),
        ("Writer", 4),
    ]


@pytest.mark.parametrize(
    ("low", "high", "period", "expected"),
    [
        (100, 200, SalaryPeriod.YEAR, 150),
        (100, None, SalaryPeriod.MONTH, 1_200),
        (None, 10, SalaryPeriod.HOUR, 20_800),
        (None, None, SalaryPeriod.YEAR, None),
        (0, 0, SalaryPeriod.YEAR, None),
    ],
)
def test_annual_salary(low, high, period, expected):
    assert annual_salary(low, high, period) == expected


def test_salary_summary_of_an_odd_count_takes_the_middle_value():
    assert salary_summary([30, 10, 20]) == {
        "count": 3,
        "median": 20,
        "p25": 15,
        "p75": 25,
        "min": 10,
        "max": 30,
    }


@pytest.mark.parametrize(
    ("title", "group"),
    [
        ("Senior Backend Engineer", "Backend Engineer"),
        ("Sr. Data Engineer (Lead)", "Data Engineer"),
        ("Junior .NET Developer", ".NET Developer"),
        ("Mid-Level C++ Engineer", "C++ Engineer"),
        ("Software Engineer II", "Software Engineer"),
        ("Staff Engineer - Payments", "Engineer - Payments"),
        ("Lead", "Lead"),
    ],
)
def test_title_group_drops_seniority_words(title, group):
    assert title_group(title) == group


# --- Skills, work modes, weeks -------------------------------------------------------------


def test_demand_counts_jobs_per_skill_once_whether_required_or_preferred(owner):
    _job(owner, required_skills=["Python", "Django"], preferred_skills=["AWS"])
    _job(owner, required_skills=["Python"], preferred_skills=["Django"])
    _job(owner, required_skills=["Go"], preferred_skills=[])
    _job(owner, required_skills=["python"], preferred_skills=[])

    demand = job_insights()["demand_by_skill"]

    assert [(item["skill"], item["count"], item["share"]) for item in demand] == [
        ("Python", 3, 0.75),
        ("Django", 2, 0.5),
        ("AWS", 1, 0.25),
        ("Go", 1, 0.25),
    ]
    assert _group(demand, "skill", "Python")["category"] == "languages"
    assert _group(demand, "skill", "AWS")["category"] == "cloud"


def test_demand_keeps_the_top_25_skills(owner):
    for index in range(30):
        _job(owner, required_skills=[f"Skill {index:02d}"])
    _job(owner, required_skills=["Skill 29"])

    demand = job_insights()["demand_by_skill"]

    assert len(demand) == 25
    assert demand[0] == {"skill": "Skill 29", "category": "other", "count": 2, "share": 0.0645}


def test_work_mode_shares_and_remote_share(owner):
    for mode in (WorkMode.REMOTE, WorkMode.REMOTE, WorkMode.HYBRID, WorkMode.ONSITE):
        _job(owner, work_mode=mode)

    insights = job_insights()

    assert insights["work_modes"] == {"onsite": 0.25, "hybrid": 0.25, "remote": 0.5}
    assert insights["remote_share"] == 0.5
    assert insights["total_jobs"] == 4


def test_postings_per_week_covers_twelve_mondays_with_empty_weeks(owner):
    now = timezone.now()
    _job(owner, posted_at=now)
    _job(owner, posted_at=now - timedelta(weeks=2))
    _job(owner, posted_at=now - timedelta(weeks=2, days=1))
    _job(owner, posted_at=now - timedelta(weeks=20))  # before the window
    never_posted = _job(owner, posted_at=None)
    Job.objects.filter(pk=never_posted.pk).update(created_at=now - timedelta(weeks=11))

    weeks = job_insights()["postings_per_week"]

    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    assert [week["week_start"] for week in weeks] == [
        (monday - timedelta(weeks=11 - index)).isoformat() for index in range(12)
    ]
    counts = [week["count"] for week in weeks]
    assert counts[-1] == 1  # this week
    assert counts[0] == 1  # created eleven weeks ago, never given a posted date
    assert sum(counts) == 4
    assert counts.count(0) >= 8


def test_only_open_jobs_count(owner):
    _job(owner)
    _job(owner, status=JobStatus.DRAFT)
    _job(owner, status=JobStatus.CLOSED)
    _job(owner, end_date=timezone.now() - timedelta(days=1))  # open, but past its end date

    assert job_insights()["total_jobs"] == 1


def test_no_jobs_gives_zeros_not_errors():
    insights = job_insights()

    assert insights["total_jobs"] == 0
    assert insights["demand_by_skill"] == []
    assert insights["work_modes"] == {"onsite": 0.0, "hybrid": 0.0, "remote": 0.0}
    assert [week["count"] for week in insights["postings_per_week"]] == [0] * 12


def test_filters_narrow_every_figure(owner):
    for salary in (50_000, 60_000, 70_000):
        _job(owner, title="Engineer", location="Berlin", salary_min=salary, work_mode="remote")
    _job(owner, title="Engineer", location="Paris", salary_min=500_000, required_skills=["Go"])

    berlin = job_insights(filters=JobFilters(location="berlin"))
    go = job_insights(filters=JobFilters(skills=("Go",)))

    assert berlin["total_jobs"] == 3
    assert berlin["remote_share"] == 1.0
    assert berlin["salary_by_title"][0]["max"] == 70_000
    assert [item["skill"] for item in berlin["demand_by_skill"]] == ["Python"]
    assert go["total_jobs"] == 1
    assert go["salary_by_title"] == []


def test_search_words_narrow_the_insights(owner):
    _job(owner, title="Platform Engineer")
    _job(owner, title="Accountant", description="Bookkeeping and payroll for a small firm.")

    assert job_insights(filters=JobFilters(q="accountant"))["total_jobs"] == 1


# --- Cache ---------------------------------------------------------------------------------


def test_results_come_from_the_cache_until_a_job_changes(owner, django_capture_on_commit_callbacks):
    _job(owner)
    first = job_insights()
    _job(owner)  # written behind the service's back: the version does not move

    second = job_insights()
    with django_capture_on_commit_callbacks(execute=True):
        job_create(owner=owner, data={"title": "Engineer", "description": BACKEND_DESCRIPTION})
    third = job_insights()

    assert (first["cached"], first["total_jobs"]) == (False, 1)
    assert (second["cached"], second["total_jobs"]) == (True, 1)
    assert (third["cached"], third["total_jobs"]) == (False, 3)


def test_each_set_of_filters_has_its_own_cache_entry(owner):
    _job(owner, location="Berlin")
    _job(owner, location="Paris")

    assert job_insights(filters=JobFilters(location="Berlin"))["total_jobs"] == 1
    assert job_insights(filters=JobFilters(location="Paris"))["total_jobs"] == 1
    assert job_insights(filters=JobFilters(location="Paris"))["cached"] is True
    # No filters, empty filters and a sort order alone are the same question.
    assert job_insights()["cached"] is False
    assert job_insights(filters=JobFilters())["cached"] is True
    assert job_insights(filters=JobFilters(sort_by="title"))["cached"] is True


def test_the_cache_entry_lives_ten_minutes(owner, monkeypatch):
    timeouts = []
    real_set = insights_module.cache.set

    def recording_set(key, value, timeout):
        timeouts.append(timeout)
        real_set(key, value, timeout)

    monkeypatch.setattr(insights_module.cache, "set", recording_set)
    job_insights()

    assert timeouts == [600]


def test_a_version_change_alone_refreshes(owner, django_capture_on_commit_callbacks):
    job_insights()
    with django_capture_on_commit_callbacks(execute=True):
        jobs_changed()

    assert job_insights()["cached"] is False


def test_one_query_however_many_jobs(owner):
    def queries() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            job_insights()
        return len(captured)

    _job(owner, salary_min=1)
    few = queries()
    for index in range(25):
        _job(owner, title=f"Role {index % 3}", salary_min=1000 + index, work_mode="hybrid")
    many = queries()

    assert few == many == 1


# --- API -----------------------------------------------------------------------------------


def test_the_api_answers_anyone_with_the_insights(api_client, owner):
    _job(owner, work_mode=WorkMode.REMOTE)

    response = api_client.get("/api/v1/jobs/insights")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "total_jobs",
        "demand_by_skill",
        "salary_by_title",
        "salary_by_location",
        "work_modes",
        "remote_share",
        "postings_per_week",
        "generated_at",
        "cached",
    }
    assert body["remote_share"] == 1.0
    assert len(body["postings_per_week"]) == 12


def test_the_api_takes_the_list_filters(api_client, owner):
    _job(owner, job_type="contract")
    _job(owner, job_type="full_time")

    response = api_client.get("/api/v1/jobs/insights", {"job_type": "Contract"})

    assert response.json()["total_jobs"] == 1


def test_the_api_refuses_bad_filters_with_the_error_body(api_client):
    response = api_client.get("/api/v1/jobs/insights", {"salary_min": "lots", "job_type": "x"})

    assert response.status_code == 400
    body = response.json()
    assert body["error_code"] == "validation_error"
    assert {field.split(".")[0] for field in body["errors"]} == {"salary_min", "job_type"}


def test_the_schema_documents_the_insights(api_client):
    schema = api_client.get(
        "/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json"
    ).json()

    operation = schema["paths"]["/api/v1/jobs/insights"]["get"]
    assert {"200", "400"} <= set(operation["responses"])
    assert {"q", "location", "skills", "work_mode"} <= {p["name"] for p in operation["parameters"]}
