import pytest
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from accounts.models import User
from gdpr.models import AuditLogEntry
from gdpr.registry import PersonalData, registry
from tests.accounts.factories import PASSWORD, CandidateFactory

pytestmark = pytest.mark.django_db


def signed_in(api_client, user):
    tokens = api_client.post(
        "/api/v1/auth/login",
        {"email": user.email, "password": PASSWORD},
        format="json",
        REMOTE_ADDR="203.0.113.9",
    ).json()
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access_token']}")
    return tokens


def test_deleting_the_account_erases_it_everywhere(api_client):
    user = CandidateFactory()
    tokens = signed_in(api_client, user)
    user_id = user.pk

    response = api_client.delete("/api/v1/auth/account", {"password": PASSWORD}, format="json")

    assert response.status_code == 204
    assert not User.objects.filter(pk=user_id).exists()
    assert api_client.get("/api/v1/auth/me").status_code == 401
    refresh = api_client.post(
        "/api/v1/auth/refresh", {"refresh_token": tokens["refresh_token"]}, format="json"
    )
    assert refresh.status_code == 401
    # The audit trail stays, but names nobody and keeps no IP.
    deleted = AuditLogEntry.objects.get(action="gdpr.erased")
    assert deleted.object_id == str(user_id) and deleted.actor is None
    assert deleted.ip_address is None
    assert not AuditLogEntry.objects.filter(ip_address="203.0.113.9").exists()
    assert not OutstandingToken.objects.filter(user_id=user_id).exists()


def test_deletion_needs_the_current_password(api_client):
    user = CandidateFactory()
    signed_in(api_client, user)
    response = api_client.delete("/api/v1/auth/account", {"password": "wrong"}, format="json")
    assert response.status_code == 400
    assert "password" in response.json()["errors"]
    assert User.objects.filter(pk=user.pk).exists()


def test_deletion_runs_every_registered_eraser_in_reverse_order(api_client, monkeypatch):
    user = CandidateFactory()
    signed_in(api_client, user)
    calls = []
    monkeypatch.setattr(registry, "_entries", dict(registry._entries))
    registry.register("late_app", export=lambda u: {}, erase=lambda u: calls.append(u.pk))

    api_client.delete("/api/v1/auth/account", {"password": PASSWORD}, format="json")

    assert calls == [user.pk]
    assert registry.labels[-1] == "late_app"


def test_a_failing_eraser_leaves_the_account_untouched(api_client, monkeypatch):
    user = CandidateFactory(headline="Keeps this")
    signed_in(api_client, user)

    def broken(_user):
        raise RuntimeError("storage unavailable")

    # Registered first, so erased last: after the account eraser has already run.
    failing = PersonalData("broken", export=lambda u: {}, erase=broken)
    monkeypatch.setattr(registry, "_entries", {"broken": failing, **registry._entries})

    response = api_client.delete("/api/v1/auth/account", {"password": PASSWORD}, format="json")

    assert response.status_code == 500
    user.refresh_from_db()
    assert user.headline == "Keeps this"
    assert api_client.get("/api/v1/auth/me").status_code == 200


def test_export_collects_every_apps_data(api_client):
    user = CandidateFactory(headline="Data engineer", phone="+1 555 0100")
    signed_in(api_client, user)
    exported = registry.export_user(user)
    assert exported["account"]["headline"] == "Data engineer"
    assert exported["account"]["phone"] == "+1 555 0100"
    assert [entry["action"] for entry in exported["audit_log"]] == ["auth.login"]
