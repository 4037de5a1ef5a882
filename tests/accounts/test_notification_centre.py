"""The notification centre page: the user's own recent notifications, marked read at once."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Notification
from accounts.notifications import notification_send
from tests.accounts.factories import CandidateFactory, RecruiterFactory

pytestmark = pytest.mark.django_db

PAGE = reverse("accounts:notifications")
MARK_READ = reverse("accounts:notifications_read")


@pytest.fixture
def candidate(client):
    user = CandidateFactory()
    client.force_login(user)
    return user


def test_the_page_lists_the_users_notifications_newest_first_with_links(client, candidate):
    notification_send(user_id=candidate.pk, kind="stage_changed", text="Moved to screening")
    notification_send(
        user_id=candidate.pk, kind="stage_changed", text="Moved to interview", url="/applications/"
    )

    page = client.get(PAGE).content.decode()

    assert page.index("Moved to interview") < page.index("Moved to screening")
    assert '<a href="/applications/">Moved to interview</a>' in page
    assert page.count("notification--unread") == 2
    assert "Mark all as read" in page


def test_another_users_notifications_are_never_shown(client, candidate):
    other = RecruiterFactory()
    notification_send(user_id=other.pk, kind="application.new", text="Ada applied to Backend")

    page = client.get(PAGE).content.decode()

    assert "Ada applied" not in page
    assert "No notifications yet" in page
    assert "Mark all as read" not in page


def test_mark_all_as_read_clears_only_the_users_unread(client, candidate):
    other = CandidateFactory()
    notification_send(user_id=candidate.pk, kind="stage_changed", text="Moved to offer")
    notification_send(user_id=other.pk, kind="stage_changed", text="Moved to hired")

    response = client.post(MARK_READ, follow=True)

    assert response.redirect_chain == [(PAGE, 302)]
    page = response.content.decode()
    assert "All notifications are marked as read." in page
    assert "Moved to offer" in page
    assert "notification--unread" not in page
    assert "Mark all as read" not in page
    assert Notification.objects.get(user=other).read_at is None


def test_mark_all_as_read_accepts_only_post(client, candidate):
    notification_send(user_id=candidate.pk, kind="stage_changed", text="Moved to offer")

    assert client.get(MARK_READ).status_code == 405
    assert Notification.objects.get(user=candidate).read_at is None


def test_mark_all_as_read_needs_the_csrf_token(candidate):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(candidate)
    notification_send(user_id=candidate.pk, kind="stage_changed", text="Moved to offer")

    assert strict.post(MARK_READ).status_code == 403
    assert Notification.objects.get(user=candidate).read_at is None


@pytest.mark.parametrize("url", [PAGE, MARK_READ])
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url) if url == PAGE else client.post(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_header_bell_is_for_signed_in_users_and_costs_no_query(client, candidate):
    notification_send(user_id=candidate.pk, kind="stage_changed", text="Moved to offer")

    with CaptureQueriesContext(connection) as captured:
        page = client.get(reverse("accounts:profile")).content.decode()

    assert not [query for query in captured if "notification" in query["sql"].lower()]
    assert 'href="/notifications/"' in page
    assert "js/notifications.js" in page
    client.logout()
    assert "js/notifications.js" not in client.get(reverse("accounts:login")).content.decode()
