import json
import re

import pytest
from drf_spectacular.generators import SchemaGenerator

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema():
    """Generated once for the module: the same document `/api/v1/schema/` serves."""
    return json.loads(json.dumps(SchemaGenerator().get_schema(request=None, public=True)))


def test_the_schema_is_served(api_client):
    response = api_client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert response.json()["paths"]


def test_schema_lists_every_account_endpoint(schema):
    expected = {
        "/api/v1/auth/register",
        "/api/v1/auth/login",
        "/api/v1/auth/refresh",
        "/api/v1/auth/logout",
        "/api/v1/auth/me",
        "/api/v1/auth/profile",
        "/api/v1/auth/account",
        "/api/v1/users",
        "/api/v1/health",
    }
    assert expected <= set(schema["paths"])
    assert schema["openapi"].startswith("3.")


def test_schema_documents_the_error_body(schema):
    error = schema["components"]["schemas"]["ErrorResponse"]
    assert error["required"] == ["detail", "error_code", "timestamp"]
    login = schema["paths"]["/api/v1/auth/login"]["post"]["responses"]
    assert {"400", "429"} <= set(login)
    me = schema["paths"]["/api/v1/auth/me"]["get"]["responses"]
    assert me["401"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorResponse"
    }


def test_list_schema_uses_the_pagination_body(schema):
    users = schema["paths"]["/api/v1/users"]["get"]["responses"]["200"]
    ref = users["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    properties = schema["components"]["schemas"][ref]["properties"]
    assert set(properties) == {"items", "total", "page", "page_size", "total_pages"}


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_pages_are_served_without_a_cdn(api_client, path):
    response = api_client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    script_sources = re.findall(r'<script[^>]* src="([^"]+)"', html)
    assert script_sources and all(src.startswith("/") for src in script_sources)
    assert "https://" not in html and "http://" not in html
    assert "<script>" not in html


def test_cors_allows_configured_origins_only(api_client, settings):
    allowed = api_client.get("/api/v1/health", HTTP_ORIGIN="http://localhost:3000")
    assert allowed["Access-Control-Allow-Origin"] == "http://localhost:3000"
    assert "X-RateLimit-Remaining" in allowed["Access-Control-Expose-Headers"]
    foreign = api_client.get("/api/v1/health", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in foreign


def test_pages_forbid_inline_and_foreign_scripts(api_client):
    policy = api_client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_swagger_start_up_script_is_served_as_a_file(api_client):
    response = api_client.get("/docs?script")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in response.content.decode()


# --- The schema tells the truth (what `make fuzz` checks at large) ---------------------------


def operation(schema, path, method="get"):
    return schema["paths"][path][method]


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/api/v1/jobs", "get"),
        ("/api/v1/jobs/{id}", "get"),
        ("/api/v1/jobs/search", "post"),
        ("/api/v1/jobs/insights", "get"),
        ("/api/v1/jobs/{job_id}/apply", "post"),
        ("/api/v1/health", "get"),
        ("/api/v1/auth/login", "post"),
        ("/api/v1/auth/verify-email", "post"),
    ],
)
def test_operations_anyone_may_call_are_marked_public(schema, path, method):
    assert {} in operation(schema, path, method)["security"]


@pytest.mark.parametrize(
    ("path", "method"),
    [("/api/v1/jobs", "post"), ("/api/v1/auth/me", "get"), ("/api/v1/jobs/{id}", "patch")],
)
def test_operations_needing_a_token_are_not_public(schema, path, method):
    assert {} not in operation(schema, path, method)["security"]


def test_public_operations_that_read_a_token_document_the_401_of_a_bad_one(api_client, schema):
    assert "401" in operation(schema, "/api/v1/jobs")["responses"]
    response = api_client.get("/api/v1/jobs", HTTP_AUTHORIZATION="Bearer not-a-token")
    assert response.status_code == 401


def test_every_operation_documents_the_statuses_of_the_shared_machinery(schema):
    for path, operations in schema["paths"].items():
        for method, op in operations.items():
            codes = set(op["responses"])
            has_query = any(p["in"] == "query" for p in op.get("parameters", []))
            if method != "get" or has_query:
                assert "400" in codes, (method, path)
            if "requestBody" in op:
                assert "415" in codes, (method, path)
            if "{" in path:
                assert "404" in codes, (method, path)
            if {} not in op["security"]:
                assert {"401", "403"} <= codes, (method, path)


@pytest.mark.parametrize(
    ("path", "method", "code"),
    [
        ("/api/v1/auth/login", "post", "401"),
        ("/api/v1/auth/register", "post", "409"),
        ("/api/v1/auth/refresh", "post", "401"),
        ("/api/v1/auth/resend-verification", "post", "409"),
        ("/api/v1/auth/resend-verification", "post", "429"),
        ("/api/v1/jobs/{job_id}/apply", "post", "413"),
        ("/api/v1/jobs/compatibility", "post", "404"),
        ("/api/v1/questions/library", "post", "409"),
        ("/api/v1/resumes/generate-cover-letter", "post", "404"),
        ("/api/v1/users", "get", "404"),
    ],
)
def test_operation_specific_errors_are_documented(schema, path, method, code):
    responses = operation(schema, path, method)["responses"]
    assert responses[code]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorResponse"
    }


