"""Bad input never reaches a 500: deep JSON, huge ids, OPTIONS, unknown paths with DEBUG on."""

import pytest
from rest_framework.test import APIClient

from core.api.parsers import MAX_JSON_DEPTH, json_depth
from tests.core.test_error_body import assert_error_body
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

BEYOND_64_BITS = 2**64 + 1
BIGINT_PLUS_ONE = 2**63
UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("path", ["/api/v1/auth/login", "/api/v1/jobs/search"])
def test_json_nested_a_thousand_deep_is_a_malformed_request(recruiter_client, path):
    response = recruiter_client.post(path, nested(1000), content_type="application/json")
    body = assert_error_body(response, 400, "malformed_request")
    assert "nested deeper" in body["detail"]


def test_json_nested_just_past_the_limit_inside_an_object_is_refused(recruiter_client):
    body = '{"skills": ' + nested(MAX_JSON_DEPTH) + "}"
    response = recruiter_client.post("/api/v1/jobs/search", body, content_type="application/json")
    assert_error_body(response, 400, "malformed_request")


def test_deep_json_is_refused_by_views_with_their_own_parsers(api_client):
    job = JobFactory()
    response = api_client.post(
        f"/api/v1/jobs/{job.pk}/apply", nested(5000), content_type="application/json"
    )
    assert_error_body(response, 400, "malformed_request")


def test_json_depth_counts_lists_and_objects():
    assert json_depth(1) == 0
    assert json_depth({"a": [1, {"b": []}]}) == 4


def test_an_authenticated_options_on_a_detail_path_describes_it(recruiter_client, recruiter):
    job = JobFactory(owner=recruiter)
    response = recruiter_client.options(f"/api/v1/jobs/{job.pk}")
    assert response.status_code == 200
    assert response.json()["name"] == "Job Detail"


@pytest.mark.parametrize("value", [BEYOND_64_BITS, BIGINT_PLUS_ONE, -1, 0])
@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/api/v1/jobs?recruiter={}", "recruiter"),
        ("/api/v1/applications?as=recruiter&job_id={}", "job_id"),
        ("/api/v1/ats/candidates?job_id={}", "job_id"),
        ("/api/v1/ats/candidates/matching?job_id={}", "job_id"),
        ("/api/v1/ats/pipeline?job_id={}", "job_id"),
        ("/api/v1/ats/analytics?job_id={}", "job_id"),
    ],
)
def test_an_id_out_of_range_in_a_query_is_a_400_naming_it(recruiter_client, path, field, value):
    response = recruiter_client.get(path.format(value))
    body = assert_error_body(response, 400, "validation_error")
    assert field in body["errors"]


@pytest.mark.parametrize("value", [BEYOND_64_BITS, str(BEYOND_64_BITS)])
def test_an_id_out_of_range_in_a_search_body_is_a_400(recruiter_client, value):
    response = recruiter_client.post("/api/v1/jobs/search", {"recruiter": value}, format="json")
    body = assert_error_body(response, 400, "validation_error")
    assert "recruiter" in body["errors"]


def test_an_id_out_of_range_in_a_compatibility_body_is_a_400(candidate_client):
    response = candidate_client.post(
        "/api/v1/jobs/compatibility",
        {"job_id": BEYOND_64_BITS, "resume_id": UUID},
        format="json",
    )
    body = assert_error_body(response, 400, "validation_error")
    assert "job_id" in body["errors"]


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/jobs/{BEYOND_64_BITS}",
        f"/api/v1/jobs/{BIGINT_PLUS_ONE}/applications",
        f"/api/v1/users/{BEYOND_64_BITS}",
    ],
)
def test_a_path_id_no_row_can_have_is_a_404(admin_client_api, path):
    assert admin_client_api.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/no-such-thing",
        "/api/v1/jobs/abc",
        "/api/v1/jobs/-1",
        "/api/v1/applications/not-a-uuid",
        "/api/v2/jobs",
    ],
)
def test_unknown_api_paths_answer_the_json_404_with_debug_on(api_client, settings, path):
    settings.DEBUG = True
    response = api_client.get(path)
    assert response["Content-Type"] == "application/json"
    assert_error_body(response, 404, "not_found")


def test_a_post_to_an_unknown_api_path_is_a_404_not_a_csrf_refusal(settings):
    settings.DEBUG = True
    client = APIClient(enforce_csrf_checks=True)
    assert_error_body(client.post("/api/v1/no-such-thing", {}), 404, "not_found")


@pytest.mark.parametrize("value", [0, 1.5, True, ["x"], {"x": 1}])
def test_text_fields_take_text_only(candidate_client, value):
    response = candidate_client.patch("/api/v1/auth/profile", {"phone": value}, format="json")
    body = assert_error_body(response, 400, "validation_error")
    assert body["errors"]["phone"] == ["Not a valid string."]


@pytest.mark.parametrize("value", ["true", 1, "yes"])
def test_booleans_in_a_json_body_are_json_booleans(recruiter_client, value):
    response = recruiter_client.post("/api/v1/jobs/search", {"remote": value}, format="json")
    body = assert_error_body(response, 400, "validation_error")
    assert "remote" in body["errors"]


def test_booleans_in_a_query_string_are_text(recruiter_client):
    assert recruiter_client.get("/api/v1/jobs?remote=true").status_code == 200


def test_integers_in_a_json_body_are_json_numbers(recruiter_client):
    response = recruiter_client.post("/api/v1/jobs/search", {"salary_min": "5"}, format="json")
    body = assert_error_body(response, 400, "validation_error")
    assert "salary_min" in body["errors"]
    ok = recruiter_client.post("/api/v1/jobs/search", {"salary_min": 5}, format="json")
    assert ok.status_code == 200
