"""jobs_import: per-row validation, dedup on (source, source_job_id), batches, dry runs."""

import json
from datetime import UTC, datetime

import pytest
from django.db import IntegrityError

from jobs.errors import InvalidImportSource
from jobs.freshness import jobs_version
from jobs.imports import service
from jobs.imports.feeds import feed_rows
from jobs.imports.service import jobs_import
from jobs.models import Job, JobStatus
from tests.accounts.factories import AdminFactory, RecruiterFactory
from tests.jobs.factories import BACKEND_DESCRIPTION, JobFactory

DATA_DESCRIPTION = """Data Engineer
We move data for a logistics platform.
Requirements: Python, Spark, Airflow, SQL.
Nice to have: Kafka.
"""
OPS = "We run Kubernetes clusters for a payments platform and share the on-call rota."
GOOD = [
    {
        "source_job_id": "ext-1",
        "title": "Backend Engineer",
        "company": "Acme",
        "location": "London, UK",
        "description": BACKEND_DESCRIPTION,
        "salary_min": "60000",
        "salary_max": "80000",
        "salary_currency": "GBP",
        "apply_url": "https://jobs.example.com/1",
        "posted_at": "2025-05-01T09:00:00Z",
    },
    {
        "source_job_id": "ext-2",
        "title": "Data Engineer",
        "company": "Acme",
        "location": "Remote",
        "remote": "yes",
        "description": DATA_DESCRIPTION,
    },
]
BAD = [
    {"source_job_id": "bad-title", "company": "Acme", "description": "No title here."},
    {"source_job_id": "bad-salary", "title": "SRE", "description": "x", "salary_min": "lots"},
    {
        "source_job_id": "bad-range",
        "title": "SRE",
        "description": "x",
        "salary_min": 90000,
        "salary_max": 50000,
    },
    {"source_job_id": "bad-url", "title": "SRE", "description": "x", "apply_url": "not a url"},
    {"source_job_id": "bad-type", "title": "SRE", "description": "x", "job_type": "gig"},
]


@pytest.fixture
def recruiter(db):
    return RecruiterFactory()


def run(owner, rows, *, source="feed", dry_run=False):
    return jobs_import(owner=owner, rows=rows, source=source, dry_run=dry_run)


def test_good_rows_are_saved_and_bad_rows_reported_per_row(recruiter):
    report = run(recruiter, [GOOD[0], *BAD, GOOD[1]])

    assert (report.created, report.updated, report.unchanged, report.failed) == (2, 0, 0, 5)
    assert Job.objects.count() == 2
    errors = {entry["source_job_id"]: entry for entry in report.errors}
    assert [entry["row"] for entry in report.errors] == [2, 3, 4, 5, 6]
    assert "title" in errors["bad-title"]["errors"]
    assert "salary_min" in errors["bad-salary"]["errors"]
    assert errors["bad-range"]["errors"]
    assert "apply_url" in errors["bad-url"]["errors"]
    assert "job_type" in errors["bad-type"]["errors"]
    assert all(
        isinstance(message, str)
        for entry in report.errors
        for messages in entry["errors"].values()
        for message in messages
    )


def test_imported_jobs_are_open_owned_derived_and_dated_from_the_source(recruiter):
    report = run(recruiter, GOOD)

    backend = Job.objects.get(source_job_id="ext-1")
    data = Job.objects.get(source_job_id="ext-2")
    assert sorted(report.job_ids) == sorted([backend.pk, data.pk])
    assert backend.status == JobStatus.OPEN and backend.owner == recruiter
    assert backend.source == "feed"
    assert backend.posted_at == datetime(2025, 5, 1, 9, tzinfo=UTC)
    assert (backend.salary_min, backend.salary_max, backend.salary_currency) == (
        60000,
        80000,
        "GBP",
    )
    assert "Django" in backend.required_skills
    assert backend.vector and backend.vector_backend
    assert backend.short_code
    assert data.work_mode == "remote"
    assert data.posted_at is not None  # none in the feed: the time of the import
    assert "Apache Spark" in data.required_skills and "Apache Kafka" in data.preferred_skills