def test_page_parameters_state_their_limits(schema):
    parameters = {p["name"]: p["schema"] for p in operation(schema, "/api/v1/users")["parameters"]}
    empty = {"type": "string", "maxLength": 0}
    assert parameters["page"] == {"anyOf": [{"type": "integer", "minimum": 1}, empty]}
    assert parameters["page_size"] == {
        "anyOf": [{"type": "integer", "minimum": 1, "maximum": 100}, empty]
    }


@pytest.mark.parametrize("query", ["page=0", "page_size=0", "page_size=101", "page=x"])
def test_page_parameters_outside_their_limits_are_refused(admin_client_api, query):
    response = admin_client_api.get(f"/api/v1/users?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()["errors"]


def test_login_needs_an_email_or_a_username(schema, api_client):
    login = schema["components"]["schemas"]["LoginRequest"]
    assert login["anyOf"] == [
        {"required": ["email", "password"]},
        {"required": ["username", "password"]},
    ]
    response = api_client.post("/api/v1/auth/login", {"password": "x" * 12}, format="json")
    assert response.status_code == 400


def test_fields_that_can_be_null_or_blank_say_so(schema):
    user = schema["components"]["schemas"]["User"]["properties"]
    assert user["last_login"]["nullable"] is True
    assert user["email_verified_at"]["nullable"] is True
    assert {"maxLength": 0} in user["github_url"]["anyOf"]


def test_text_that_refuses_blanks_refuses_whitespace_in_schema_and_api(schema, api_client):
    name = schema["components"]["schemas"]["RegisterRequest"]["properties"]["name"]
    assert name["minLength"] == 1 and name["pattern"] == r"\S"
    body = {"email": "blank@example.com", "password": "a-long-enough-pass", "name": "   "}
    response = api_client.post("/api/v1/auth/register", body, format="json")
    assert response.status_code == 400
    assert "name" in response.json()["errors"]


def test_optional_query_parameters_sent_empty_count_as_absent(schema, recruiter_client):
    parameters = {p["name"]: p["schema"] for p in operation(schema, "/api/v1/jobs")["parameters"]}
    assert "" in parameters["sort_order"]["enum"]
    assert "minLength" not in parameters["company"]
    assert {"type": "string", "maxLength": 0} in parameters["recruiter"]["anyOf"]
    query = "sort_order=&company=&recruiter=&page=&page_size="
    assert recruiter_client.get(f"/api/v1/jobs?{query}").status_code == 200


def test_bodies_that_refuse_unknown_fields_say_so(schema, recruiter_client):
    assert schema["components"]["schemas"]["JobWriteRequest"]["additionalProperties"] is False
    response = recruiter_client.post("/api/v1/jobs", {"nonsense": 1}, format="json")
    assert response.status_code == 400
    assert "nonsense" in response.json()["errors"]


@pytest.mark.parametrize(
    ("path", "method", "types"),
    [
        (
            "/api/v1/resumes/{resume_id}/download",
            "get",
            {"application/pdf", "application/msword", "text/plain"},
        ),
        ("/api/v1/analyses/{analysis_id}/export", "get", {"application/json", "text/csv"}),
        ("/api/v1/resumes/templates/{template_id}/download", "get", {"application/pdf"}),
        ("/api/v1/resumes/cover-letters/{letter_id}/download", "get", {"text/plain"}),
        ("/api/v1/applications/{application_id}/resume", "get", {"application/pdf"}),
    ],
)
def test_downloads_document_their_real_content_types(schema, path, method, types):
    content = operation(schema, path, method)["responses"]["200"]["content"]
    assert types <= set(content)
    assert "application/octet-stream" not in content


def test_the_api_reads_json_and_only_upload_endpoints_read_forms(recruiter_client):
    response = recruiter_client.post(
        "/api/v1/jobs", "title=x", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415
    assert response.json()["error_code"] == "unsupported_media_type"


def test_only_input_refuses_whitespace(schema):
    for name, component in schema["components"]["schemas"].items():
        if name.endswith("Request"):
            continue
        for field, prop in component.get("properties", {}).items():
            assert prop.get("pattern") != r"\S", (name, field)


def test_list_filters_may_be_sent_as_a_list_or_as_comma_separated_text(schema, api_client):
    body = operation(schema, "/api/v1/jobs/search", "post")["requestBody"]["content"]
    reference = body["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    skills = schema["components"]["schemas"][reference]["properties"]["skills"]
    assert [option["type"] for option in skills["oneOf"]] == ["array", "string"]
    status = schema["components"]["schemas"][reference]["properties"]["status"]["oneOf"][1]
    assert all(re.match(status["pattern"], text) for text in ("", "open", "open, ,closed"))
    assert not re.match(status["pattern"], "opn")

    as_text = api_client.post("/api/v1/jobs/search", {"skills": "python, django"}, format="json")
    as_list = api_client.post("/api/v1/jobs/search", {"skills": ["python"]}, format="json")
    assert (as_text.status_code, as_list.status_code) == (200, 200)
