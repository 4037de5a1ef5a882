"""The privacy registry covers scans (export and erasure), the privacy report names what the
public profiles expose, and /api/v1/health shows the quota left without calling anyone."""

from datetime import UTC, datetime

import pytest
from django.db import connection

from accounts.services import account_delete
from footprint.clients import quota
from footprint.exposure import privacy_report
from footprint.models import FootprintScan, FootprintSharing
from footprint.services import sharing_set
from gdpr.registry import registry
from tests.footprint.factories import ScanFactory
from tests.footprint.fakes import RESET_EPOCH

pytestmark = pytest.mark.django_db


def test_export_includes_every_scan_and_the_sharing_choice(owner):
    scan = ScanFactory(owner=owner, github_analysis={"profile": {"email": "ada@example.com"}})
    sharing_set(user=owner, share=True)
    exported = registry.export_user(owner)
    assert exported["footprint_scans"][0]["id"] == str(scan.pk)
    assert (
        exported["footprint_scans"][0]["github_analysis"]["profile"]["email"] == "ada@example.com"
    )
    assert exported["footprint_sharing"] == {"share_with_recruiters": True}


def test_erasure_removes_scans_and_sharing(owner):
    ScanFactory(owner=owner)
    sharing_set(user=owner, share=True)
    owner.skills = ["Python"]
    owner.save()
    account_delete(user=owner)
    assert not FootprintScan.objects.exists()
    assert not FootprintSharing.objects.exists()


def test_the_public_data_read_is_encrypted_at_rest(owner):
    ScanFactory(owner=owner, github_analysis={"profile": {"email": "ada@example.com"}})
    with connection.cursor() as cursor:
        cursor.execute("SELECT github_analysis FROM footprint_footprintscan")
        (stored,) = cursor.fetchone()
    assert stored and "ada@example.com" not in stored


def test_the_privacy_report_ranks_what_is_exposed():
    github = {
        "profile": {
            "email": "ada@example.com",
            "location": "London",
            "company": "",
            "hireable": True,
            "name": "Ada",
        }
    }
    report = privacy_report(
        github, {"user": {"location": "", "website_url": "", "display_name": "Ada"}}
    )
    exposed = {(item["source"], item["field"]): item for item in report["items"] if item["exposed"]}
    assert exposed[("github", "email")]["risk"] == "high"
    assert exposed[("github", "email")]["value"] == "ada@example.com"
    assert "noreply" in exposed[("github", "email")]["advice"]
    assert exposed[("github", "hireable")]["value"] is None  # a flag, not a value to repeat
    assert ("github", "company") not in exposed
    assert report["highest_risk"] == "high"
    assert report["exposed"] == len(exposed) == 5


def test_health_shows_the_quota_left_without_calling_the_services(api_client, clock):
    quota.quota_record("github", "core", remaining=17, limit=60, reset_at=None)
    quota.quota_record("stackexchange", "api", remaining=250, limit=300, reset_at=None)
    services = api_client.get("/api/v1/health").json()["services"]
    assert services["github"]["rate_limit_remaining"] == 17
    assert services["stackoverflow"]["rate_limit_remaining"] == 250


def test_health_degrades_a_blocked_service(api_client, clock):
    quota.block_until("github", "core", datetime.fromtimestamp(RESET_EPOCH, tz=UTC))
    github = api_client.get("/api/v1/health").json()["services"]["github"]
    assert github["status"] == "degraded"
    assert github["retry_after"] == "2030-03-17T17:46:40+00:00"
