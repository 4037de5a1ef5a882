"""The candidate's matches and the fit with one job: ranked jobs with their reasons, the skill
match and the plan to close the gaps."""

import re

import pytest
from django.urls import reverse

from jobs.models import JobStatus, WorkMode
from tests.accounts.factories import CandidateFactory
from tests.jobs.factories import BACKEND_DESCRIPTION, JobFactory, SavedJobFactory
from tests.jobs.test_pages import assert_clean_page, page_of, text_of
from tests.resumes.factories import ResumeFactory

pytestmark = pytest.mark.django_db

MATCHES = "/portal/matches/"
ACCOUNTANT = """Accountant
Keep the books of a small firm: ledgers, payroll and VAT returns.
Requirements: Excel, bookkeeping, 3+ years in accounting.
"""


def fit_url(job, resume=None):
    url = f"/portal/matches/{job.pk}/"
    return f"{url}?resume={resume.pk}" if resume else url


@pytest.fixture
def candidate(client):
    user = CandidateFactory()
    client.force_login(user)
    return user


@pytest.fixture
def resume(candidate):
    return ResumeFactory(owner=candidate)


@pytest.fixture
def jobs():
    backend = JobFactory(title="Backend Engineer", location="London, UK")
    books = JobFactory(
        title="Accountant", description=ACCOUNTANT, location="Leeds, UK", company="Ledger Co"
    )
    return backend, books


# --- Matches -------------------------------------------------------------------------------


def test_matches_rank_jobs_for_the_newest_resume_with_reasons(client, resume, jobs):
    backend, _ = jobs

    page = page_of(client.get(MATCHES))

    assert page.index("Backend Engineer") < page.index("Accountant")
    assert "of 2 open jobs" in text_of(page)
    first = page.split('class="card match"')[1]
    assert re.search(r'<meter class="meter" min="0" max="100" low="50"', first)
    assert "Required skills" in first and "Text similarity" in first
    assert "· weight 45 %" in first  # each part says how much it counts
    assert 'class="chip chip--matched">Python<' in first
    assert 'class="chip chip--missing">AWS<' in first
    assert f'href="{fit_url(backend, resume)}"' in first
    assert f'href="/j/{backend.short_code}"' in first
    assert '<ul class="check-list"><li>' in first  # the reasons


def test_each_card_offers_apply_and_save(client, candidate, resume, jobs):
    backend, books = jobs
    SavedJobFactory(user=candidate, job=books)

    page = page_of(client.get(MATCHES))

    cards = page.split('class="card match"')[1:]
    assert len(cards) == 2
    for card, job in zip(cards, (backend, books), strict=True):
        assert f'href="/jobs/{job.pk}/apply/">Apply<' in card
    assert f'action="/jobs/{backend.pk}/save/"' in cards[0]
    assert f'action="/jobs/{books.pk}/unsave/"' in cards[1] and "Saved · remove" in cards[1]
    # Compact: the reasons and skills fold under "Why this score".
    assert '<details class="match__why">' in cards[0]


def test_the_same_posting_twice_is_listed_once(client, resume):
    first = JobFactory(title="Backend Engineer", company="Acme Payments", location="London, UK")
    again = JobFactory(title="backend  engineer", company="ACME Payments", location="London, UK")
    other = JobFactory(title="Backend Engineer", company="Acme Payments", location="Leeds, UK")

    page = page_of(client.get(MATCHES))

    cards = page.split('class="card match"')[1:]
    assert len(cards) == 2
    # Equal scores rank the newest first: the re-posted copy is kept, the older one dropped.
    assert f'id="match-{again.pk}-title"' in cards[0]
    assert f'id="match-{first.pk}-title"' not in page
    assert f'id="match-{other.pk}-title"' in page


def test_more_matches_on_request(client, resume):
    for index in range(12):
        JobFactory(title=f"Python Developer {index}")

    page = page_of(client.get(MATCHES))

    assert page.count('class="card match"') == 10
    more = re.search(r'<a class="btn btn--secondary" href="([^"]+)">Show more matches</a>', page)
    assert more and "shown=20" in more[1] and f"resume={resume.pk}" in more[1]
    everything = page_of(client.get(more[1].replace("&amp;", "&")))
    assert everything.count('class="card match"') == 12
    assert "Show more matches" not in everything


