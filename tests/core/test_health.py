from unittest import mock

import pytest
from django.db import OperationalError, connection

pytestmark = pytest.mark.django_db

SERVICES = {
    "database",
    "cache",
    "channel_layer",
    "task_queue",
    "ai",
    "github",
    "stackoverflow",
    "jsearch",
    "zoom",
}


def test_detailed_health_reports_every_service(api_client):
    response = api_client.get("/api/v1/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "healthy"
    assert body["version"]
    assert set(body["services"]) == SERVICES
    database = body["services"]["database"]
    assert database["status"] == "healthy" and database["response_time_ms"] >= 0
    for name in ("cache", "channel_layer", "task_queue"):
        assert body["services"][name]["status"] == "healthy"
    assert set(body["system"]) == {"uptime_seconds", "memory_usage_mb", "cpu_usage_percent"}
    assert body["system"]["memory_usage_mb"] > 0


def test_external_services_say_whether_they_are_configured(api_client, settings):
    settings.EXTERNAL_SERVICES = {**settings.EXTERNAL_SERVICES, "ai": True, "zoom": False}
    services = api_client.get("/api/v1/health").json()["services"]
    assert services["ai"] == {"status": "healthy", "configured": True}
    assert services["zoom"]["configured"] is False
    assert services["zoom"]["fallback"] == "Jitsi meeting links"


def test_a_broken_database_makes_the_service_unhealthy(api_client):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("down")):
        detailed = api_client.get("/api/v1/health")
        simple = api_client.get("/health")
    assert detailed.status_code == 503
    assert detailed.json()["status"] == "unhealthy"
    assert detailed.json()["services"]["database"]["connected"] is False
    assert simple.status_code == 503
    assert simple.json() == {"status": "unhealthy"}


def test_a_broken_cache_degrades_but_keeps_serving(api_client):
    with mock.patch("core.health.cache.set", side_effect=ConnectionError("refused")):
        response = api_client.get("/api/v1/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["services"]["cache"]["status"] == "unhealthy"
    assert "refused" in body["services"]["cache"]["error"]


def test_a_broken_channel_layer_degrades(api_client):
    with mock.patch("core.health.get_channel_layer", return_value=None):
        body = api_client.get("/api/v1/health").json()
    assert body["status"] == "degraded"
    assert body["services"]["channel_layer"]["status"] == "unhealthy"


def test_an_unreachable_broker_degrades(api_client, settings):
    settings.BACKGROUND_TASK_MODE = "celery"
    with mock.patch("config.celery.app.connection_for_write", side_effect=OSError("no broker")):
        body = api_client.get("/api/v1/health").json()
    assert body["status"] == "degraded"
    assert body["services"]["task_queue"]["status"] == "unhealthy"


def test_load_balancer_health_is_tiny_and_public(api_client, candidate_client):
    response = api_client.get("/health", HTTP_AUTHORIZATION="Bearer garbage")
    assert response.status_code == 200
    assert response.json() == {"status": "healthy"}


def test_detailed_health_ignores_a_stale_token(api_client):
    response = api_client.get("/api/v1/health", HTTP_AUTHORIZATION="Bearer expired.token.x")
    assert response.status_code == 200
