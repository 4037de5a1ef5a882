import pytest

from gdpr.audit import audit_record
from gdpr.models import AuditAction, AuditLogEntry
from tests.accounts.factories import PASSWORD, CandidateFactory

pytestmark = pytest.mark.django_db


def test_sign_in_events_are_audited_with_ip(api_client):
    user = CandidateFactory()
    api_client.post(
        "/api/v1/auth/login",
        {"email": user.email, "password": "bad-password-x"},
        format="json",
        REMOTE_ADDR="198.51.100.7",
    )
    api_client.post(
        "/api/v1/auth/login",
        {"email": user.email, "password": PASSWORD},
        format="json",
        REMOTE_ADDR="198.51.100.7",
    )
    failed, succeeded = AuditLogEntry.objects.order_by("id")
    assert (failed.action, failed.actor, failed.object_id) == (
        "auth.login_failed",
        None,
        str(user.pk),
    )
    assert (succeeded.action, succeeded.actor) == ("auth.login", user)
    assert succeeded.ip_address == "198.51.100.7"
    assert succeeded.object_type == "accounts.user"


def test_registration_and_profile_changes_are_audited(api_client):
    api_client.post(
        "/api/v1/auth/register",
        {"email": "audit@example.com", "password": "a-long-enough-pass", "name": "Audit"},
        format="json",
    )
    token = api_client.post(
        "/api/v1/auth/login",
        {"email": "audit@example.com", "password": "a-long-enough-pass"},
        format="json",
    ).json()["access_token"]
    api_client.patch(
        "/api/v1/auth/profile",
        {"location": "Lisbon"},
        format="json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    actions = list(AuditLogEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["account.registered", "auth.login", "account.profile_updated"]
    update = AuditLogEntry.objects.get(action="account.profile_updated")
    assert update.metadata == {"fields": ["location"]}


def test_audit_record_accepts_an_explicit_object_reference():
    entry = audit_record(action=AuditAction.JOB_DELETED, object_type="jobs.job", object_id="42")
    assert entry.actor is None
    assert (entry.object_type, entry.object_id) == ("jobs.job", "42")


def test_an_action_outside_the_typed_list_is_refused():
    with pytest.raises(ValueError, match=r"something\.happened"):
        audit_record(action="something.happened")
    assert not AuditLogEntry.objects.exists()


def test_audit_entries_are_read_only_in_the_admin(admin_user, client):
    audit_record(action=AuditAction.JOB_DELETED, object_type="jobs.job", object_id="7")
    client.force_login(admin_user)
    page = client.get("/admin/gdpr/auditlogentry/")
    assert page.status_code == 200
    assert b"Job deleted" in page.content
    assert client.get("/admin/gdpr/auditlogentry/add/").status_code == 403
