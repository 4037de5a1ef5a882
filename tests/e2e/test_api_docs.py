"""The API documentation pages load from our server alone (no CDN, not even ReDoc's logo)
and the Django admin says whose it is."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import password_hash, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_and_the_admin_load_without_outside_requests(page, user_of_role):
    # The page fixture fails the test on any request to another host.
    page.goto("/redoc")
    # ReDoc renders the whole schema in the browser: slow on a busy machine.
    expect(page.get_by_role("heading", name="Hirewise API").first).to_be_visible(timeout=90_000)
    page.wait_for_load_state("networkidle")

    page.goto("/docs")
    expect(page.get_by_role("heading", name="Hirewise API").first).to_be_visible(timeout=60_000)
    page.wait_for_load_state("networkidle")

    sign_in(page, user_of_role("admin", password=password_hash()))
    page.goto("/admin/")
    expect(page).to_have_title("Site administration | Hirewise administration")
    expect(page.locator("#site-name")).to_have_text("Hirewise administration")
