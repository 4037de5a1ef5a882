"""The JSearch client against a fake HTTP transport (respx): mapping, paging, retries, errors."""

import httpx
import pytest
import respx

from jobs.errors import JSearchNotConfigured, JSearchRejectedKey, JSearchUnavailable
from jobs.imports.jsearch import JSearchClient, jsearch_row, jsearch_rows

URL = "https://jsearch.test/search"


def jsearch_job(number: int = 1, **fields) -> dict:
    """A job object shaped like JSearch's /search answer."""
    return {
        "job_id": f"js-{number}",
        "employer_name": "Acme Payments",
        "job_title": f"Python Developer {number}",
        "job_description": "We build APIs. Requirements: Python, Django, PostgreSQL.",
        "job_city": "Berlin",
        "job_state": "Berlin",
        "job_country": "DE",
        "job_is_remote": False,
        "job_employment_type": "FULLTIME",
        "job_apply_link": f"https://jobs.example.com/{number}",
        "job_posted_at_datetime_utc": "2025-05-01T09:30:00.000Z",
        "job_offer_expiration_datetime_utc": "2025-07-01T00:00:00.000Z",
        "job_min_salary": 60000.0,
        "job_max_salary": 75000.0,
        "job_salary_currency": "EUR",
        "job_salary_period": "YEAR",
        "job_required_experience": {
            "no_experience_required": False,
            "required_experience_in_months": 36,
        },
        **fields,
    }


def page(*jobs) -> httpx.Response:
    return httpx.Response(200, json={"status": "OK", "request_id": "r", "data": list(jobs)})


@pytest.fixture(autouse=True)
def jsearch_settings(settings):
    settings.JSEARCH_API_KEY = "test-key"
    settings.JSEARCH_API_HOST = "jsearch.test"
    settings.JSEARCH_API_URL = URL
    settings.JSEARCH_MAX_RETRIES = 3
    settings.JSEARCH_TIMEOUT_SECONDS = 5


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def client(sleeps):
    with JSearchClient(sleep=sleeps.append) as client:
        yield client


@respx.mock
def test_search_sends_the_key_host_and_query(client):
    route = respx.get(URL).mock(return_value=page(jsearch_job()))

    jobs = list(client.search("python developer in Berlin", country="DE", date_posted="week"))

    assert [job["job_id"] for job in jobs] == ["js-1"]
    request = route.calls.last.request
    assert request.headers["X-RapidAPI-Key"] == "test-key"
    assert request.headers["X-RapidAPI-Host"] == "jsearch.test"
    assert dict(request.url.params) == {
        "query": "python developer in Berlin",
        "page": "1",
        "num_pages": "1",
        "country": "de",
        "date_posted": "week",
    }


@respx.mock
def test_search_pages_until_asked_or_an_empty_page(client):
    route = respx.get(URL).mock(side_effect=[page(jsearch_job(1)), page(jsearch_job(2)), page()])

    jobs = list(client.search("python", pages=5))

    assert [job["job_id"] for job in jobs] == ["js-1", "js-2"]
    assert [call.request.url.params["page"] for call in route.calls] == ["1", "2", "3"]


@respx.mock
def test_search_stops_after_the_pages_asked_for(client):
    route = respx.get(URL).mock(return_value=page(jsearch_job()))

    assert len(list(client.search("python", pages=2))) == 2
    assert route.call_count == 2


@respx.mock
def test_429_is_retried_after_the_time_retry_after_says(client, sleeps):
    respx.get(URL).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "7"}), page(jsearch_job())]
    )

    assert len(list(client.search("python"))) == 1
    assert sleeps == [7.0]


@respx.mock
def test_5xx_is_retried_with_exponential_backoff(client, sleeps):
    respx.get(URL).mock(side_effect=[httpx.Response(503), httpx.Response(502), page(jsearch_job())])

    assert len(list(client.search("python"))) == 1
    assert sleeps == [1.0, 2.0]


@respx.mock
def test_timeouts_and_connection_errors_are_retried(client, sleeps):
    respx.get(URL).mock(
        side_effect=[httpx.ConnectTimeout("slow"), httpx.ConnectError("refused"), page()]
    )

    assert list(client.search("python")) == []
    assert len(sleeps) == 2


