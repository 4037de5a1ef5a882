"""A recruiter posts a job, works its pipeline board (by keyboard, by drag and drop, and
meets a refused move) and scores an applicant."""

import pytest
from playwright.sync_api import expect

from jobs.models import Job
from tests.ats.factories import ApplicationFactory
from tests.e2e.audit import audit_page
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


def card(page, name: str):
    return page.get_by_role("article", name=name)


def column(page, stage: str):
    return page.locator(f"[data-column][data-stage='{stage}']")


def test_a_recruiter_posts_a_job_moves_applicants_on_the_board_and_scores_one(page, user_of_role):
    recruiter = user_of_role("recruiter", name="Rita Recruiter", password=password_hash())
    sign_in(page, recruiter)

    post_a_job(page, "Platform Engineer")
    audit_page(page)
    # Two people apply meanwhile.
    job = Job.objects.get(owner=recruiter, title="Platform Engineer")
    ApplicationFactory(job=job, resume=ResumeFactory(owner__name="Noor Applicant"))
    ApplicationFactory(job=job, resume=ResumeFactory(owner__name="Sam Second"))

    page.get_by_role("link", name="Pipeline of Platform Engineer").click()
    applied = page.get_by_role("region", name="Applied")
    expect(applied.get_by_role("article")).to_have_count(2)
    # The final stages are folded, their counts in view.
    expect(page.locator("summary").filter(has_text="Hired")).to_contain_text("0")
    audit_page(page)

    # By keyboard: the card's Move menu lists the allowed stages.
    move = card(page, "Noor Applicant").get_by_role("button", name="Move Noor Applicant")
    move.focus()
    page.keyboard.press("Enter")
    menu = page.get_by_role("menu", name="Move Noor Applicant to")
    expect(menu.get_by_role("menuitem")).to_have_text(["Under review", "Rejected"])
    expect(menu.get_by_role("menuitem", name="Under review")).to_be_focused()
    page.keyboard.press("Enter")
    under_review = page.get_by_role("region", name="Under review")
    expect(under_review.get_by_role("article", name="Noor Applicant")).to_be_visible()
    expect(page.locator("[data-board-status]")).to_have_text(
        "Noor Applicant moved to under review."
    )
    expect(move).to_be_focused()

    # By drag and drop.
    card(page, "Sam Second").drag_to(column(page, "under_review"))
    expect(under_review.get_by_role("article", name="Sam Second")).to_be_visible()
    expect(applied).to_contain_text("Nobody at this stage.")
    expect(column(page, "applied").locator("[data-count]")).to_have_text("0")
    expect(column(page, "under_review").locator("[data-count]")).to_have_text("2")

    # A move the stages do not allow is refused on the card, and nothing moves.
    card(page, "Sam Second").drag_to(column(page, "hired"))
    expect(card(page, "Sam Second").get_by_role("alert")).to_have_text(
        "Sam Second cannot move from Under review to Hired. "
        "From Under review: Interview scheduled, Offer or Rejected."
    )
    expect(under_review.get_by_role("article", name="Sam Second")).to_be_visible()
    audit_page(page)

    under_review.get_by_role("link", name="Noor Applicant").click()
    expect(page.get_by_role("heading", name="Noor Applicant", level=1)).to_be_visible()
    expect(page.get_by_role("region", name="Timeline")).to_contain_text("Under review")
    # The recommendation is the reviewer's judgement: nothing is chosen for them, and a
    # scorecard without one lands on the error summary.
    expect(page.get_by_role("radio", name="Yes", exact=True)).not_to_be_checked()
    page.get_by_label("Rating 1", exact=True).select_option("4")
    page.get_by_label("Rating 3", exact=True).select_option("5")
    page.get_by_role("button", name="Submit scorecard").click()
    summary = page.locator(".form-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Choose your recommendation.")
    expect(summary).to_be_in_viewport()
    audit_page(page)
    # The two unrated pre-filled criteria are simply left out.
    page.get_by_label("Rating 1", exact=True).select_option("4")
    page.get_by_label("Rating 3", exact=True).select_option("5")
    page.get_by_role("radio", name="Strong yes").check()
    page.get_by_label("Notes (optional)").fill("Clear answers on incident handling.")
    page.get_by_role("button", name="Submit scorecard").click()

    expect(page.get_by_role("status").filter(has_text="Your scorecard is")).to_be_visible()
    scorecards = page.get_by_role("region", name="Scorecards")
    expect(scorecards).to_contain_text("Rita Recruiter")
    expect(scorecards).to_contain_text("Strong yes")
    expect(scorecards).to_contain_text("4.5")
    expect(scorecards).to_contain_text("Clear answers on incident handling.")
    expect(page.get_by_role("button", name="Update scorecard")).to_be_visible()
