"""The notification centre: the header bell shows the unread count the notifications socket
sends, the page lists the notifications, and marking them read empties the bell."""

import pytest
from playwright.sync_api import expect

from accounts.models import Notification
from tests.e2e.audit import audit_page
from tests.e2e.conftest import password_hash, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_new_notification_shows_in_the_bell_and_on_the_page(page, user_of_role):
    candidate = user_of_role("candidate", name="Nina Notified", password=password_hash())
    someone_else = user_of_role("candidate")
    sign_in(page, candidate)
    # Rows only: the push would go to this process's channel layer, not the server's; the
    # bell's count comes from the socket's greeting, read by the server.
    Notification.objects.create(
        user=candidate,
        kind="application.stage_changed",
        text="Your application for Backend Engineer moved to Interview",
        url="/applications/",
    )
    Notification.objects.create(user=candidate, kind="footprint.done", text="Your scan is ready")
    Notification.objects.create(user=someone_else, kind="footprint.done", text="Not for Nina")

    page.goto("/profile/")
    bell = page.get_by_role("link", name="Notifications, 2 unread")
    expect(bell).to_be_visible()
    expect(page.locator("[data-bell-count]")).to_have_text("2")

    bell.click()
    expect(page.get_by_role("heading", name="Notifications", level=1)).to_be_visible()
    expect(
        page.get_by_role("link", name="Your application for Backend Engineer moved to Interview")
    ).to_be_visible()
    expect(page.get_by_text("Not for Nina")).to_have_count(0)
    audit_page(page)

    page.get_by_role("button", name="Mark all as read").click()
    expect(page.get_by_text("All notifications are marked as read.")).to_be_visible()
    expect(page.get_by_role("button", name="Mark all as read")).to_have_count(0)
    expect(page.locator("[data-notification-bell]")).to_have_attribute("data-unread", "0")
    expect(page.locator("[data-bell-count]")).to_be_hidden()
    audit_page(page)
