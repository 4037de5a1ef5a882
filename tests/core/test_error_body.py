"""Every malformed request gets a clear 4xx in the documented body, and writes nothing."""

from datetime import datetime

import pytest

from accounts.models import User
from tests.accounts.factories import CandidateFactory

pytestmark = pytest.mark.django_db

GOOD = {"email": "new@example.com", "password": "a-long-enough-pass", "name": "New Person"}


def assert_error_body(response, status: int, error_code: str) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert body["error_code"] == error_code
    assert isinstance(body["detail"], str) and body["detail"]
    assert datetime.fromisoformat(body["timestamp"])
    assert set(body) <= {"detail", "error_code", "timestamp", "errors"}
    return body


def test_malformed_json_is_a_400(api_client):
    response = api_client.post(
        "/api/v1/auth/register", '{"email": "a@b.c", ', content_type="application/json"
    )
    assert_error_body(response, 400, "malformed_request")
    assert User.objects.count() == 0


def test_missing_fields_are_listed(api_client):
    response = api_client.post("/api/v1/auth/register", {}, format="json")
    body = assert_error_body(response, 400, "validation_error")
    assert set(body["errors"]) == {"email", "password", "name"}
    assert body["errors"]["email"] == ["This field is required."]


def test_wrongly_typed_fields_are_refused(api_client):
    response = api_client.post(
        "/api/v1/auth/register",
        {"email": ["not", "a", "string"], "password": 12, "name": {"first": "x"}},
        format="json",
    )
    body = assert_error_body(response, 400, "validation_error")
    assert {"email", "name"} <= set(body["errors"])
    assert User.objects.count() == 0


def test_a_json_array_instead_of_an_object_is_refused(api_client):
    response = api_client.post("/api/v1/auth/login", [1, 2], format="json")
    assert_error_body(response, 400, "validation_error")


def test_unknown_role_is_refused(api_client):
    response = api_client.post("/api/v1/auth/register", {**GOOD, "role": "wizard"}, format="json")
    body = assert_error_body(response, 400, "validation_error")
    assert "role" in body["errors"]


@pytest.mark.parametrize("role", ["admin", "domain_expert"])
def test_privileged_roles_cannot_be_chosen_at_registration(api_client, role):
    response = api_client.post("/api/v1/auth/register", {**GOOD, "role": role}, format="json")
    assert_error_body(response, 400, "validation_error")
    assert not User.objects.filter(email=GOOD["email"]).exists()


def test_duplicate_email_is_a_conflict_whatever_its_case(api_client):
    CandidateFactory(email="taken@example.com")
    response = api_client.post(
        "/api/v1/auth/register", {**GOOD, "email": "Taken@Example.com"}, format="json"
    )
    body = assert_error_body(response, 409, "email_taken")
    assert body["detail"] == "An account with this email already exists."
    assert User.objects.filter(email="taken@example.com").count() == 1


def test_weak_password_is_explained(api_client):
    response = api_client.post(
        "/api/v1/auth/register", {**GOOD, "password": "12345678"}, format="json"
    )
    body = assert_error_body(response, 400, "validation_error")
    messages = " ".join(body["errors"]["password"])
    assert "too short" in messages
    assert "entirely numeric" in messages


def test_unsupported_media_type_is_a_415(api_client):
    response = api_client.post("/api/v1/auth/login", "<x/>", content_type="application/xml")
    assert_error_body(response, 415, "unsupported_media_type")


def test_wrong_method_is_a_405(api_client):
    assert_error_body(api_client.get("/api/v1/auth/login"), 405, "method_not_allowed")


def test_unknown_api_path_is_a_json_404(api_client):
    assert_error_body(api_client.get("/api/v1/no-such-thing"), 404, "not_found")


def test_an_invalid_page_parameter_is_a_400(admin_client_api):
    response = admin_client_api.get("/api/v1/users?page=zero")
    body = assert_error_body(response, 400, "validation_error")
    assert "page" in body["errors"]


def test_a_page_past_the_end_is_a_404(admin_client_api):
    assert_error_body(admin_client_api.get("/api/v1/users?page=99"), 404, "not_found")


def test_an_unexpected_error_still_answers_in_the_error_body(candidate_client, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("accounts.api.views.s.UserSerializer.to_representation", explode)
    response = candidate_client.get("/api/v1/auth/me")
    body = assert_error_body(response, 500, "server_error")
    assert "boom" not in body["detail"]


def test_every_response_carries_x_process_time(api_client, candidate_client):
    for response in (
        candidate_client.get("/api/v1/auth/me"),
        api_client.get("/api/v1/auth/me"),
        api_client.get("/health"),
        api_client.get("/"),
    ):
        assert float(response["X-Process-Time"]) >= 0
