"""The recruiter's posting pages: list, write with a skills preview, edit, open and close,
delete; another recruiter's posting is a 404 everywhere."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jobs.derived import skills_from_description
from jobs.models import Job, JobStatus
from tests.accounts.factories import AdminFactory, CandidateFactory, RecruiterFactory
from tests.ats.factories import ApplicationFactory
from tests.jobs.factories import BACKEND_DESCRIPTION, JobFactory, SavedJobFactory
from tests.jobs.test_pages import assert_clean_page, page_of, text_of

pytestmark = pytest.mark.django_db

MANAGE = "/recruiter/jobs/"
NEW = "/recruiter/jobs/new"


def edit_url(job):
    return f"/recruiter/jobs/{job.pk}/edit"


def status_url(job):
    return f"/recruiter/jobs/{job.pk}/status"


def delete_url(job):
    return f"/recruiter/jobs/{job.pk}/delete"


@pytest.fixture
def recruiter(client):
    user = RecruiterFactory()
    client.force_login(user)
    return user


def _form(**changes) -> dict:
    data = {
        "title": "Platform Engineer",
        "company": "Acme Pay",
        "location": "London, UK",
        "job_type": "full_time",
        "work_mode": "hybrid",
        "experience_level": "senior",
        "department": "Engineering",
        "description": BACKEND_DESCRIPTION,
        "required_skills": "",
        "preferred_skills": "",
        "salary_min": "90000",
        "salary_max": "120000",
        "salary_currency": "usd",
        "salary_period": "year",
        "salary_text": "",
        "apply_url": "https://jobs.example.com/1",
        "end_date": "",
        "status": "open",
    }
    return {**data, **changes}


def _row(page: str, title: str) -> str:
    """The table row of the posting titled `title`."""
    return next(row for row in page.split("<tr>") if f">{title}</a>" in row)


# --- The list ------------------------------------------------------------------------------


def test_the_list_shows_own_postings_in_every_state_with_saves(client, recruiter):
    open_job = JobFactory(owner=recruiter, title="Open Role")
    JobFactory(owner=recruiter, title="Draft Role", status=JobStatus.DRAFT)
    JobFactory(owner=recruiter, title="Closed Role", status=JobStatus.CLOSED)
    JobFactory(title="Someone Elses Role")
    SavedJobFactory(job=open_job)
    SavedJobFactory(job=open_job)

    page = page_of(client.get(MANAGE))

    assert "Open Role" in page and "Draft Role" in page and "Closed Role" in page
    assert "Someone Elses Role" not in page
    assert '<td class="num" data-label="Saves">2</td>' in _row(page, "Open Role")
    assert 'value="closed">Close<' in _row(page, "Open Role")
    assert 'value="open">Publish<' in _row(page, "Draft Role")
    assert 'value="open">Reopen<' in _row(page, "Closed Role")
    assert "All 3" in text_of(page)


def test_the_list_counts_applicants_and_keeps_delete_off_the_rows(client, recruiter):
    job = JobFactory(owner=recruiter, title="Busy Role")
    ApplicationFactory.create_batch(3, job=job)
    SavedJobFactory(job=job)

    page = page_of(client.get(MANAGE))

    row = _row(page, "Busy Role")
    assert f'data-label="Applicants"><a href="/recruiter/jobs/{job.pk}/pipeline/">3<' in row
    assert '<td class="num" data-label="Saves">1</td>' in row
    assert "Delete" not in row and "btn--danger" not in page
    assert 'class="table table--stack manage-table"' in page


def test_delete_lives_in_the_postings_danger_zone(client, recruiter):
    job = JobFactory(owner=recruiter, title="Going Away")
    page = page_of(client.get(reverse("jobs:edit", args=[job.pk])))
    zone = page[page.index('class="card section danger-zone"') :]
    assert f'<a class="btn btn--danger" href="{delete_url(job)}">Delete Going Away…</a>' in zone
    assert "danger-zone" not in page_of(client.get(reverse("jobs:create")))


def test_the_list_filters_by_status(client, recruiter):
    JobFactory(owner=recruiter, title="Open Role")
    JobFactory(owner=recruiter, title="Draft Role", status=JobStatus.DRAFT)

    page = page_of(client.get(MANAGE, {"status": "draft"}))

    assert "Draft Role" in page and "Open Role" not in page
    assert 'href="/recruiter/jobs/?status=draft" aria-current="page"' in page


def test_an_admin_manages_every_posting(client):
    JobFactory(title="First Recruiters Role")
    JobFactory(title="Second Recruiters Role", status=JobStatus.DRAFT)
    client.force_login(AdminFactory())

    page = page_of(client.get(MANAGE))

    assert "First Recruiters Role" in page and "Second Recruiters Role" in page
    assert "All job postings" in page


def test_the_list_costs_the_same_queries_for_more_postings(client, recruiter):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            page_of(client.get(MANAGE))
        return len(captured)

    SavedJobFactory(job=JobFactory(owner=recruiter))
    few = queries()
    for _ in range(10):
        job = JobFactory(owner=recruiter)
        SavedJobFactory(job=job)
        ApplicationFactory(job=job)
    assert queries() == few


def test_candidates_and_visitors_cannot_use_the_recruiter_pages(client):
    job = JobFactory()
    urls = [MANAGE, NEW, edit_url(job), delete_url(job)]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url
    client.force_login(CandidateFactory())
    for url in urls:
        assert client.get(url).status_code == 403, url
    assert client.post(status_url(job), {"status": "closed"}).status_code == 403


# --- Writing -------------------------------------------------------------------------------


def test_preview_shows_the_extracted_skills_without_saving(client, recruiter):
    required, preferred = skills_from_description(BACKEND_DESCRIPTION)

    page = page_of(client.post(NEW, _form(preview="1")))

    assert not Job.objects.exists()
    assert f"Found {len(required)} required and {len(preferred)} nice-to-have" in page
    assert f"{', '.join(required)}</textarea>" in page
    assert f"{', '.join(preferred)}</textarea>" in page
    assert 'value="Platform Engineer"' in page  # the rest of the form is kept
    assert "field--invalid" not in page


def test_preview_of_a_description_without_known_skills_says_so(client, recruiter):
    description = "We need someone kind and curious to join our growing team in the city."

    page = page_of(client.post(NEW, _form(preview="1", description=description)))

    assert "No known skills found in the description." in page


def test_saving_the_previewed_skills_keeps_them_following_the_description(client, recruiter):
    required, preferred = skills_from_description(BACKEND_DESCRIPTION)
    form = _form(required_skills=", ".join(required), preferred_skills=", ".join(preferred))

    response = client.post(NEW, form)

    assert response.status_code == 302
    assert response["Location"] == MANAGE
    job = Job.objects.get()
    assert (job.owner, job.status, job.title) == (recruiter, JobStatus.OPEN, "Platform Engineer")
    assert job.required_skills == required
    assert job.skills_edited is False
    assert job.posted_at is not None
    assert (job.salary_min, job.salary_max, job.salary_currency) == (90_000, 120_000, "USD")
    assert "Platform Engineer is created." in page_of(client.get(MANAGE))


def test_skills_typed_by_hand_are_kept(client, recruiter):
    client.post(NEW, _form(required_skills="Rust, Kafka", preferred_skills="Go\nSQL"))

    job = Job.objects.get()
    assert job.required_skills == ["Rust", "Apache Kafka"]  # canonical names
    assert job.preferred_skills == ["Go", "SQL"]
    assert job.skills_edited is True


def test_a_new_draft_is_not_posted(client, recruiter):
    client.post(NEW, _form(status="draft"))

    job = Job.objects.get()
    assert (job.status, job.posted_at) == (JobStatus.DRAFT, None)


def test_the_serializers_rules_show_on_the_form(client, recruiter):
    short = page_of(client.post(NEW, _form(description="Too short.")))
    salary = page_of(client.post(NEW, _form(salary_min="5", salary_max="1")))

    assert not Job.objects.exists()
    assert "Please correct the following" in short
    assert '<a href="#id_description">Description: Ensure this field has at least 50' in short
    assert "The maximum salary is below the minimum." in salary
    assert 'id="id_salary_max_error"' in salary


def test_a_past_end_date_is_refused(client, recruiter):
    page = page_of(client.post(NEW, _form(end_date="2001-01-01")))

    assert not Job.objects.exists()
    assert "The end date must be in the future." in page


# --- Editing -------------------------------------------------------------------------------


def test_the_edit_form_is_filled_and_saves_changes(client, recruiter):
    job = JobFactory(owner=recruiter, title="Old Title", salary_min=1000)

    form_page = page_of(client.get(edit_url(job)))
    data = _form(title="New Title", required_skills=", ".join(job.required_skills))
    data["preferred_skills"] = ", ".join(job.preferred_skills)
    del data["status"]
    response = client.post(edit_url(job), data)

    assert 'value="Old Title"' in form_page
    assert 'name="status"' not in form_page  # states change with their own buttons
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.title == "New Title"
    assert job.skills_edited is False


def test_editing_skills_marks_them_as_chosen(client, recruiter):
    job = JobFactory(owner=recruiter)

    client.post(edit_url(job), _form(required_skills="Elixir", preferred_skills=""))

    job.refresh_from_db()
    assert (job.required_skills, job.skills_edited) == (["Elixir"], True)


def test_another_recruiters_posting_is_not_found_on_every_page(client, recruiter):
    job = JobFactory(title="Not Mine")

    assert client.get(edit_url(job)).status_code == 404
    assert client.post(edit_url(job), _form()).status_code == 404
    assert client.post(status_url(job), {"status": "closed"}).status_code == 404
    assert client.get(delete_url(job)).status_code == 404
    assert client.post(delete_url(job)).status_code == 404
    job.refresh_from_db()
    assert (job.title, job.status) == ("Not Mine", JobStatus.OPEN)


def test_an_admin_edits_any_posting(client):
    job = JobFactory(title="Their Role")
    client.force_login(AdminFactory())

    response = client.post(edit_url(job), _form(title="Fixed Title"))

    assert response.status_code == 302
    job.refresh_from_db()
    assert job.title == "Fixed Title"


# --- States and deleting -------------------------------------------------------------------


def test_closing_reopening_and_drafting(client, recruiter):
    job = JobFactory(owner=recruiter)

    closed = client.post(status_url(job), {"status": "closed", "next": f"{MANAGE}?status=open"})
    job.refresh_from_db()
    assert (closed["Location"], job.status) == (f"{MANAGE}?status=open", JobStatus.CLOSED)

    client.post(status_url(job), {"status": "open"})
    job.refresh_from_db()
    assert job.status == JobStatus.OPEN

    client.post(status_url(job), {"status": "draft"})
    job.refresh_from_db()
    assert job.status == JobStatus.DRAFT
    assert "is now draft." in page_of(client.get(MANAGE))


def test_an_unknown_state_changes_nothing(client, recruiter):
    job = JobFactory(owner=recruiter)

    response = client.post(status_url(job), {"status": "archived"})

    job.refresh_from_db()
    assert (response.status_code, job.status) == (302, JobStatus.OPEN)
    assert "Choose open, closed or draft." in page_of(client.get(MANAGE))


def test_reopening_past_the_end_date_explains_why_not(client, recruiter):
    job = JobFactory(
        owner=recruiter,
        status=JobStatus.CLOSED,
        end_date=timezone.now() - timedelta(days=1),
    )

    client.post(status_url(job), {"status": "open"})

    job.refresh_from_db()
    assert job.status == JobStatus.CLOSED
    assert "end date has passed" in page_of(client.get(MANAGE))


def test_deleting_asks_first(client, recruiter):
    job = JobFactory(owner=recruiter, title="Going Away")

    confirm = page_of(client.get(delete_url(job)))
    assert Job.objects.filter(pk=job.pk).exists()
    response = client.post(delete_url(job))

    assert "Delete Going Away?" in confirm
    assert f'action="{delete_url(job)}"' in confirm
    assert response.status_code == 302
    assert not Job.objects.filter(pk=job.pk).exists()


def test_recruiter_pages_follow_the_markup_rules(client, recruiter):
    job = JobFactory(owner=recruiter)
    pages = [MANAGE, NEW, edit_url(job), delete_url(job)]

    for url in pages:
        assert_clean_page(page_of(client.get(url)))
    assert_clean_page(page_of(client.post(NEW, _form(preview="1"))))
    assert_clean_page(page_of(client.post(NEW, _form(title=""))))
