"""Roles: what each one may and may not do on the account endpoints."""

import pytest
from django.core import mail

from accounts.models import User
from gdpr.models import AuditLogEntry
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

ROLES = ["candidate", "recruiter", "domain_expert", "admin"]


@pytest.mark.parametrize(
    ("role", "status"),
    [("candidate", 403), ("recruiter", 403), ("domain_expert", 403), ("admin", 200)],
)
def test_only_admins_list_users(user_of_role, role, status):
    response = client_for(user_of_role(role)).get("/api/v1/users")
    assert response.status_code == status


def test_anonymous_cannot_list_or_create_users(api_client):
    assert api_client.get("/api/v1/users").status_code == 401
    assert api_client.post("/api/v1/users", {}, format="json").status_code == 401


# (creator, role to create) → allowed? Each creator may create only roles below its own.
CREATION_MATRIX = [
    (creator, created, ROLES.index(created) < ROLES.index(creator) and creator != "candidate")
    for creator in ROLES
    for created in ROLES
]


@pytest.mark.parametrize(("creator_role", "created_role", "allowed"), CREATION_MATRIX)
def test_users_are_created_only_with_a_lower_role(
    user_of_role, creator_role, created_role, allowed
):
    client = client_for(user_of_role(creator_role))
    response = client.post(
        "/api/v1/users",
        {"email": "made@example.com", "name": "Made", "role": created_role},
        format="json",
    )
    assert response.status_code == (201 if allowed else 403)
    assert User.objects.filter(email="made@example.com").exists() is allowed


def test_a_created_user_without_password_is_invited_to_choose_one(
    recruiter, django_capture_on_commit_callbacks
):
    client = client_for(recruiter)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v1/users",
            {"email": "invitee@example.com", "name": "Invitee", "role": "candidate"},
            format="json",
        )
    assert response.status_code == 201
    user = User.objects.get(email="invitee@example.com")
    assert not user.has_usable_password()
    assert "/password/set/" in mail.outbox[0].body
    entry = AuditLogEntry.objects.get(action="account.created")
    assert entry.actor == recruiter and entry.object_id == str(user.pk)


def test_admin_lists_users_paginated_and_filtered(admin_user, admin_client_api, user_of_role):
    for _ in range(3):
        user_of_role("recruiter")
    user_of_role("candidate", name="Zed Unique")

    page = admin_client_api.get("/api/v1/users?page_size=2").json()
    assert set(page) == {"items", "total", "page", "page_size", "total_pages"}
    assert page["total"] == 5 and page["page_size"] == 2 and page["total_pages"] == 3
    assert len(page["items"]) == 2

    recruiters = admin_client_api.get("/api/v1/users?role=recruiter").json()
    assert recruiters["total"] == 3
    assert {item["role"] for item in recruiters["items"]} == {"recruiter"}

    found = admin_client_api.get("/api/v1/users?q=zed unique").json()
    assert [item["name"] for item in found["items"]] == ["Zed Unique"]


def test_user_list_has_no_n_plus_one(admin_client_api, user_of_role, django_assert_max_num_queries):
    for _ in range(20):
        user_of_role("candidate")
    # auth user + count + page
    with django_assert_max_num_queries(3):
        response = admin_client_api.get("/api/v1/users?page_size=50")
    assert len(response.json()["items"]) == 21


def test_an_unknown_role_filter_is_a_400(admin_client_api):
    response = admin_client_api.get("/api/v1/users?role=wizard")
    assert response.status_code == 400
    assert "role" in response.json()["errors"]


@pytest.mark.parametrize("role", ["candidate", "recruiter", "domain_expert"])
def test_only_admins_read_or_change_a_user(user_of_role, role):
    target = user_of_role("candidate")
    client = client_for(user_of_role(role))
    assert client.get(f"/api/v1/users/{target.pk}").status_code == 403
    response = client.patch(f"/api/v1/users/{target.pk}", {"role": "admin"}, format="json")
    assert response.status_code == 403
    target.refresh_from_db()
    assert target.role == "candidate"


def test_admin_promotes_a_user_and_the_change_is_audited(
    admin_user, admin_client_api, user_of_role
):
    target = user_of_role("recruiter")
    response = admin_client_api.patch(
        f"/api/v1/users/{target.pk}", {"role": "domain_expert"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["role"] == "domain_expert"
    entry = AuditLogEntry.objects.get(action="account.access_changed")
    assert entry.actor == admin_user
    assert entry.metadata["fields"] == ["role"]


def test_deactivating_a_user_signs_them_out_everywhere(admin_client_api, user_of_role):
    target = user_of_role("candidate")
    target_client = client_for(target)
    assert target_client.get("/api/v1/auth/me").status_code == 200

    response = admin_client_api.patch(
        f"/api/v1/users/{target.pk}", {"is_active": False}, format="json"
    )

    assert response.status_code == 200
    assert target_client.get("/api/v1/auth/me").status_code == 401
    from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

    live = OutstandingToken.objects.filter(user=target, blacklistedtoken__isnull=True)
    assert not live.exists()


def test_an_admin_cannot_lock_themselves_out(admin_user, admin_client_api):
    response = admin_client_api.patch(
        f"/api/v1/users/{admin_user.pk}", {"role": "candidate"}, format="json"
    )
    assert response.status_code == 400
    admin_user.refresh_from_db()
    assert admin_user.role == "admin"


def test_an_unknown_user_is_a_404(admin_client_api):
    response = admin_client_api.get("/api/v1/users/999999")
    assert response.status_code == 404
    assert response.json()["error_code"] == "not_found"


def test_role_changes_in_the_django_admin_are_audited(admin_user, client, user_of_role):
    target = user_of_role("candidate")
    client.force_login(admin_user)
    page = client.get(f"/admin/accounts/user/{target.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name != "password"}
    data.update(role="recruiter", is_active="on")
    response = client.post(f"/admin/accounts/user/{target.pk}/change/", data)
    assert response.status_code == 302, response.content[:2000]
    target.refresh_from_db()
    assert target.role == "recruiter"
    assert AuditLogEntry.objects.filter(action="account.access_changed", actor=admin_user).exists()
