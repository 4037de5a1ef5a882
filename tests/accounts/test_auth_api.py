"""Register → login → me → refresh → logout, and everything that must be refused."""

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.core import mail

from accounts.models import User
from config import settings as project_settings
from tests.accounts.factories import PASSWORD, CandidateFactory

pytestmark = pytest.mark.django_db

REGISTRATION = {
    "email": "Ada.Lovelace@Example.com",
    "password": "analytical-engine-1843",
    "name": "Ada Lovelace",
    "role": "candidate",
}


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_the_whole_session_from_registration_to_logout(api_client):
    registered = api_client.post("/api/v1/auth/register", REGISTRATION, format="json")
    assert registered.status_code == 201
    body = registered.json()
    assert body["token_type"] == "bearer"
    assert body["user"]["email"] == "ada.lovelace@example.com"
    assert body["user"]["role"] == "candidate"
    assert "password" not in body["user"]

    login = api_client.post(
        "/api/v1/auth/login",
        {"email": "ada.lovelace@example.com", "password": REGISTRATION["password"]},
        format="json",
    )
    assert login.status_code == 200
    tokens = login.json()

    me = api_client.get("/api/v1/auth/me", **bearer(tokens["access_token"]))
    assert me.status_code == 200
    assert me.json()["name"] == "Ada Lovelace"

    refreshed = api_client.post(
        "/api/v1/auth/refresh", {"refresh_token": tokens["refresh_token"]}, format="json"
    )
    assert refreshed.status_code == 200
    new_tokens = refreshed.json()
    assert new_tokens["refresh_token"] != tokens["refresh_token"]
    assert (
        api_client.get("/api/v1/auth/me", **bearer(new_tokens["access_token"])).status_code == 200
    )

    reused = api_client.post(
        "/api/v1/auth/refresh", {"refresh_token": tokens["refresh_token"]}, format="json"
    )
    assert reused.status_code == 401
    assert reused.json()["error_code"] == "invalid_refresh_token"

    logout = api_client.post(
        "/api/v1/auth/logout", {"refresh_token": new_tokens["refresh_token"]}, format="json"
    )
    assert logout.status_code == 204
    after_logout = api_client.post(
        "/api/v1/auth/refresh", {"refresh_token": new_tokens["refresh_token"]}, format="json"
    )
    assert after_logout.status_code == 401


def test_login_accepts_the_oauth2_password_form(api_client):
    user = CandidateFactory()
    response = api_client.post(
        "/api/v1/auth/login",
        {"username": user.email, "password": PASSWORD},
        format="multipart",
    )
    assert response.status_code == 200
    assert response.json()["user"]["id"] == user.id