def test_skills_given_by_the_feed_are_kept(recruiter):
    row = {**GOOD[0], "required_skills": ["Rust", "gRPC"]}

    run(recruiter, [row])

    job = Job.objects.get()
    assert job.required_skills == ["Rust", "gRPC"]
    assert job.skills_edited


def test_importing_the_same_feed_again_changes_nothing(recruiter):
    first = run(recruiter, GOOD)
    before = list(Job.objects.values_list("pk", "updated_at", "vector"))

    second = run(recruiter, GOOD)

    assert (second.created, second.updated, second.unchanged, second.failed) == (0, 0, 2, 0)
    assert sorted(second.job_ids) == sorted(first.job_ids)
    assert list(Job.objects.values_list("pk", "updated_at", "vector")) == before


def test_a_feed_without_ids_dedups_on_the_derived_id(recruiter):
    rows = [{key: value for key, value in row.items() if key != "source_job_id"} for row in GOOD]

    run(recruiter, rows)
    again = run(recruiter, rows)

    assert (again.created, again.unchanged) == (0, 2)
    assert Job.objects.count() == 2
    assert all(len(job.source_job_id) == 32 for job in Job.objects.all())


def test_a_changed_row_updates_the_job_and_its_skills_and_vector_follow(recruiter):
    run(recruiter, GOOD)
    job = Job.objects.get(source_job_id="ext-1")
    changed = {**GOOD[0], "description": DATA_DESCRIPTION, "salary_max": "85000"}

    report = run(recruiter, [changed, GOOD[1]])

    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    updated = Job.objects.get(pk=job.pk)
    assert updated.salary_max == 85000
    assert "Apache Spark" in updated.required_skills and "Django" not in updated.required_skills
    assert "apache spark" in updated.skill_keys
    assert updated.vector != job.vector
    assert updated.updated_at > job.updated_at
    assert updated.short_code == job.short_code


def test_a_salary_only_change_keeps_the_vector(recruiter):
    run(recruiter, GOOD[:1])
    job = Job.objects.get()

    report = run(recruiter, [{**GOOD[0], "salary_max": "90000"}])

    assert report.updated == 1
    job.refresh_from_db()
    assert job.salary_max == 90000


def test_a_posting_imported_by_another_recruiter_is_not_taken_over(recruiter):
    run(recruiter, GOOD)
    other = RecruiterFactory()

    report = run(other, [{**GOOD[0], "title": "Hijacked"}, GOOD[1]])

    assert (report.created, report.updated, report.failed) == (0, 0, 2)
    assert "another recruiter" in report.errors[0]["errors"]["source_job_id"][0]
    assert Job.objects.get(source_job_id="ext-1").title == "Backend Engineer"


def test_an_admin_may_update_another_recruiters_posting_which_keeps_its_owner(recruiter):
    run(recruiter, GOOD)

    report = run(AdminFactory(), [{**GOOD[0], "title": "Staff Backend Engineer"}])

    assert report.updated == 1
    job = Job.objects.get(source_job_id="ext-1")
    assert (job.title, job.owner) == ("Staff Backend Engineer", recruiter)


def test_the_same_id_in_another_source_is_another_posting(recruiter):
    run(recruiter, GOOD)

    report = run(recruiter, GOOD, source="partner-board")

    assert report.created == 2
    assert Job.objects.count() == 4


def test_a_job_written_here_is_never_matched_by_an_import(recruiter):
    own = JobFactory(owner=recruiter, title="Backend Engineer")

    run(recruiter, GOOD)

    own.refresh_from_db()
    assert own.source_job_id == "" and Job.objects.count() == 3


def test_a_posting_twice_in_one_feed_is_reported_once(recruiter):
    report = run(recruiter, [GOOD[0], GOOD[1], {**GOOD[0], "title": "Other title"}])

    assert (report.created, report.failed) == (2, 1)
    assert report.errors[0]["row"] == 3
    assert "Row 1" in report.errors[0]["errors"]["source_job_id"][0]


def test_a_dry_run_reports_without_writing(recruiter):
    first = run(recruiter, [GOOD[0], BAD[0]], dry_run=True)

    assert (first.created, first.failed, first.dry_run) == (1, 1, True)
    assert not Job.objects.exists()

    run(recruiter, GOOD)
    before = list(Job.objects.values_list("pk", "title", "updated_at"))
    second = run(recruiter, [{**GOOD[0], "title": "Renamed"}, GOOD[1]], dry_run=True)

    assert (second.created, second.updated, second.unchanged) == (0, 1, 1)
    assert list(Job.objects.values_list("pk", "title", "updated_at")) == before


