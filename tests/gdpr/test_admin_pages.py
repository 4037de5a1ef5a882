"""The admin's privacy pages: retention settings, the audit viewer and the requests tracker."""

from datetime import timedelta

import pytest
from django.urls import reverse

from ats.stages import Stage
from gdpr.audit import audit_record
from gdpr.models import AuditAction, AuditLogEntry, RetentionSetting
from gdpr.retention import purge_expired
from gdpr.tracker import complete_request, open_request
from tests.ats.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

PAGES = ["gdpr:retention_admin", "gdpr:audit_admin", "gdpr:requests_admin", "gdpr:audit_csv_admin"]


@pytest.fixture
def admin(client, user_of_role):
    user = user_of_role("admin")
    client.force_login(user)
    return user


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ["candidate", "recruiter", "domain_expert"])
def test_only_admins_open_the_privacy_admin_pages(client, user_of_role, page, role):
    client.force_login(user_of_role(role))

    assert client.get(reverse(page)).status_code == 403


@pytest.mark.parametrize("page", PAGES)
def test_visitors_are_asked_to_sign_in(client, page):
    response = client.get(reverse(page))

    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_an_admin_saves_retention_periods(client, admin):
    page = client.get(reverse("gdpr:retention_admin")).content.decode()
    assert 'name="closed_applications"' in page and 'value="180"' in page

    form = {
        "closed_applications": "200",
        "anonymous_applications": "365",
        "analyses": "30",
        "interview_transcripts": "365",
        "live_interviews": "365",
        "audit_entries": "730",
        "exports": "90",
        "action": "save",
    }
    response = client.post(reverse("gdpr:retention_admin"), form, follow=True)

    assert "Retention saved" in response.content.decode()
    assert RetentionSetting.objects.get(kind="closed_applications").days == 200
    assert AuditLogEntry.objects.filter(action=AuditAction.RETENTION_CHANGED).count() == 1


def test_an_out_of_bounds_period_is_refused_and_nothing_is_saved(client, admin):
    form = {
        "closed_applications": "0",
        "anonymous_applications": "365",
        "analyses": "abc",
        "interview_transcripts": "365",
        "live_interviews": "365",
        "audit_entries": "730",
        "exports": "90",
        "action": "save",
    }

    response = client.post(reverse("gdpr:retention_admin"), form)

    assert response.status_code == 200
    assert "greater than or equal to 1" in response.content.decode()
    assert not RetentionSetting.objects.exists()


def test_the_purge_preview_counts_without_removing_and_reports_show(client, admin, clock):
    clock.set(clock.now - timedelta(days=200))
    ApplicationFactory(stage=Stage.REJECTED)
    clock.set(clock.now + timedelta(days=200))
    purge_expired(dry_run=False)
    clock.set(clock.now - timedelta(days=200))
    expired = ApplicationFactory(stage=Stage.WITHDRAWN)
    clock.set(clock.now + timedelta(days=200))

    response = client.post(reverse("gdpr:retention_admin"), {"action": "preview"})

    page = response.content.decode()
    assert "The purge would remove 1 item" in page
    assert type(expired).objects.filter(pk=expired.pk).exists()
    assert "closed_applications 1" in page


def test_the_audit_viewer_filters_and_links_the_same_filters_as_csv(client, admin, candidate):
    audit_record(action=AuditAction.AUTH_LOGIN, actor=candidate, object_type="accounts.user")
    audit_record(action=AuditAction.JOB_DELETED, object_type="jobs.job", object_id="42")

    response = client.get(reverse("gdpr:audit_admin"), {"action": "job.deleted"})

    page = response.content.decode()
    assert "jobs.job 42" in page
    assert candidate.email not in page
    assert f"{reverse('gdpr:audit_csv_admin')}?action=job.deleted" in page
    csv = client.get(reverse("gdpr:audit_csv_admin"), {"action": "job.deleted"})
    assert b"jobs.job,42" in b"".join(csv.streaming_content)
    assert AuditLogEntry.objects.filter(action=AuditAction.AUDIT_EXPORTED, actor=admin).exists()


def test_invalid_audit_filters_show_errors_and_no_download(client, admin):
    page = client.get(reverse("gdpr:audit_admin"), {"date_from": "someday", "actor": "x"})
    csv = client.get(reverse("gdpr:audit_csv_admin"), {"date_from": "someday"})

    assert "Enter a valid date." in page.content.decode()
    assert csv.status_code == 302
    assert not AuditLogEntry.objects.filter(action=AuditAction.AUDIT_EXPORTED).exists()


def test_the_tracker_shows_open_requests_with_due_dates_and_flags_overdue(
    client, admin, candidate, clock
):
    overdue = open_request(kind="erasure", user=candidate)
    clock.set(clock.now + timedelta(days=31))
    fresh = open_request(kind="export", email="ann@example.com", awaiting_confirmation=True)
    answered = open_request(kind="export", user=candidate)
    complete_request(answered, outcome="Export ready")

    page = client.get(reverse("gdpr:requests_admin")).content.decode()

    open_table = page[page.index("data-open-requests") : page.index("Recently answered")]
    assert f"Erasure #{overdue.pk}" in open_table and f"Export #{fresh.pk}" in open_table
    assert open_table.index(f"#{overdue.pk}") < open_table.index(f"#{fresh.pk}")
    assert open_table.count("Overdue") == 1
    assert "ann@example.com" not in page
    assert "Export ready" in page


@pytest.mark.parametrize("model", ["consentrecord", "retentionsetting", "datasubjectrequest"])
def test_every_privacy_model_is_in_the_django_admin(client, admin, candidate, model):
    open_request(kind="export", email="ann@example.com")

    response = client.get(reverse(f"admin:gdpr_{model}_changelist"))

    assert response.status_code == 200
    assert "ann@example.com" not in response.content.decode()
