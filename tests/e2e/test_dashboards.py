"""Every role lands on its own dashboard, finds its menu on one row at 1280 px and behind a
Menu button on a phone, and each dashboard passes the page audit (no sideways scroll, no
serious accessibility violation) at both widths."""

import pytest
from playwright.sync_api import expect

from tests.e2e.audit import DESKTOP, PHONE, audit_page
from tests.e2e.conftest import open_menu, password_hash, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def header_height(page) -> float:
    return page.locator("[data-site-header]").bounding_box()["height"]


def test_the_menu_fits_one_row_on_a_desktop_and_folds_on_a_phone(page, user_of_role):
    candidate = user_of_role("candidate", name="Cleo Candidate", password=password_hash())
    page.set_viewport_size(DESKTOP)
    sign_in(page, candidate)
    page.goto("/dashboard/")

    assert header_height(page) < 80  # one row: logo, menu and the user's name
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


def test_an_admin_lands_on_operations(page, user_of_role):
    admin = user_of_role("admin", name="Ada Admin", password=password_hash())
    sign_in(page, admin)

    page.goto("/dashboard/")

    expect(page.get_by_role("heading", name="How Hirewise is doing")).to_be_visible()
    expect(page.get_by_role("region", name="People", exact=True)).to_contain_text("Accounts")
    expect(page.get_by_role("region", name="Background jobs", exact=True)).to_contain_text(
        "Analysis"
    )
    audit_page(page)