@pytest.mark.parametrize("shown", ["abc", "-4", "9999"])
def test_a_malformed_show_more_count_is_bounded(client, resume, jobs, shown):
    page = page_of(client.get(MATCHES, {"shown": shown}))
    assert page.count('class="card match"') == 2


def test_preferences_narrow_the_work_modes(client, resume, jobs):
    remote = JobFactory(title="Remote Python Developer", work_mode=WorkMode.REMOTE)

    page = page_of(
        client.get(MATCHES, {"resume": str(resume.pk), "location": "", "work_modes": "remote"})
    )

    assert remote.title in page
    assert "Backend Engineer" not in page
    assert re.search(r'value="remote"[^>]*checked', page)


def test_a_candidate_without_a_resume_is_sent_to_upload_one(client, candidate):
    page = page_of(client.get(MATCHES))

    assert "you have none yet" in page
    assert f'href="{reverse("resumes:list")}"' in page


def test_another_users_resume_is_not_a_choice(client, candidate, jobs):
    ResumeFactory(owner=candidate)
    theirs = ResumeFactory(owner=CandidateFactory())

    page = page_of(client.get(MATCHES, {"resume": str(theirs.pk)}))

    assert "Select a valid choice" in page
    assert "Backend Engineer" not in page


def test_no_fitting_job_says_so(client, resume):
    page = page_of(client.get(MATCHES))

    assert "No open job fits these preferences yet." in page


def test_matching_counts_the_job_match_rate_limit(client, resume, jobs, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "job_match": "2/h"}

    statuses = [client.get(MATCHES).status_code for _ in range(3)]
    fit = client.get(fit_url(jobs[0], resume))

    assert statuses == [200, 200, 429]
    assert fit.status_code == 429
    assert fit["Retry-After"]


def test_matches_need_sign_in(client):
    response = client.get(MATCHES)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


# --- Fit with one job ----------------------------------------------------------------------


def test_the_fit_page_shows_score_skills_and_the_gap_plan(client, resume, jobs):
    backend, _ = jobs

    page = page_of(client.get(fit_url(backend, resume)))

    assert "Your fit with Backend Engineer at Acme Payments" in page
    assert 'class="gauge gauge--' in page
    assert 'class="chip chip--matched">Python<' in page
    assert 'class="chip chip--missing">AWS<' in page
    assert "How to close the gaps" in page
    assert '<ol class="gap-list">' in page
    assert re.search(r'<h3 class="gap__title">AWS</h3>', page)
    assert "4 of 5 required skills." in page  # all but AWS
    assert f'<option value="{resume.pk}" selected>' in page


def test_the_fit_page_takes_the_newest_resume_by_default(client, candidate, jobs):
    ResumeFactory(owner=candidate, name="old.txt")
    newest = ResumeFactory(owner=candidate, name="new.txt")

    page = page_of(client.get(fit_url(jobs[0])))

    assert f'<option value="{newest.pk}" selected>' in page


def test_the_fit_page_hides_what_is_not_the_users(client, candidate, resume):
    theirs = ResumeFactory(owner=CandidateFactory())
    job = JobFactory()
    draft = JobFactory(status=JobStatus.DRAFT)

    assert client.get(fit_url(job, theirs)).status_code == 404
    assert client.get(f"{fit_url(job)}?resume=not-a-uuid").status_code == 404
    assert client.get(fit_url(draft, resume)).status_code == 404
    assert client.get("/portal/matches/999999/").status_code == 404


def test_the_fit_page_without_a_resume_offers_the_upload(client, candidate):
    job = JobFactory(description=BACKEND_DESCRIPTION)

    page = page_of(client.get(fit_url(job)))

    assert "you have none yet" in page


def test_candidate_match_pages_follow_the_markup_rules(client, resume, jobs):
    for url in (MATCHES, fit_url(jobs[0], resume), fit_url(jobs[1], resume)):
        assert_clean_page(page_of(client.get(url)))
