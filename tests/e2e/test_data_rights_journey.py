"""A candidate downloads everything held about them from the privacy centre, then deletes
their account after reading what is erased and what is kept."""

import io
import json
import zipfile

import pytest
from playwright.sync_api import expect

from accounts.models import User
from tests.ats.factories import ApplicationFactory
from tests.e2e.audit import PHONE, audit_page, horizontal_overflow
from tests.e2e.conftest import PASSWORD, open_menu, password_hash, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_candidate_requests_an_export_and_downloads_it(page, user_of_role):
    candidate = user_of_role("candidate", name="Dora Download", password=password_hash())
    sign_in(page, candidate)

    open_menu(page, "Privacy")
    export = page.locator("#export")
    export.get_by_role("button", name="Prepare my data").click()
    expect(page.get_by_role("status").first).to_contain_text("Your data is being prepared")

    # The job runs in the server's background; the page shows the link once it is ready.
    link = page.locator("#export").get_by_role("link", name="Download zip")
    for _ in range(20):
        if link.count():
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(link).to_be_visible()
    audit_page(page)
    with page.expect_download() as download:
        link.click()

    archive = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
    assert {"account.json", "account.csv", "README.txt"} <= set(archive.namelist())
    assert json.loads(archive.read("account.json"))["email"] == candidate.email
    expect(page.locator("[data-export-status]").first).to_have_attribute(
        "data-export-status", "ready"
    )


def test_a_candidate_deletes_their_account_after_the_preview(page, user_of_role):
    candidate = user_of_role("candidate", name="Evan Erase", password=password_hash())
    ApplicationFactory(resume__owner=candidate, candidate=candidate)
    sign_in(page, candidate)

    open_menu(page, "Privacy")
    page.get_by_role("link", name="Review what will be deleted").click()
    expect(page.get_by_role("heading", name="Delete your account", level=1)).to_be_visible()
    expect(page.locator("[data-erased]")).to_contain_text("Resumes")
    kept = page.locator("[data-anonymised]")
    expect(kept).to_contain_text("Job applications: 1.")
    expect(kept).to_contain_text("statistics")
    audit_page(page)
    page.set_viewport_size(PHONE)
    assert horizontal_overflow(page) <= 0

    page.get_by_label("Your current password").fill("not my password")
    page.get_by_role("button", name="Delete my account permanently").click()
    expect(page.get_by_text("Confirm with your current password.").first).to_be_visible()
    assert User.objects.filter(pk=candidate.pk).exists()

    page.get_by_label("Your current password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account permanently").click()

    expect(page.get_by_role("status").first).to_contain_text("Your account is deleted")
    assert not User.objects.filter(pk=candidate.pk).exists()
