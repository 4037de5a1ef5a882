"""Staff see, search, filter and edit jobs in the Django admin; saved jobs are read-only."""

import pytest

from jobs.freshness import jobs_version
from jobs.models import Job, JobStatus
from tests.jobs.factories import JobFactory, SavedJobFactory

pytestmark = pytest.mark.django_db

JOBS = "/admin/jobs/job/"


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_job_list_loads_with_its_filters(staff_client):
    JobFactory(title="Payments Engineer", source="jsearch", source_job_id="abc-1")

    response = staff_client.get(JOBS)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Payments Engineer" in page
    for name in ("status", "job_type", "work_mode", "experience_level", "source"):
        assert f"?{name}" in page or f"&amp;{name}" in page, name


def test_the_job_list_costs_the_same_queries_for_more_jobs(
    staff_client, django_assert_max_num_queries
):
    owner = JobFactory().owner
    staff_client.get(JOBS)
    for _ in range(10):
        JobFactory(owner=owner)

    with django_assert_max_num_queries(10):
        assert staff_client.get(JOBS).status_code == 200


@pytest.mark.parametrize("field", ["title", "company", "short_code", "source_job_id"])
def test_search_finds_jobs_by_title_company_code_and_source_id(staff_client, field):
    wanted = JobFactory(title="Payments Engineer", company="Acme Pay", source_job_id="feed-77")
    JobFactory(title="Accountant", company="Ledger Co")

    response = staff_client.get(JOBS, {"q": getattr(wanted, field)})

    page = response.content.decode()
    assert "Payments Engineer" in page
    assert "Accountant" not in page


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"status__exact": "draft"}, "Draft Role", "Open Role"),
        ({"work_mode__exact": "remote"}, "Open Role", "Draft Role"),
    ],
)
def test_filters_narrow_the_list(staff_client, query, shown, hidden):
    JobFactory(title="Open Role", work_mode="remote")
    JobFactory(title="Draft Role", status=JobStatus.DRAFT)

    page = staff_client.get(JOBS, query).content.decode()

    assert shown in page and hidden not in page


def test_the_close_action_closes_the_selected_jobs_and_moves_the_version(
    staff_client, django_capture_on_commit_callbacks
):
    first, second, untouched = JobFactory(), JobFactory(), JobFactory()
    before = jobs_version()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            JOBS,
            {"action": "close_jobs", "_selected_action": [first.pk, second.pk]},
            follow=True,
        )

    assert response.status_code == 200
    assert "2 jobs closed." in response.content.decode()
    statuses = dict(Job.objects.values_list("pk", "status"))
    assert statuses == {
        first.pk: JobStatus.CLOSED,
        second.pk: JobStatus.CLOSED,
        untouched.pk: JobStatus.OPEN,
    }
    assert jobs_version() != before


def test_the_change_page_shows_derived_fields_read_only(staff_client):
    job = JobFactory()

    page = staff_client.get(f"{JOBS}{job.pk}/change/").content.decode()

    assert job.short_code in page
    assert 'name="short_code"' not in page
    assert 'name="skill_keys"' not in page
    assert 'name="vector"' not in page
    assert 'name="title"' in page


def test_saving_in_the_admin_derives_fields_again(staff_client, django_capture_on_commit_callbacks):
    job = JobFactory(status=JobStatus.DRAFT)
    page = staff_client.get(f"{JOBS}{job.pk}/change/")
    data = {
        field.name: field.value() or ""
        for field in page.context["adminform"].form
        if field.name not in {"required_skills", "preferred_skills"}
    }
    data.update(
        required_skills='["Rust"]',
        preferred_skills="[]",
        status=JobStatus.OPEN,
        owner=job.owner_id,
    )
    before = jobs_version()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"{JOBS}{job.pk}/change/", data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    job.refresh_from_db()
    assert job.skill_keys == ["rust"]
    assert job.skills_edited is True
    assert job.posted_at is not None
    assert jobs_version() != before


def test_deleting_in_the_admin_goes_through_the_service(
    staff_client, django_capture_on_commit_callbacks
):
    job = JobFactory()
    before = jobs_version()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"{JOBS}{job.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Job.objects.exists()
    assert jobs_version() != before


def test_saved_jobs_are_listed_read_only(staff_client):
    saved = SavedJobFactory()

    listing = staff_client.get("/admin/jobs/savedjob/")
    detail = staff_client.get(f"/admin/jobs/savedjob/{saved.pk}/change/")

    assert listing.status_code == 200
    assert saved.job.title in listing.content.decode()
    assert detail.status_code == 200
    assert b'name="job"' not in detail.content
    assert staff_client.get("/admin/jobs/savedjob/add/").status_code == 403