@respx.mock
def test_persistent_5xx_becomes_a_502_after_the_retries(client, sleeps):
    route = respx.get(URL).mock(return_value=httpx.Response(500))

    with pytest.raises(JSearchUnavailable) as caught:
        list(client.search("python"))

    assert route.call_count == 4  # the first try and three retries
    assert len(sleeps) == 3
    assert caught.value.status_code == 502
    assert caught.value.error_code == "jsearch_unavailable"
    assert "HTTP 500" in str(caught.value.detail)


@respx.mock
def test_persistent_timeouts_say_so(client):
    respx.get(URL).mock(side_effect=httpx.ReadTimeout("slow"))

    with pytest.raises(JSearchUnavailable, match="timed out"):
        list(client.search("python"))


@pytest.mark.parametrize("status", [401, 403])
@respx.mock
def test_a_refused_key_is_reported_without_retrying(client, sleeps, status):
    route = respx.get(URL).mock(return_value=httpx.Response(status, json={"message": "no"}))

    with pytest.raises(JSearchRejectedKey) as caught:
        list(client.search("python"))

    assert route.call_count == 1
    assert sleeps == []
    assert caught.value.status_code == 502
    assert caught.value.error_code == "jsearch_rejected_key"


@respx.mock
def test_another_client_error_is_not_retried_and_shows_jsearch_message(client):
    respx.get(URL).mock(return_value=httpx.Response(400, json={"message": "query is required"}))

    with pytest.raises(JSearchUnavailable, match="query is required"):
        list(client.search(""))


@respx.mock
def test_an_answer_without_a_job_list_is_unavailable(client):
    respx.get(URL).mock(return_value=httpx.Response(200, text="<html>maintenance</html>"))

    with pytest.raises(JSearchUnavailable, match="other than JSON"):
        list(client.search("python"))


@respx.mock
def test_without_a_key_no_request_is_made(settings):
    settings.JSEARCH_API_KEY = ""
    route = respx.get(URL).mock(return_value=page(jsearch_job()))

    with pytest.raises(JSearchNotConfigured) as caught:
        jsearch_rows("python")

    assert route.call_count == 0
    assert caught.value.status_code == 400
    assert "JSEARCH_API_KEY" in str(caught.value.detail)


def test_a_job_maps_to_our_fields():
    row = jsearch_row(jsearch_job())

    assert row == {
        "source_job_id": "js-1",
        "title": "Python Developer 1",
        "company": "Acme Payments",
        "description": "We build APIs. Requirements: Python, Django, PostgreSQL.",
        "location": "Berlin, DE",
        "apply_url": "https://jobs.example.com/1",
        "posted_at": "2025-05-01T09:30:00.000Z",
        "end_date": "2025-07-01T00:00:00.000Z",
        "job_type": "full_time",
        "experience_level": "mid",
        "salary_min": 60000,
        "salary_max": 75000,
        "salary_currency": "EUR",
        "salary_period": "year",
    }


@pytest.mark.parametrize(
    ("employment_type", "job_type"),
    [("FULLTIME", "full_time"), ("PARTTIME", "part_time"), ("CONTRACTOR", "contract"),
     ("INTERN", "internship")],
)  # fmt: skip
def test_employment_types_map_to_job_types(employment_type, job_type):
    assert jsearch_row(jsearch_job(job_employment_type=employment_type))["job_type"] == job_type


def test_remote_jobs_hourly_pay_and_experience_map():
    row = jsearch_row(
        jsearch_job(
            job_is_remote=True,
            job_min_salary=45.5,
            job_max_salary=None,
            job_salary_currency="usd",
            job_salary_period="HOUR",
            job_required_experience={"required_experience_in_months": 72},
            job_city=None,
            job_state=None,
            job_country="US",
        )
    )

    assert row["work_mode"] == "remote"
    assert (row["salary_min"], row["salary_currency"], row["salary_period"]) == (46, "USD", "hour")
    assert "salary_max" not in row
    assert row["experience_level"] == "senior"
    assert row["location"] == "US"


def test_pay_per_day_is_kept_as_text_only():
    row = jsearch_row(jsearch_job(job_min_salary=500, job_max_salary=650, job_salary_period="DAY"))

    assert row["salary_text"] == "EUR 500-650 per day"
    assert "salary_min" not in row and "salary_period" not in row


@respx.mock
def test_jsearch_rows_maps_every_job_found():
    respx.get(URL).mock(side_effect=[page(jsearch_job(1), jsearch_job(2)), page()])

    rows = jsearch_rows("python", pages=3)

    assert [row["source_job_id"] for row in rows] == ["js-1", "js-2"]
