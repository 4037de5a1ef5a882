"""The footprint API: validation, ownership (another user's scan is a 404), history,
recommendations, compare, sharing and skills."""

import os
import time
from datetime import timedelta

import kombu.exceptions
import pytest
from celery.contrib.testing.worker import start_worker
from django.urls import reverse

from config.celery import app
from footprint.models import FootprintScan, ScanStatus
from footprint.tasks import run_scan
from gdpr.models import AuditAction, AuditLogEntry
from tests.conftest import client_for
from tests.footprint.factories import ScanFactory

pytestmark = pytest.mark.django_db


def test_a_scan_is_accepted_and_runs_in_the_background(
    owner, fake_network, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(owner).post(
            "/api/v1/footprint/scan",
            {"github_username": "ada", "stackoverflow_id": 22656},
            format="json",
        )
    assert response.status_code == 202
    assert response.json()["status"] == "queued"
    detail = client_for(owner).get(f"/api/v1/footprint/{response.json()['id']}").json()
    assert detail["status"] == "completed"
    assert detail["scores"]["activity"]["inputs"][0]["median"]
    assert detail["sources"]["github"]["status"] == "ok"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"github_username": "-ada"}, "github_username"),
        ({"github_username": "ada--x"}, "github_username"),
        ({"github_username": "a" * 40}, "github_username"),
        ({"github_username": "ada/../../admin"}, "github_username"),
        ({"stackoverflow_id": 0}, "stackoverflow_id"),
        ({"stackoverflow_id": "abc"}, "stackoverflow_id"),
        ({"stackoverflow_id": 2**40}, "stackoverflow_id"),
    ],
)
def test_bad_usernames_and_ids_are_a_400_naming_the_field(owner, body, field):
    response = client_for(owner).post("/api/v1/footprint/scan", body, format="json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    assert field in response.json()["errors"]
    assert not FootprintScan.objects.exists()


def test_nothing_to_scan_is_a_400_that_says_what_to_give(owner):
    response = client_for(owner).post("/api/v1/footprint/scan", {}, format="json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "nothing_to_scan"
    assert not FootprintScan.objects.exists()


def test_a_non_object_body_is_a_400(owner):
    response = client_for(owner).post("/api/v1/footprint/scan", [1, 2], format="json")
    assert response.status_code == 400


@pytest.mark.django_db(transaction=True)
def test_a_broker_outage_is_a_503_and_leaves_no_scan(owner, settings, monkeypatch):
    def refuse(*args, **kwargs):
        raise kombu.exceptions.OperationalError("Error 111 connecting to 127.0.0.1:6379.")

    settings.BACKGROUND_TASK_MODE = "celery"
    monkeypatch.setattr(run_scan, "apply_async", refuse)
    response = client_for(owner).post(
        "/api/v1/footprint/scan", {"github_username": "ada"}, format="json"
    )
    assert response.status_code == 503
    assert response.json()["error_code"] == "queue_unavailable"
    assert not FootprintScan.objects.exists()


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs the Redis broker (REDIS_URL)")
def test_a_real_celery_worker_completes_a_scan(owner, settings, fake_network):
    settings.BACKGROUND_TASK_MODE = "celery"
    app.conf.broker_url = os.environ["REDIS_URL"]
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        response = client_for(owner).post(
            "/api/v1/footprint/scan", {"github_username": "ada"}, format="json"
        )
        scan = FootprintScan.objects.get(pk=response.json()["id"])
        for _ in range(300):  # a bounded wait for the worker, not a timing assertion
            if scan.is_finished:
                break
            time.sleep(0.1)
            scan.refresh_from_db()
    assert scan.status == ScanStatus.COMPLETED


def test_scans_are_rate_limited_per_user(owner, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "footprint_scan": "2/h"}
    client = client_for(owner)
    statuses = [
        client.post("/api/v1/footprint/scan", {"github_username": "ada"}, format="json").status_code
        for _ in range(3)
    ]
    assert statuses[-1] == 429


def test_another_users_scan_is_a_404_everywhere(owner, outsider, colleague):
    scan = ScanFactory(owner=owner)
    mine = ScanFactory(owner=outsider)
    for user in (outsider, colleague):
        client = client_for(user)
        assert client.get(f"/api/v1/footprint/{scan.pk}").status_code == 404
        assert client.delete(f"/api/v1/footprint/{scan.pk}").status_code == 404
        assert client.get(f"/api/v1/footprint/recommendations/{scan.pk}").status_code == 404
        assert (
            client.post(f"/api/v1/footprint/{scan.pk}/skills", {}, format="json").status_code == 404
        )
    assert (
        client_for(outsider).get(f"/api/v1/footprint/compare/{mine.pk}/{scan.pk}").status_code
        == 404
    )
    assert FootprintScan.objects.filter(pk=scan.pk).exists()


def test_history_lists_only_the_users_scans_newest_first(
    owner, outsider, django_assert_max_num_queries
):
    older = ScanFactory(owner=owner)
    newer = ScanFactory(owner=owner)
    FootprintScan.objects.filter(pk=older.pk).update(
        created_at=newer.created_at - timedelta(days=1)
    )
    ScanFactory(owner=outsider)
    client = client_for(owner)
    with django_assert_max_num_queries(6):
        body = client.get("/api/v1/footprint/history").json()
    assert [item["id"] for item in body["items"]] == [str(newer.pk), str(older.pk)]
    assert body["total"] == 2


def test_recommendations_of_a_finished_scan(owner):
    scan = ScanFactory(owner=owner)
    body = client_for(owner).get(f"/api/v1/footprint/recommendations/{scan.pk}").json()
    assert body == {"scan_id": str(scan.pk), "recommendations": scan.recommendations}


def test_recommendations_of_a_running_scan_are_a_409(owner):
    scan = ScanFactory(owner=owner, status=ScanStatus.FETCHING, scores={})
    response = client_for(owner).get(f"/api/v1/footprint/recommendations/{scan.pk}")
    assert response.status_code == 409
    assert response.json()["error_code"] == "scan_not_finished"


def test_compare_shows_each_score_change_from_the_older_scan(owner):
    older = ScanFactory(
        owner=owner,
        level=40,
        skills=[
            {
                "name": "Go",
                "category": "languages",
                "repos": 1,
                "topics": 0,
                "answers": 0,
                "answer_score": 0,
                "evidence": 1,
            }
        ],
    )
    newer = ScanFactory(owner=owner, level=55)
    FootprintScan.objects.filter(pk=older.pk).update(
        created_at=newer.created_at - timedelta(days=30)
    )
    # Either order of ids compares older → newer.
    body = client_for(owner).get(f"/api/v1/footprint/compare/{newer.pk}/{older.pk}").json()
    assert body["older"]["id"] == str(older.pk)
    assert body["scores"]["impact"] == {
        "before": 40,
        "after": 55,
        "change": 15,
        "inputs": [{"name": "stars", "label": "Stars", "before": 40, "after": 55}],
    }
    assert body["skills_added"] == ["Django", "Python"]
    assert body["skills_removed"] == ["Go"]


def test_comparing_a_scan_with_itself_or_a_failed_one_is_refused(owner):
    scan = ScanFactory(owner=owner)
    failed = ScanFactory(owner=owner, status=ScanStatus.FAILED, scores={})
    client = client_for(owner)
    assert (
        client.get(f"/api/v1/footprint/compare/{scan.pk}/{scan.pk}").json()["error_code"]
        == "same_scan"
    )
    response = client.get(f"/api/v1/footprint/compare/{scan.pk}/{failed.pk}")
    assert (response.status_code, response.json()["error_code"]) == (409, "scan_failed")


def test_deleting_a_scan_is_audited(owner):
    scan = ScanFactory(owner=owner)
    assert client_for(owner).delete(f"/api/v1/footprint/{scan.pk}").status_code == 204
    assert not FootprintScan.objects.exists()
    assert AuditLogEntry.objects.filter(
        action=AuditAction.FOOTPRINT_DELETED, object_id=str(scan.pk)
    ).exists()


def test_skills_are_added_to_the_profile_once(owner):
    scan = ScanFactory(owner=owner)
    client = client_for(owner)
    first = client.post(
        f"/api/v1/footprint/{scan.pk}/skills", {"skills": ["Django"]}, format="json"
    ).json()
    assert first == {"added": ["Django"], "profile_skills": ["Django"]}
    second = client.post(f"/api/v1/footprint/{scan.pk}/skills", {}, format="json").json()
    assert second == {"added": ["Python"], "profile_skills": ["Django", "Python"]}
    assert client.get("/api/v1/auth/me").json()["skills"] == ["Django", "Python"]


def test_a_skill_the_scan_did_not_find_is_a_400(owner):
    scan = ScanFactory(owner=owner)
    response = client_for(owner).post(
        f"/api/v1/footprint/{scan.pk}/skills", {"skills": ["COBOL"]}, format="json"
    )
    assert response.status_code == 400
    assert "COBOL" in response.json()["errors"]["skills"][0]
    owner.refresh_from_db()
    assert owner.skills == []


def test_sharing_is_off_until_turned_on_and_each_change_is_audited(owner):
    client = client_for(owner)
    assert client.get("/api/v1/footprint/sharing").json() == {"share_with_recruiters": False}
    response = client.put(
        "/api/v1/footprint/sharing", {"share_with_recruiters": True}, format="json"
    )
    assert response.json() == {"share_with_recruiters": True}
    assert client.get("/api/v1/footprint/sharing").json() == {"share_with_recruiters": True}
    assert AuditLogEntry.objects.filter(action=AuditAction.FOOTPRINT_SHARING_CHANGED).count() == 1
    assert (
        client.put(
            "/api/v1/footprint/sharing", {"share_with_recruiters": "maybe"}, format="json"
        ).status_code
        == 400
    )


def test_the_api_needs_a_signed_in_user(api_client):
    assert api_client.get(reverse("footprint-history")).status_code == 401
    assert (
        api_client.post(
            "/api/v1/footprint/scan", {"github_username": "ada"}, format="json"
        ).status_code
        == 401
    )
