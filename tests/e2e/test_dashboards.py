"""Every role lands on its own dashboard, finds its menu on one row at 1280 px and behind a
Menu button on a phone, and each dashboard passes the page audit (no sideways scroll, no
serious accessibility violation) at both widths."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.audit import DESKTOP, PHONE, audit_page
from tests.e2e.conftest import open_menu, password_hash, sign_in
from tests.e2e.showcase import seed_showcase

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def header_height(page) -> float:
    return page.locator("[data-site-header]").bounding_box()["height"]


def header_overflows(page) -> bool:
    return page.evaluate(
        "() => { const row = document.querySelector('.site-header__inner');"
        " return row.scrollWidth > row.clientWidth; }"
    )


def test_the_menu_fits_one_row_on_a_desktop_and_folds_on_a_phone(page, user_of_role):
    candidate = user_of_role("candidate", name="Cleo Candidate", password=password_hash())
    page.set_viewport_size(DESKTOP)
    sign_in(page, candidate)
    page.goto("/dashboard/")

    assert header_height(page) < 80  # one row: logo, menu and the user's name
    assert not header_overflows(page)
    open_menu(page, "Applications")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.set_viewport_size(PHONE)
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Resumes")
    ).to_be_hidden()
    open_menu(page, "Profile")
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()


def sign_out(page) -> None:
    page.locator("[data-user-menu] > summary").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You are signed out.")).to_be_visible()


def test_every_role_lands_on_a_dashboard_of_live_numbers(page):
    users = seed_showcase()

    # A candidate: their score and its trend, their applications, what closes soon.
    sign_in(page, users["candidate"])
    expect(page.get_by_role("heading", name="Your job search")).to_be_visible()
    score = page.get_by_role("region", name="Resume score")
    expect(score).to_contain_text("since the last analysis")
    expect(
        score.get_by_role("img", name=re.compile("Scores of your last 2 analyses"))
    ).to_be_visible()
    applications = page.get_by_role("region", name="Your applications")
    expect(applications).to_contain_text("Interview scheduled")
    expect(page.get_by_role("region", name="Saved jobs closing soon")).to_contain_text(
        "closes in 2 days"
    )
    audit_page(page)
    applications.get_by_role("link", name=re.compile("All 3 applications")).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    sign_out(page)

    # A recruiter: postings by stage, who is new, who waits longest.
    sign_in(page, users["recruiter"])
    expect(page.get_by_role("heading", name="Your hiring")).to_be_visible()
    expect(page.get_by_role("region", name="New since your last visit")).to_contain_text(
        "Kwame Mensah"
    )
    waiting = page.get_by_role("region", name="Waiting longest for a decision")
    expect(waiting.get_by_role("listitem").first).to_contain_text("Noor Haddad")
    audit_page(page)
    postings = page.get_by_role("region", name="Open postings", exact=True)
    postings.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile("/pipeline/"))
    sign_out(page)

    # A domain expert: the question approval queue is home.
    sign_in(page, users["domain_expert"])
    expect(page).to_have_url(re.compile("/expert/questions/"))
    audit_page(page)
    sign_out(page)

    # An admin: people, data requests and background jobs.
    sign_in(page, users["admin"])
    expect(page.get_by_role("heading", name="How Hirewise is doing")).to_be_visible()
    expect(page.get_by_role("region", name="People", exact=True)).to_contain_text("Accounts")
    expect(page.get_by_role("region", name="Data requests")).to_contain_text("Open")
    jobs = page.get_by_role("region", name="Background jobs", exact=True)
    expect(jobs).to_contain_text("Analysis")
    audit_page(page)
