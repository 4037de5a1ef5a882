"""The shared client for outside services, against fake transports: retries, waits, errors."""

from datetime import UTC, datetime

import httpx
import pytest
import respx

from core.integrations.errors import (
    ServiceError,
    ServiceNotFound,
    ServiceRateLimited,
    ServiceRejected,
    ServiceUnauthorized,
    ServiceUnavailable,
)
from core.integrations.http import ServiceClient, retry_after_seconds

BASE = "https://github.test"
USER_URL = f"{BASE}/users/octo"


@pytest.fixture(autouse=True)
def github_url(settings):
    settings.GITHUB_API_URL = BASE


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def github(sleeps):
    with ServiceClient(service="github", sleep=sleeps.append) as client:
        yield client


def ok(**data) -> httpx.Response:
    return httpx.Response(200, json=data)


@respx.mock
def test_a_429_waits_what_retry_after_says_then_succeeds(github, sleeps):
    respx.get(USER_URL).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "7"}), ok(login="octo")]
    )

    assert github.get_json("/users/octo").data == {"login": "octo"}
    assert sleeps == [7.0]


@respx.mock
def test_a_retry_after_date_in_the_past_retries_at_once(github, sleeps):
    past = "Wed, 21 Oct 2015 07:28:00 GMT"
    respx.get(USER_URL).mock(
        side_effect=[httpx.Response(503, headers={"Retry-After": past}), ok(login="octo")]
    )

    assert github.get_json("users/octo").data == {"login": "octo"}
    assert sleeps == [0.0]


def test_a_retry_after_date_counts_from_now():
    now = datetime(2026, 1, 5, 12, 0, 0, tzinfo=UTC)

    assert retry_after_seconds("Mon, 05 Jan 2026 12:01:30 GMT", now=now) == 90.0
    assert retry_after_seconds("120", now=now) == 120.0
    assert retry_after_seconds("soon", now=now) is None
    assert retry_after_seconds("", now=now) is None


@respx.mock
def test_a_retry_after_beyond_the_wait_cap_is_reported_without_sleeping(github, sleeps):
    route = respx.get(USER_URL).mock(
        return_value=httpx.Response(429, headers={"Retry-After": "3600"})
    )

    with pytest.raises(ServiceRateLimited) as caught:
        github.get_json("/users/octo")

    assert route.call_count == 1
    assert sleeps == []
    assert caught.value.retry_after == 3600.0
    assert caught.value.service == "github"
    assert "GitHub" in str(caught.value) and "3600" in str(caught.value)


@respx.mock
def test_5xx_is_retried_with_exponential_backoff(github, sleeps):
    respx.get(USER_URL).mock(
        side_effect=[httpx.Response(502), httpx.Response(503), ok(login="octo")]
    )

    assert github.get_json("/users/octo").status == 200
    assert sleeps == [1.0, 2.0]


@respx.mock
def test_persistent_5xx_becomes_service_unavailable_after_the_retries(github, sleeps):
    route = respx.get(USER_URL).mock(return_value=httpx.Response(500))

    with pytest.raises(ServiceUnavailable) as caught:
        github.get_json("/users/octo")

    assert route.call_count == 4  # the first try and three retries
    assert sleeps == [1.0, 2.0, 4.0]
    error = caught.value
    assert (error.service, error.label, error.status, error.attempts) == (
        "github",
        "GitHub",
        500,
        4,
    )
    assert str(error) == "GitHub answered HTTP 500 (server error) 4 times."


@respx.mock
def test_the_total_wait_is_capped(sleeps):
    route = respx.get(USER_URL).mock(return_value=httpx.Response(503))
    client = ServiceClient(service="github", max_total_wait=2.5, sleep=sleeps.append)

    with pytest.raises(ServiceUnavailable):
        client.get_json("/users/octo")

    assert sleeps == [1.0]  # the next wait (2 s) would pass the 2.5 s cap
    assert route.call_count == 2


@respx.mock
def test_timeouts_are_retried_and_then_reported_as_timeouts(github, sleeps):
    route = respx.get(USER_URL).mock(side_effect=httpx.ReadTimeout("slow"))

    with pytest.raises(ServiceUnavailable) as caught:
        github.get_json("/users/octo")

    assert route.call_count == 4
    assert len(sleeps) == 3
    assert caught.value.timed_out
    assert str(caught.value) == "GitHub did not answer after 4 attempts (timed out)."


@respx.mock
def test_a_timeout_then_an_answer_succeeds(github, sleeps):
    respx.get(USER_URL).mock(side_effect=[httpx.ConnectTimeout("slow"), ok(login="octo")])

    assert github.get_json("/users/octo").data == {"login": "octo"}
    assert sleeps == [1.0]


