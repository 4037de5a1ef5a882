"""The public job pages (board, job page, insights) and saved jobs, as a browser meets them
without JavaScript."""

import re
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jobs.models import JobStatus, SavedJob, WorkMode
from tests.accounts.factories import AdminFactory, CandidateFactory, RecruiterFactory
from tests.jobs.factories import JobFactory, SavedJobFactory

pytestmark = pytest.mark.django_db

BOARD = "/jobs/"
INSIGHTS = "/jobs/insights/"
SAVED = "/portal/saved-jobs/"


def page_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def text_of(html: str) -> str:
    """The visible words of a page, for sentences that markup interrupts."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def assert_clean_page(html: str) -> None:
    """Our CSP's rules: scripts from files only, no inline style or handler, no other origin
    in the head, and every static file the page names exists."""
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts and all(" src=" in tag for tag in scripts)
    assert "style=" not in html and "<style" not in html
    assert not re.search(r"\son[a-z]+=", html)
    assert not re.search(r'(?:href|src)="(?:https?:)?//', html.split("<main")[0])
    for path in re.findall(r'(?:href|src)="/static/([^"#]+)', html):
        assert finders.find(path), f"missing static file {path}"


@pytest.fixture
def owner():
    return RecruiterFactory()


@pytest.fixture
def candidate(client):
    user = CandidateFactory()
    client.force_login(user)
    return user


def _job(owner, **fields):
    return JobFactory(owner=owner, **fields)


# --- Board ---------------------------------------------------------------------------------


def test_the_board_lists_open_jobs_to_anyone(client, owner):
    _job(owner, title="Payments Engineer", company="Acme Pay", salary_min=90_000)
    _job(owner, title="Hidden Draft", status=JobStatus.DRAFT)
    _job(owner, title="Old Closed", status=JobStatus.CLOSED)

    page = page_of(client.get(BOARD))

    assert "Payments Engineer" in page and "Acme Pay" in page
    assert "Hidden Draft" not in page and "Old Closed" not in page
    assert "1 job open" in text_of(page)
    assert "USD 90,000" in page and "per year" in page
    assert 'href="/j/' in page
    assert "Python" in page  # the card's top skills


@pytest.mark.parametrize(
    ("query", "found", "missed"),
    [
        ({"q": "payments"}, "Payments Engineer", "Data Analyst"),
        ({"location": "berlin"}, "Data Analyst", "Payments Engineer"),
        ({"work_mode": "remote"}, "Data Analyst", "Payments Engineer"),
        ({"job_type": "contract"}, "Data Analyst", "Payments Engineer"),
        ({"experience_level": "senior"}, "Payments Engineer", "Data Analyst"),
        ({"salary_min": "100000"}, "Payments Engineer", "Data Analyst"),
        ({"skills": "SQL"}, "Data Analyst", "Payments Engineer"),
        ({"company": "numbers"}, "Data Analyst", "Payments Engineer"),
    ],
)
def test_the_board_filters(client, owner, query, found, missed):
    _job(
        owner,
        title="Payments Engineer",
        company="Acme Pay",
        location="London, UK",
        experience_level="senior",
        salary_max=120_000,
    )
    _job(
        owner,
        title="Data Analyst",
        company="Numbers Ltd",
        location="Berlin",
        work_mode=WorkMode.REMOTE,
        job_type="contract",
        salary_max=60_000,
        required_skills=["SQL", "Excel"],
        description="Reports and dashboards for the sales team. Requirements: SQL, Excel.",
    )

    page = page_of(client.get(BOARD, query))

    assert found in page
    assert missed not in page
    assert "Clear all" in page


def test_the_board_shows_the_newest_postings_first_without_search_words(client, owner):
    _job(owner, title="Older Post", posted_at=timezone.now() - timedelta(days=9))
    _job(owner, title="Newer Post", posted_at=timezone.now() - timedelta(days=1))
    _job(owner, title="Oldest Post", posted_at=timezone.now() - timedelta(days=30))

    page = page_of(client.get(BOARD))

    assert page.index("Newer Post") < page.index("Older Post") < page.index("Oldest Post")


def test_the_board_sorts_by_salary(client, owner):
    _job(owner, title="Low Pay", salary_max=40_000)
    _job(owner, title="High Pay", salary_max=140_000)
    _job(owner, title="Mid Pay", salary_max=90_000)

    page = page_of(client.get(BOARD, {"sort": "salary_high"}))

    assert page.index("High Pay") < page.index("Mid Pay") < page.index("Low Pay")


def test_the_board_shows_filter_errors_on_the_form(client, owner):
    _job(owner, title="Payments Engineer")

    page = page_of(client.get(BOARD, {"salary_min": "lots", "work_mode": "moon"}))

    assert "Please correct the following" in page
    assert "field--invalid" in page
    assert "Payments Engineer" not in page
    assert "Correct the filters to see jobs." in page


def test_the_board_says_when_nothing_matches(client, owner):
    _job(owner, title="Payments Engineer")

    page = page_of(client.get(BOARD, {"q": "astronaut"}))

    assert "No open job matches these filters." in page


def test_the_board_pages_keep_the_filters(client, owner):
    for index in range(23):
        _job(owner, title=f"Engineer {index}", location="Berlin")

    first = page_of(client.get(BOARD, {"location": "Berlin"}))
    second = page_of(client.get(BOARD, {"location": "Berlin", "page": "2"}))

    assert "Page 1 of 2" in first
    assert 'href="?location=Berlin&amp;page=2"' in first
    assert second.count('class="card job-card"') == 3


def test_the_board_costs_the_same_queries_for_a_full_page(client, owner, candidate):
    SavedJobFactory(user=candidate, job=_job(owner))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            page_of(client.get(BOARD))
        return len(captured)

    few = queries()
    for _ in range(15):
        _job(owner)
    assert queries() == few


def test_the_board_marks_the_jobs_a_user_saved(client, owner, candidate):
    saved = _job(owner, title="Kept Job")
    _job(owner, title="Other Job")
    SavedJobFactory(user=candidate, job=saved)

    page = page_of(client.get(BOARD))

    assert page.count("Saved · remove") == 1
    assert f'action="/jobs/{saved.pk}/unsave/"' in page


# --- Job page ------------------------------------------------------------------------------


def test_the_job_page_shows_the_posting_to_anyone(client, owner):
    job = _job(
        owner,
        title="Payments Engineer",
        company="Acme Pay",
        apply_url="https://jobs.example.com/apply/1",
        salary_min=90_000,
        salary_max=110_000,
    )

    page = page_of(client.get(f"/j/{job.short_code}"))

    assert "<h1>Payments Engineer</h1>" in page
    assert "USD 90,000\u2013110,000 per year" in page
    assert 'href="https://jobs.example.com/apply/1" target="_blank" rel="noopener nofollow"' in page
    assert f'value="http://testserver/j/{job.short_code}" readonly' in page
    assert "data-share-copy hidden" in page  # the copy button waits for its script
    assert "Sign in to save" in page
    assert "Sign in to check your fit" in page
    assert "Django" in page  # skills read from the description


def test_the_job_page_hides_drafts_from_everyone_but_owner_and_admin(client, owner):
    draft = _job(owner, title="Secret Draft", status=JobStatus.DRAFT)
    url = f"/j/{draft.short_code}"

    assert client.get(url).status_code == 404
    client.force_login(RecruiterFactory())
    assert client.get(url).status_code == 404
    client.force_login(owner)
    owner_page = page_of(client.get(url))
    client.force_login(AdminFactory())
    assert client.get(url).status_code == 200

    assert "only its recruiter and the admins can see it" in owner_page
    assert "Edit this posting" in owner_page


def test_an_unknown_code_is_the_404_page(client):
    response = client.get("/j/nosuchx")

    assert response.status_code == 404
    assert b"<html" in response.content


def test_the_job_page_answers_json_to_clients_that_prefer_it(client, owner):
    job = _job(owner, title="Payments Engineer")

    response = client.get(f"/j/{job.short_code}", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "Accept" in response["Vary"]
    body = response.json()
    assert body["id"] == job.pk
    assert body["title"] == "Payments Engineer"
    assert body["job_link"] == f"/j/{job.short_code}"
    assert body["share_url"] == f"http://testserver/j/{job.short_code}"
    assert "vector" not in body


def test_a_browser_accept_header_gets_html(client, owner):
    job = _job(owner)
    accept = "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8"

    response = client.get(f"/j/{job.short_code}", HTTP_ACCEPT=accept)

    assert response["Content-Type"].startswith("text/html")


def test_json_for_a_missing_or_hidden_job_is_the_error_body(client, owner):
    draft = _job(owner, status=JobStatus.DRAFT)

    for code in ("nosuchx", draft.short_code):
        response = client.get(f"/j/{code}", HTTP_ACCEPT="application/json")
        assert response.status_code == 404
        body = response.json()
        assert body["error_code"] == "job_not_found"
        assert set(body) == {"detail", "error_code", "timestamp"}


# --- Saving --------------------------------------------------------------------------------


def test_saving_and_unsaving_from_the_job_page(client, owner, candidate):
    job = _job(owner, title="Payments Engineer")
    back = f"/j/{job.short_code}"

    saved = client.post(f"/jobs/{job.pk}/save/", {"next": back})
    again = client.post(f"/jobs/{job.pk}/save/", {"next": back})
    page = page_of(client.get(back))
    unsaved = client.post(f"/jobs/{job.pk}/unsave/", {"next": back})

    assert saved.status_code == again.status_code == unsaved.status_code == 302
    assert saved["Location"] == back
    assert "Saved · remove" in page
    assert "Payments Engineer is in your saved jobs." in page
    assert not SavedJob.objects.exists()


def test_saving_ignores_a_next_address_on_another_site(client, owner, candidate):
    job = _job(owner)

    response = client.post(f"/jobs/{job.pk}/save/", {"next": "https://evil.example/"})

    assert response["Location"] == f"/j/{job.short_code}"


def test_saving_needs_a_signed_in_user_and_a_visible_job(client, owner):
    job = _job(owner)
    draft = _job(owner, status=JobStatus.DRAFT)

    anonymous = client.post(f"/jobs/{job.pk}/save/")
    client.force_login(CandidateFactory())
    hidden = client.post(f"/jobs/{draft.pk}/save/")
    by_get = client.get(f"/jobs/{job.pk}/save/")

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))
    assert hidden.status_code == 404
    assert by_get.status_code == 405
    assert not SavedJob.objects.exists()


def test_the_saved_page_lists_only_the_users_own_saved_jobs(client, owner, candidate):
    mine = _job(owner, title="Kept Job")
    theirs = _job(owner, title="Someone Elses")
    SavedJobFactory(user=candidate, job=mine)
    SavedJobFactory(job=theirs)

    page = page_of(client.get(SAVED))

    assert "Kept Job" in page and "Someone Elses" not in page
    assert f'action="/jobs/{mine.pk}/unsave/"' in page
    assert f'name="next" value="{SAVED}"' in page
    assert "1 saved job." in page


def test_a_saved_job_that_closed_is_marked_and_can_still_be_removed(client, owner, candidate):
    job = _job(owner, title="Gone Quiet", status=JobStatus.CLOSED)
    SavedJobFactory(user=candidate, job=job)

    page = page_of(client.get(SAVED))
    response = client.post(f"/jobs/{job.pk}/unsave/", {"next": SAVED})

    assert "Gone Quiet" in page and f'href="/j/{job.short_code}"' not in page
    assert 'class="badge badge--job-closed">Closed<' in page
    assert response.status_code == 302
    assert not SavedJob.objects.exists()


def test_the_saved_page_pages_and_has_an_empty_state(client, owner, candidate):
    empty = page_of(client.get(SAVED))
    for _ in range(21):
        SavedJobFactory(user=candidate, job=_job(owner))

    assert "No saved jobs yet." in empty
    assert "Page 1 of 2" in page_of(client.get(SAVED))
    assert page_of(client.get(SAVED, {"page": 2})).count('class="card job-card"') == 1


def test_the_saved_page_needs_sign_in(client):
    response = client.get(SAVED)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


# --- Insights page -------------------------------------------------------------------------


def test_the_insights_page_draws_its_charts_on_the_server(client, owner):
    for salary in (50_000, 60_000, 70_000):
        _job(owner, title="Engineer", salary_min=salary, work_mode=WorkMode.REMOTE)
    _job(owner, title="Designer", posted_at=timezone.now() - timedelta(weeks=3))

    page = page_of(client.get(INSIGHTS))

    assert "Skills in demand" in page
    assert re.search(r'<meter class="meter meter--count" min="0" max="4" value="4"', page)
    assert "75.0%" in page  # remote share
    assert 'class="mode-bar__segment mode-bar__segment--remote" x="0.0" y="0" width="75.0"' in page
    assert page.count('class="week-chart__bar"') == 12
    assert 'class="salary-box__box"' in page
    assert "USD 60,000" in page  # the engineers' median


def test_the_insights_page_takes_filters_and_shows_their_errors(client, owner):
    _job(owner, title="Engineer", location="Berlin")
    _job(owner, title="Engineer", location="Paris")

    berlin = page_of(client.get(INSIGHTS, {"location": "Berlin"}))
    bad = page_of(client.get(INSIGHTS, {"experience_level": "wizard"}))
    nothing = page_of(client.get(INSIGHTS, {"location": "Atlantis"}))

    assert "(1 now)" in berlin
    assert "Correct the filters to see the insights." in bad
    assert "No open jobs match" in nothing


# --- Navigation and markup -----------------------------------------------------------------


def _nav(html: str) -> str:
    return html.split('id="site-nav"')[1].split("</nav>")[0]


def test_the_navigation_offers_each_role_its_job_pages(client):
    anonymous = _nav(page_of(client.get(BOARD)))
    client.force_login(CandidateFactory())
    candidate = _nav(page_of(client.get("/")))
    client.force_login(RecruiterFactory())
    recruiter = _nav(page_of(client.get("/")))

    assert 'href="/jobs/" aria-current="page">Jobs' in anonymous
    assert 'href="/jobs/insights/"' in anonymous
    assert "Matches" not in anonymous and "My postings" not in anonymous
    assert 'href="/portal/matches/"' in candidate and 'href="/portal/saved-jobs/"' in candidate
    assert "My postings" not in candidate
    assert 'href="/recruiter/jobs/"' in recruiter
    assert "Matches" not in recruiter  # kept short: the pages stay at their addresses


def test_public_job_pages_follow_the_markup_rules(client, owner, candidate):
    job = _job(owner, salary_min=1000, salary_max=2000)
    SavedJobFactory(user=candidate, job=job)
    for url in (BOARD, f"{BOARD}?salary_min=x", f"/j/{job.short_code}", INSIGHTS, SAVED):
        html = page_of(client.get(url))
        assert_clean_page(html)
        assert '<link rel="stylesheet" href="/static/css/jobs.css">' in html, url
    assert 'src="/static/js/jobs/share.js"' in page_of(client.get(f"/j/{job.short_code}"))
