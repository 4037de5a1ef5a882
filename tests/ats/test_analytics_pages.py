"""The analytics page, the recruiter's navigation and the dashboards' links to the ATS."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ats.stages import Stage
from tests.ats.factories import ApplicationFactory
from tests.ats.test_analytics import MAIN_JOB, make_application
from tests.jobs.factories import JobFactory
from tests.jobs.test_pages import assert_clean_page

pytestmark = pytest.mark.django_db

PAGE = "/recruiter/analytics/"


@pytest.fixture
def signed_in(client, recruiter):
    client.force_login(recruiter)
    return client


@pytest.fixture
def job(recruiter):
    job = JobFactory(owner=recruiter, title="Backend Engineer")
    for moves, source in MAIN_JOB.values():
        make_application(job, moves, source)
    return job


def test_the_page_draws_the_funnel_and_the_tables(signed_in, job):
    response = signed_in.get(PAGE)

    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="funnel-chart"' in page
    # Seven applied bars in the whole width, the hired bar 2/7 of it; widths as attributes.
    assert 'width="340.0"' in page
    assert f'width="{round(2 / 7 * 340, 1)}"' in page
    assert "57.1%" in page  # applied -> under review: 4 of 7
    assert "Referral" in page
    assert '<span class="stat__value">12.0</span>' in page  # the median time to hire
    assert f"?job={job.pk}" in page  # the per-job table links to the job's figures
    assert_clean_page(page)


def test_one_job_narrows_the_figures(signed_in, recruiter, job):
    other = JobFactory(owner=recruiter, title="Data Engineer")
    ApplicationFactory(job=other)

    page = signed_in.get(PAGE, {"job": job.pk}).content.decode()

    assert "<h1>Backend Engineer</h1>" in page
    assert re.search(r"<span class=\"stat__value\">7</span>", page)
    assert "Per job" not in page
    assert f"/recruiter/jobs/{job.pk}/pipeline/" in page


def test_another_recruiters_job_is_not_a_choice(client, user_of_role, job):
    client.force_login(user_of_role("recruiter"))

    response = client.get(PAGE, {"job": job.pk})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Select a valid choice" in page
    assert "Backend Engineer" not in page
    assert 'class="funnel-chart"' not in page


def test_bad_dates_are_shown_on_the_form(signed_in, job):
    page = signed_in.get(PAGE, {"since": "2025-02-01", "until": "2025-01-01"}).content.decode()

    assert "Choose a day on or after the first one." in page
    assert 'class="funnel-chart"' not in page


def test_no_applications_yet_says_so(signed_in):
    page = signed_in.get(PAGE).content.decode()

    assert "No applications" in page


def test_candidates_get_403_and_visitors_the_login_page(client, candidate):
    assert client.get(PAGE).status_code == 302
    client.force_login(candidate)
    assert client.get(PAGE).status_code == 403


def test_the_page_costs_the_same_queries_for_more_applications(signed_in, recruiter, job):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert signed_in.get(PAGE).status_code == 200
        return len(captured)

    before = queries()
    for _ in range(5):
        ApplicationFactory(job=JobFactory(owner=recruiter), stage=Stage.UNDER_REVIEW)

    assert queries() == before <= 15


def test_recruiters_find_analytics_in_the_navigation_and_on_the_dashboard(signed_in):
    page = signed_in.get("/recruiter/").content.decode()

    assert 'href="/recruiter/analytics/"' in page
    assert "Coming soon" not in page
    assert 'href="/recruiter/jobs/new"' in page


def test_candidates_find_their_applications_on_the_portal(client, candidate):
    client.force_login(candidate)

    page = client.get("/portal/").content.decode()

    assert 'href="/portal/applications/"' in page
    assert 'href="/recruiter/analytics/"' not in page