@pytest.mark.parametrize("status", [401, 403])
@respx.mock
def test_refused_credentials_are_reported_at_once(github, sleeps, status):
    route = respx.get(USER_URL).mock(
        return_value=httpx.Response(status, json={"message": "Bad credentials"})
    )

    with pytest.raises(ServiceUnauthorized) as caught:
        github.get_json("/users/octo")

    assert route.call_count == 1
    assert sleeps == []
    assert (caught.value.status, caught.value.detail) == (status, "Bad credentials")


@respx.mock
def test_a_404_is_not_found_with_the_services_words(github):
    respx.get(USER_URL).mock(return_value=httpx.Response(404, json={"message": "Not Found"}))

    with pytest.raises(ServiceNotFound) as caught:
        github.get_json("/users/octo")

    assert caught.value.detail == "Not Found"
    assert isinstance(caught.value, ServiceRejected)


@respx.mock
def test_another_4xx_is_rejected_without_retrying(github, sleeps):
    route = respx.get(USER_URL).mock(
        return_value=httpx.Response(422, json={"error": "page out of range"})
    )

    with pytest.raises(ServiceRejected, match=r"HTTP 422.*page out of range"):
        github.get_json("/users/octo")

    assert route.call_count == 1
    assert sleeps == []


@respx.mock
def test_an_answer_that_is_not_json_is_unavailable(github):
    respx.get(USER_URL).mock(return_value=httpx.Response(200, text="<html>maintenance</html>"))

    with pytest.raises(ServiceUnavailable, match="other than JSON"):
        github.get_json("/users/octo")


@respx.mock
def test_the_base_url_comes_from_settings_and_headers_travel_both_ways(settings):
    settings.GITHUB_API_URL = "https://ghe.example/api/v3/"
    route = respx.get("https://ghe.example/api/v3/users/octo").mock(
        return_value=httpx.Response(200, json={}, headers={"X-RateLimit-Remaining": "4999"})
    )
    client = ServiceClient(service="github", headers={"Authorization": "Bearer t"})

    response = client.get_json("/users/octo", params={"per_page": 100})

    assert response.headers["X-RateLimit-Remaining"] == "4999"
    request = route.calls.last.request
    assert request.headers["Authorization"] == "Bearer t"
    assert request.url.params["per_page"] == "100"


@pytest.mark.parametrize(
    ("service", "setting"),
    [("github", "GITHUB_API_URL"), ("stackexchange", "STACKEXCHANGE_API_URL"),
     ("zoom", "ZOOM_API_URL"), ("jsearch", "JSEARCH_API_URL")],
)  # fmt: skip
def test_each_service_reads_its_base_url_from_its_own_setting(settings, service, setting):
    setattr(settings, setting, "http://127.0.0.1:9999/fake")

    assert ServiceClient(service=service).url("a/b") == "http://127.0.0.1:9999/fake/a/b"


def test_an_unknown_service_is_refused():
    with pytest.raises(ValueError, match="Unknown service"):
        ServiceClient(service="myspace")


def test_a_transport_can_be_injected(sleeps):
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(204)

    client = ServiceClient(
        service="zoom", base_url="https://zoom.test/v2", transport=httpx.MockTransport(handler)
    )

    assert client.request_json("DELETE", "meetings/42").data is None
    assert seen == ["https://zoom.test/v2/meetings/42"]


@respx.mock
def test_a_post_is_not_repeated_after_a_server_error(sleeps):
    route = respx.post(f"{BASE}/meetings").mock(return_value=httpx.Response(500))
    client = ServiceClient(service="github", sleep=sleeps.append)

    with pytest.raises(ServiceUnavailable):
        client.request_json("POST", "/meetings", json={"topic": "Interview"})

    assert route.call_count == 1
    assert sleeps == []


@respx.mock
def test_a_post_is_repeated_after_a_429_or_a_connection_that_never_opened(sleeps):
    route = respx.post(f"{BASE}/meetings").mock(
        side_effect=[httpx.Response(429), httpx.ConnectError("refused"), ok(id=42)]
    )
    client = ServiceClient(service="github", sleep=sleeps.append)

    assert client.request_json("POST", "/meetings", json={"topic": "x"}).data == {"id": 42}
    assert route.call_count == 3


@respx.mock
def test_a_post_is_not_repeated_after_a_read_timeout(sleeps):
    route = respx.post(f"{BASE}/meetings").mock(side_effect=httpx.ReadTimeout("slow"))
    client = ServiceClient(service="github", sleep=sleeps.append)

    with pytest.raises(ServiceError, match="timed out"):
        client.request_json("POST", "/meetings", json={"topic": "x"})

    assert route.call_count == 1