def test_rows_are_written_in_batches(recruiter, monkeypatch):
    monkeypatch.setattr(service, "BATCH_SIZE", 2)
    rows = [{**GOOD[1], "source_job_id": f"ext-{n}", "title": f"Engineer {n}"} for n in range(5)]

    report = run(recruiter, rows)

    assert report.created == 5
    assert len(set(Job.objects.values_list("short_code", flat=True))) == 5


def test_a_large_import_costs_a_few_queries_per_batch(recruiter, django_assert_max_num_queries):
    rows = [{**GOOD[1], "source_job_id": f"ext-{n}", "title": f"Engineer {n}"} for n in range(60)]

    with django_assert_max_num_queries(10):
        report = run(recruiter, rows)

    assert report.created == 60


def test_a_successful_import_bumps_the_jobs_version(recruiter, django_capture_on_commit_callbacks):
    before = jobs_version()

    with django_capture_on_commit_callbacks(execute=True):
        run(recruiter, GOOD)

    assert jobs_version() != before


def test_a_dry_run_leaves_the_jobs_version(recruiter, django_capture_on_commit_callbacks):
    before = jobs_version()

    with django_capture_on_commit_callbacks(execute=True):
        run(recruiter, GOOD, dry_run=True)

    assert jobs_version() == before


@pytest.mark.parametrize("source", ["", "hirewise", "Has Spaces", "x" * 51])
def test_a_bad_source_name_is_refused(recruiter, source):
    with pytest.raises(InvalidImportSource):
        run(recruiter, GOOD, source=source)


def test_a_json_feed_with_bad_rows_imports_the_good_ones(recruiter):
    data = json.dumps({"jobs": [GOOD[0], BAD[1], "not an object"]}).encode()

    report = run(recruiter, feed_rows(name="feed.json", data=data))

    assert (report.created, report.failed) == (1, 2)
    assert report.errors[1] == {
        "row": 3,
        "source_job_id": "",
        "errors": {"row": ["Each posting must be an object."]},
    }


def test_a_csv_feed_with_bad_rows_imports_the_good_ones(recruiter):
    csv_text = (
        "id,job title,company,location,description,salary,skills,remote,type,url\n"
        f'c1,Platform Engineer,Acme,Berlin,"{OPS}",£50k\u201360k,"Go; Kubernetes",yes,'
        "Full-time,https://acme.example/c1\n"
        f"c2,,Acme,Berlin,{OPS},,,,,\n"
        f"c3,SRE,Acme,Berlin,{OPS},,,,gig,\n"
        f"c4,SRE,Acme,Berlin,{OPS},,,,,ftp//broken\n"
    )

    report = run(recruiter, feed_rows(name="feed.csv", data=csv_text.encode()))

    assert (report.created, report.failed) == (1, 3)
    assert [(entry["row"], *entry["errors"]) for entry in report.errors] == [
        (2, "title"),
        (3, "job_type"),
        (4, "apply_url"),
    ]
    job = Job.objects.get()
    assert (job.salary_text, job.salary_min, job.salary_max) == ("£50k\u201360k", 50000, 60000)
    assert job.required_skills == ["Go", "Kubernetes"]
    assert (job.work_mode, job.job_type, job.apply_url) == (
        "remote",
        "full_time",
        "https://acme.example/c1",
    )


def test_a_batch_colliding_with_a_concurrent_import_is_planned_again(recruiter, monkeypatch):
    real_bulk_create = Job.objects.bulk_create
    sizes = []

    def collide_once(jobs, *args, **kwargs):
        sizes.append(len(jobs))
        if len(sizes) == 1:
            raise IntegrityError('duplicate key value violates "jobs_unique_source_job"')
        return real_bulk_create(jobs, *args, **kwargs)

    monkeypatch.setattr(Job.objects, "bulk_create", collide_once)

    report = run(recruiter, GOOD)

    assert sizes == [2, 2]
    assert (report.created, report.failed) == (2, 0)
    assert Job.objects.count() == 2
