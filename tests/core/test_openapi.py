import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api_client):
    response = api_client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


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
    assert "/static/drf_spectacular_sidecar/" in html
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
