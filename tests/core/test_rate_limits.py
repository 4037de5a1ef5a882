import time

import pytest

from tests.accounts.factories import PASSWORD, CandidateFactory

pytestmark = pytest.mark.django_db


WRONG_PASSWORD = "wrong-password-x"


def login(client, email, password=WRONG_PASSWORD, ip="10.0.0.1", **headers):
    return client.post(
        "/api/v1/auth/login",
        {"email": email, "password": password},
        format="json",
        REMOTE_ADDR=ip,
        **headers,
    )


def test_logins_past_the_per_email_limit_get_429_with_headers(api_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login_email": "3/m", "login_ip": "100/m"}
    user = CandidateFactory()
    remaining = [login(api_client, user.email)["X-RateLimit-Remaining"] for _ in range(3)]
    assert remaining == ["2", "1", "0"]

    asked_at = int(time.time())
    blocked = login(api_client, user.email, password=PASSWORD)
    assert blocked.status_code == 429
    body = blocked.json()
    assert body["error_code"] == "rate_limited"
    assert 1 <= int(blocked["Retry-After"]) <= 60
    assert blocked["X-RateLimit-Limit"] == "3"
    assert blocked["X-RateLimit-Remaining"] == "0"
    # At least a second after the request, however long the request took.
    assert int(blocked["X-RateLimit-Reset"]) > asked_at

    other_account = login(api_client, "someone-else@example.com")
    assert other_account.status_code == 401


def test_the_per_ip_limit_covers_many_emails(api_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login_email": "100/m", "login_ip": "2/m"}
    assert login(api_client, "a@example.com").status_code == 401
    assert login(api_client, "b@example.com").status_code == 401
    assert login(api_client, "c@example.com").status_code == 429
    assert login(api_client, "c@example.com", ip="10.0.0.2").status_code == 401


def test_registration_is_limited_per_ip(api_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "register_ip": "1/h"}
    payload = {"email": "one@example.com", "password": "a-long-enough-pass", "name": "One"}
    assert api_client.post("/api/v1/auth/register", payload, format="json").status_code == 201
    second = api_client.post(
        "/api/v1/auth/register", {**payload, "email": "two@example.com"}, format="json"
    )
    assert second.status_code == 429
    # Fixed windows: the wait is whatever is left of the current hour-long window.
    assert 1 <= int(second["Retry-After"]) <= 3600


def test_forwarded_for_is_trusted_only_behind_configured_proxies(api_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login_email": "100/m", "login_ip": "1/m"}
    spoofed = {"HTTP_X_FORWARDED_FOR": "1.2.3.4"}
    assert login(api_client, "a@example.com").status_code == 401
    # No trusted proxy: a client cannot dodge the limit by inventing a forwarded address.
    assert login(api_client, "b@example.com", **spoofed).status_code == 429

    settings.TRUSTED_PROXY_COUNT = 1
    assert login(api_client, "b@example.com", **spoofed).status_code == 401


def test_limits_can_be_switched_off(api_client, settings):
    settings.RATELIMIT_ENABLE = False
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login_email": "1/m"}
    statuses = {login(api_client, "a@example.com").status_code for _ in range(3)}
    assert statuses == {401}