def test_login_with_urlencoded_form_body(api_client):
    user = CandidateFactory()
    response = api_client.generic(
        "POST",
        "/api/v1/auth/login",
        f"username={user.email}&password={PASSWORD}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200


def test_login_is_case_insensitive_on_email(api_client):
    user = CandidateFactory(email="grace@example.com")
    response = api_client.post(
        "/api/v1/auth/login", {"email": "GRACE@Example.COM", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["user"]["id"] == user.id


def test_wrong_password_and_unknown_email_get_the_same_answer(api_client):
    CandidateFactory(email="known@example.com")
    wrong = api_client.post(
        "/api/v1/auth/login",
        {"email": "known@example.com", "password": "nope-nope-nope"},
        format="json",
    )
    unknown = api_client.post(
        "/api/v1/auth/login",
        {"email": "ghost@example.com", "password": "nope-nope-nope"},
        format="json",
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"] == "Email or password is incorrect."
    assert wrong.json()["error_code"] == "invalid_credentials"


def test_inactive_user_can_neither_log_in_nor_refresh_nor_use_a_token(api_client):
    user = CandidateFactory()
    tokens = api_client.post(
        "/api/v1/auth/login", {"email": user.email, "password": PASSWORD}, format="json"
    ).json()
    user.is_active = False
    user.save(update_fields=["is_active"])

    login = api_client.post(
        "/api/v1/auth/login", {"email": user.email, "password": PASSWORD}, format="json"
    )
    assert login.status_code == 403
    assert login.json()["error_code"] == "account_disabled"
    refresh = api_client.post(
        "/api/v1/auth/refresh", {"refresh_token": tokens["refresh_token"]}, format="json"
    )
    assert refresh.status_code == 403
    assert api_client.get("/api/v1/auth/me", **bearer(tokens["access_token"])).status_code == 401


def test_changing_the_password_invalidates_existing_tokens(api_client):
    user = CandidateFactory()
    tokens = api_client.post(
        "/api/v1/auth/login", {"email": user.email, "password": PASSWORD}, format="json"
    ).json()
    user.set_password("a-brand-new-passphrase")
    user.save(update_fields=["password"])

    assert api_client.get("/api/v1/auth/me", **bearer(tokens["access_token"])).status_code == 401
    refresh = api_client.post(
        "/api/v1/auth/refresh", {"refresh_token": tokens["refresh_token"]}, format="json"
    )
    assert refresh.status_code == 401


def test_logout_from_all_devices_revokes_every_refresh_token(api_client):
    user = CandidateFactory()
    sessions = [
        api_client.post(
            "/api/v1/auth/login", {"email": user.email, "password": PASSWORD}, format="json"
        ).json()
        for _ in range(2)
    ]
    response = api_client.post(
        "/api/v1/auth/logout",
        {"refresh_token": sessions[0]["refresh_token"], "all_devices": True},
        format="json",
    )
    assert response.status_code == 204
    other = api_client.post(
        "/api/v1/auth/refresh", {"refresh_token": sessions[1]["refresh_token"]}, format="json"
    )
    assert other.status_code == 401


def test_an_access_token_is_not_accepted_as_a_refresh_token(api_client):
    user = CandidateFactory()
    tokens = api_client.post(
        "/api/v1/auth/login", {"email": user.email, "password": PASSWORD}, format="json"
    ).json()
    response = api_client.post(
        "/api/v1/auth/refresh", {"refresh_token": tokens["access_token"]}, format="json"
    )
    assert response.status_code == 401


def test_a_forged_token_is_refused_in_the_error_body(api_client):
    response = api_client.get("/api/v1/auth/me", **bearer("not.a.jwt"))
    assert response.status_code == 401
    body = response.json()
    assert body["error_code"] == "token_not_valid"
    assert set(body) == {"detail", "error_code", "timestamp"}


def test_me_without_a_token_is_401(api_client):
    response = api_client.get("/api/v1/auth/me")
    assert response.status_code == 401
    assert response.json()["error_code"] == "not_authenticated"


def test_passwords_are_stored_with_argon2(api_client, settings):
    """The suite hashes with MD5 for speed (tests/conftest.py); here the project's own
    setting is back in force, and it stores Argon2 hashes."""
    assert project_settings.PASSWORD_HASHERS[0].endswith(".Argon2PasswordHasher")
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    api_client.post("/api/v1/auth/register", REGISTRATION, format="json")
    user = User.objects.get(email="ada.lovelace@example.com")
    assert identify_hasher(user.password).algorithm == "argon2"
    assert REGISTRATION["password"] not in user.password


def test_registration_sends_a_welcome_email(api_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        api_client.post("/api/v1/auth/register", REGISTRATION, format="json")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada.lovelace@example.com"]
    assert "Ada Lovelace" in mail.outbox[0].body


def test_profile_update_changes_only_the_given_fields(candidate, candidate_client):
    response = candidate_client.patch(
        "/api/v1/auth/profile",
        {"headline": "Backend engineer", "github_url": "https://github.com/ada", "phone": "+44 20"},
        format="json",
    )
    assert response.status_code == 200
    candidate.refresh_from_db()
    assert candidate.headline == "Backend engineer"
    assert candidate.phone == "+44 20"
    assert response.json()["name"] == candidate.name


def test_profile_put_requires_the_name(candidate_client):
    response = candidate_client.put("/api/v1/auth/profile", {"headline": "x"}, format="json")
    assert response.status_code == 400
    assert "name" in response.json()["errors"]


def test_profile_rejects_a_link_that_is_not_a_url(candidate_client):
    response = candidate_client.patch(
        "/api/v1/auth/profile", {"linkedin_url": "not a url"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["linkedin_url"] == ["Enter a valid URL."]


def test_profile_cannot_change_role_or_email(candidate, candidate_client):
    candidate_client.patch(
        "/api/v1/auth/profile", {"role": "admin", "email": "new@example.com"}, format="json"
    )
    candidate.refresh_from_db()
    assert candidate.role == "candidate"
    assert candidate.email != "new@example.com"
