"""POST /api/v1/jobs/import: feeds by upload, JSearch by JSON, who may, and the error bodies."""

import json

import httpx
import pytest
import respx
from django.core.files.uploadedfile import SimpleUploadedFile

from jobs.models import Job
from tests.conftest import client_for
from tests.jobs.factories import BACKEND_DESCRIPTION

URL = "/api/v1/jobs/import"
JSEARCH_URL = "https://jsearch.test/search"
CSV_FEED = (
    "id,title,company,location,description,salary_min,salary_max\n"
    f'a1,Backend Engineer,Acme,London,"{BACKEND_DESCRIPTION}",60000,80000\n'
    "a2,,Acme,London,No title,,\n"
    f'a3,Backend Lead,Acme,London,"{BACKEND_DESCRIPTION}",90000,70000\n'
)


def upload(content: bytes | str, name: str = "feed.csv", content_type: str = "text/csv"):
    data = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type=content_type)


def post_feed(client, content, name="feed.csv", **fields):
    return client.post(URL, {"file": upload(content, name), **fields}, format="multipart")


@pytest.fixture
def jsearch_key(settings):
    settings.JSEARCH_API_KEY = "test-key"
    settings.JSEARCH_API_HOST = "jsearch.test"
    settings.JSEARCH_API_URL = JSEARCH_URL


def test_anonymous_visitors_get_401(api_client):
    response = api_client.post(URL, {"file": upload(CSV_FEED)}, format="multipart")

    assert response.status_code == 401


def test_candidates_get_403(candidate_client):
    response = post_feed(candidate_client, CSV_FEED)

    assert response.status_code == 403
    assert not Job.objects.exists()


def test_a_recruiter_uploads_a_csv_and_reads_the_report(recruiter, recruiter_client):
    response = post_feed(recruiter_client, CSV_FEED)

    assert response.status_code == 200
    body = response.json()
    assert {key: body[key] for key in ("created", "updated", "unchanged", "failed")} == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "failed": 2,
    }
    assert body["dry_run"] is False
    assert [(error["row"], error["source_job_id"]) for error in body["errors"]] == [
        (2, "a2"),
        (3, "a3"),
    ]
    assert "title" in body["errors"][0]["errors"]
    job = Job.objects.get()
    assert (job.owner, job.source, job.source_job_id) == (recruiter, "feed", "a1")
    assert body["job_ids"] == [job.pk]


def test_uploading_the_same_feed_again_updates_nothing(recruiter_client):
    post_feed(recruiter_client, CSV_FEED, source="acme-careers")

    body = post_feed(recruiter_client, CSV_FEED, source="acme-careers").json()

    assert (body["created"], body["unchanged"]) == (0, 1)
    assert Job.objects.filter(source="acme-careers").count() == 1


def test_a_dry_run_upload_writes_nothing(recruiter_client):
    response = post_feed(recruiter_client, CSV_FEED, dry_run="true")

    assert response.status_code == 200
    assert (response.json()["created"], response.json()["dry_run"]) == (1, True)
    assert not Job.objects.exists()


def test_a_json_feed_is_accepted(recruiter_client):
    feed = json.dumps({"jobs": [{"title": "SRE", "description": BACKEND_DESCRIPTION}]})

    response = post_feed(recruiter_client, feed, name="feed.json")

    assert response.status_code == 200
    assert response.json()["created"] == 1


def test_a_feed_over_the_limit_is_413(recruiter_client, settings):
    settings.JOB_IMPORT_MAX_UPLOAD_BYTES = 64

    response = post_feed(recruiter_client, CSV_FEED)

    assert response.status_code == 413
    assert response.json()["error_code"] == "file_too_large"


def test_a_feed_with_too_many_rows_is_400(recruiter_client, settings):
    settings.JOB_IMPORT_MAX_ROWS = 2

    response = post_feed(recruiter_client, CSV_FEED)

    assert response.status_code == 400
    assert response.json()["error_code"] == "too_many_rows"
    assert not Job.objects.exists()


def test_a_binary_file_renamed_csv_is_415(recruiter_client):
    response = post_feed(recruiter_client, b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml")

    assert response.status_code == 415
    body = response.json()
    assert body["error_code"] == "unsupported_file_type"
    assert "ZIP" in body["detail"]


def test_a_bad_source_name_is_400(recruiter_client):
    response = post_feed(recruiter_client, CSV_FEED, source="Not A Slug")

    assert response.status_code == 400
    assert "source" in response.json()["errors"]


def test_a_json_body_without_jsearch_explains_what_to_send(recruiter_client):
    response = recruiter_client.post(URL, {"source": "feed"}, format="json")

    assert response.status_code == 400
    assert "multipart" in response.json()["errors"]["source"][0]


def test_jsearch_without_a_key_is_400_and_suggests_a_feed(recruiter_client, settings):
    settings.JSEARCH_API_KEY = ""

    with respx.mock(assert_all_called=False) as mock:
        route = mock.get(JSEARCH_URL)
        response = recruiter_client.post(
            URL, {"source": "jsearch", "query": "python developer"}, format="json"
        )

    assert response.status_code == 400
    assert response.json()["error_code"] == "jsearch_not_configured"
    assert "JSON/CSV feed" in response.json()["detail"]
    assert not route.called


@pytest.mark.usefixtures("jsearch_key")
def test_jsearch_results_are_imported(recruiter, recruiter_client):
    job = {
        "job_id": "js-1",
        "job_title": "Python Developer",
        "employer_name": "Acme",
        "job_description": BACKEND_DESCRIPTION,
        "job_city": "Berlin",
        "job_country": "DE",
        "job_employment_type": "CONTRACTOR",
        "job_apply_link": "https://jobs.example.com/js-1",
    }
    with respx.mock:
        respx.get(JSEARCH_URL).mock(
            side_effect=[
                httpx.Response(200, json={"data": [job]}),
                httpx.Response(200, json={"data": []}),
            ]
        )
        response = recruiter_client.post(
            URL, {"source": "jsearch", "query": "python developer in Berlin", "pages": 2}
        )

    assert response.status_code == 200, response.json()
    assert response.json()["created"] == 1
    imported = Job.objects.get()
    assert (imported.source, imported.source_job_id, imported.job_type) == (
        "jsearch",
        "js-1",
        "contract",
    )
    assert imported.owner == recruiter


@pytest.mark.usefixtures("jsearch_key")
def test_jsearch_failing_is_a_502_with_the_error_body(recruiter_client, settings):
    settings.JSEARCH_MAX_RETRIES = 0
    with respx.mock:
        respx.get(JSEARCH_URL).mock(return_value=httpx.Response(503))
        response = recruiter_client.post(URL, {"source": "jsearch", "query": "python"})

    assert response.status_code == 502
    assert response.json()["error_code"] == "jsearch_unavailable"
    assert response.json()["detail"]


@pytest.mark.usefixtures("jsearch_key")
def test_jsearch_pages_are_limited(recruiter_client):
    response = recruiter_client.post(URL, {"source": "jsearch", "query": "python", "pages": 6})

    assert response.status_code == 400
    assert "pages" in response.json()["errors"]


def test_imports_are_rate_limited_per_user(recruiter, settings):
    # A cache of this test's own: a shared Redis may be cleared by another test run meanwhile.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "job_import": "1/h"}
    client = client_for(recruiter)

    first = post_feed(client, CSV_FEED, dry_run="true")
    second = post_feed(client, CSV_FEED, dry_run="true")

    assert first.status_code == 200 and "X-RateLimit-Limit" in first
    assert second.status_code == 429
