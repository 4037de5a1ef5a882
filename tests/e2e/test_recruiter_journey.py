"""A recruiter posts a job, works its pipeline board and scores an applicant."""

import pytest
from playwright.sync_api import expect

from jobs.models import Job
from tests.ats.factories import ApplicationFactory
from tests.e2e.conftest import open_menu, password_hash, sign_in
from tests.jobs.factories import BACKEND_DESCRIPTION
from tests.resumes.factories import ResumeFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def post_a_job(page, title: str) -> None:
    open_menu(page, "My postings")
    page.get_by_role("link", name="New posting").click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Company (optional)").fill("Acme Payments")
    page.get_by_label("Location (optional)").fill("Remote")
    page.get_by_label("Work mode").select_option(label="Remote")
    page.get_by_label("Description", exact=True).fill(BACKEND_DESCRIPTION)
    page.get_by_role("radio", name="Open now").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Your job postings")).to_be_visible()
    expect(page.get_by_role("rowheader", name=title)).to_be_visible()


def test_a_recruiter_posts_a_job_moves_an_applicant_and_scores_them(page, user_of_role):
    recruiter = user_of_role("recruiter", name="Rita Recruiter", password=password_hash())
    sign_in(page, recruiter)

    post_a_job(page, "Platform Engineer")
    # Somebody applies meanwhile.
    job = Job.objects.get(owner=recruiter, title="Platform Engineer")
    ApplicationFactory(job=job, resume=ResumeFactory(owner__name="Noor Applicant"))

    page.get_by_role("link", name="Pipeline of Platform Engineer").click()
    applied = page.get_by_role("region", name="Applied")
    expect(applied.get_by_role("article", name="Noor Applicant")).to_be_visible()
    applied.get_by_label("Move Noor Applicant to").select_option(label="Under review")
    applied.get_by_label("Note on moving Noor Applicant").fill("Strong platform background")
    applied.get_by_role("button", name="Move Noor Applicant").click()

    expect(page.get_by_role("status")).to_contain_text("Noor Applicant moved to under review.")
    under_review = page.get_by_role("region", name="Under review")
    expect(under_review.get_by_role("article", name="Noor Applicant")).to_be_visible()
    expect(page.get_by_role("region", name="Applied")).to_contain_text("Nobody at this stage.")

    under_review.get_by_role("link", name="Noor Applicant").click()
    expect(page.get_by_role("heading", name="Noor Applicant", level=1)).to_be_visible()
    expect(page.get_by_role("region", name="Timeline")).to_contain_text("Under review")
    # Every named criterion needs a rating: the four suggested ones.
    for row, rating in enumerate(["4", "5", "4", "5"], start=1):
        page.get_by_label(f"Rating {row}", exact=True).select_option(rating)
    page.get_by_label("Recommendation").select_option(label="Strong yes")
    page.get_by_label("Notes (optional)").fill("Clear answers on incident handling.")
    page.get_by_role("button", name="Submit scorecard").click()

    expect(page.get_by_role("status")).to_contain_text("Your scorecard is")
    scorecards = page.get_by_role("region", name="Scorecards")
    expect(scorecards).to_contain_text("Rita Recruiter")
    expect(scorecards).to_contain_text("Strong yes")
    expect(scorecards).to_contain_text("4.5")
    expect(scorecards).to_contain_text("Clear answers on incident handling.")
    expect(page.get_by_role("button", name="Update scorecard")).to_be_visible()
