"""A candidate finds the jobs that fit their resume, saves one and opens its application
from the match card, reads the skill gap, and later removes it from their saved jobs."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.audit import audit_page
from tests.e2e.conftest import open_menu, password_hash, sign_in
from tests.jobs.factories import JobFactory
from tests.resumes.factories import ResumeFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASTRY_DESCRIPTION = """Pastry Chef
Our bakery needs a pastry chef for laminated doughs, viennoiserie and plated desserts.
Requirements: food hygiene certificate, 3+ years in a professional kitchen.
"""


def test_a_candidate_ranks_jobs_by_fit_and_keeps_one_for_later(page, user_of_role):
    candidate = user_of_role("candidate", name="Jane Doe", password=password_hash())
    ResumeFactory(owner=candidate)
    JobFactory(title="Pastry Chef", company="Crumb & Co", description=PASTRY_DESCRIPTION)
    JobFactory(title="Backend Engineer", company="Acme Payments")
    sign_in(page, candidate)

    open_menu(page, "Matches")
    page.get_by_role("button", name="Find matches").click()
    matches = (
        page.get_by_role("main")
        .get_by_role("list")
        .filter(has=page.get_by_role("link", name="Backend Engineer", exact=True))
    )
    first = matches.get_by_role("listitem").first
    expect(first).to_contain_text("Backend Engineer")
    expect(first).to_contain_text("Skills you have")
    # Each card is listed once and carries Save and Apply.
    expect(page.get_by_role("link", name="Backend Engineer", exact=True)).to_have_count(1)
    audit_page(page)
    first.get_by_role("button", name="Save Backend Engineer").click()
    expect(page.get_by_role("button", name="Saved · remove Backend Engineer")).to_be_visible()
    expect(page.get_by_role("heading", name="Jobs that fit your resume")).to_be_visible()
    page.get_by_role("link", name="Apply to Backend Engineer").click()
    expect(page).to_have_url(re.compile(r"/jobs/\d+/apply/"))
    page.go_back()

    page.get_by_role("link", name="See the skill gap for Backend Engineer").click()
    expect(page.get_by_role("heading", name="Your fit with Backend Engineer")).to_be_visible()
    expect(page.get_by_role("region", name="Match score")).to_contain_text("/100")
    expect(page.get_by_role("heading", name="How to close the gaps")).to_be_visible()

    page.get_by_role("link", name="View the job").click()
    expect(page.get_by_role("button", name="Saved · remove Backend Engineer")).to_be_visible()

    open_menu(page, "Saved jobs")
    expect(page.get_by_text("1 saved job.")).to_be_visible()
    saved = page.get_by_role("article", name="Backend Engineer")
    expect(saved).to_be_visible()
    saved.get_by_role("button", name="Saved · remove").click()
    expect(page.get_by_text("No saved jobs yet.")).to_be_visible()
