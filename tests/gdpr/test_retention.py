"""Retention settings (admin only) and the purge: a dry run first, then exactly those rows."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from ats.models import Application, StageChange
from ats.stages import Stage
from gdpr.models import AuditAction, AuditLogEntry, DataExport, RetentionSetting
from gdpr.retention import purge_expired
from gdpr.tasks import purge_expired_data
from resumes.models import Analysis, AnalysisStatus
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.resumes.factories import AnalysisFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/gdpr/retention"
KINDS = {
    "closed_applications",
    "anonymous_applications",
    "analyses",
    "interview_transcripts",
    "audit_entries",
    "exports",
}


@pytest.fixture
def admin_client(user_of_role):
    return client_for(user_of_role("admin"))


def test_admins_see_every_kind_with_its_days(admin_client):
    body = admin_client.get(URL).json()

    kinds = {row["kind"]: row for row in body["kinds"]}
    assert set(kinds) >= KINDS
    assert kinds["closed_applications"]["days"] == 180
    assert kinds["closed_applications"]["default_days"] == 180
    assert kinds["closed_applications"]["updated_at"] is None
    assert (body["min_days"], body["max_days"]) == (1, 3650)


@pytest.mark.parametrize("role", ["candidate", "recruiter", "domain_expert"])
def test_other_roles_may_neither_read_nor_change_retention(user_of_role, role):
    client = client_for(user_of_role(role))

    assert client.get(URL).status_code == 403
    put = client.put(URL, {"days": {"analyses": 30}}, format="json")
    assert put.status_code == 403
    assert put.json()["error_code"] == "permission_denied"
    assert not RetentionSetting.objects.exists()


def test_visitors_must_sign_in(api_client):
    assert api_client.get(URL).status_code == 401


def test_an_admin_changes_days_and_the_change_is_audited(admin_client):
    response = admin_client.put(
        URL, {"days": {"closed_applications": 200, "analyses": 90}}, format="json"
    )

    assert response.status_code == 200
    kinds = {row["kind"]: row for row in response.json()["kinds"]}
    assert kinds["closed_applications"]["days"] == 200
    assert kinds["analyses"]["days"] == 90
    assert kinds["audit_entries"]["days"] == kinds["audit_entries"]["default_days"]
    entry = AuditLogEntry.objects.get(action=AuditAction.RETENTION_CHANGED)
    assert entry.metadata["changed"]["closed_applications"] == {"from": 180, "to": 200}
    assert admin_client.get(URL).json() == response.json()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"days": {"analyses": 0}}, "days.analyses"),
        ({"days": {"analyses": -5}}, "days.analyses"),
        ({"days": {"analyses": 3651}}, "days.analyses"),
        ({"days": {"analyses": "soon"}}, "days.analyses"),
        ({"days": {"analyses": 12.5}}, "days.analyses"),
        ({"days": {"analyses": None}}, "days.analyses"),
        ({"days": {}}, "days"),
        ({"days": [30]}, "days"),
        ({}, "days"),
        ({"days": {"analyses": 30, "pets": 30}}, "days.pets"),
    ],
)
def test_malformed_settings_are_refused_and_nothing_changes(admin_client, body, field):
    response = admin_client.put(URL, body, format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not RetentionSetting.objects.exists()
    assert not AuditLogEntry.objects.filter(action=AuditAction.RETENTION_CHANGED).exists()


def _aged(clock, days: int, make):
    """Create a row as it was `days` ago."""
    now = clock.now
    clock.set(now - timedelta(days=days))
    try:
        return make()
    finally:
        clock.set(now)


@pytest.fixture
def data(clock, candidate):
    """Rows on both sides of each retention period."""
    return {
        "old_rejected": _aged(clock, 181, lambda: ApplicationFactory(stage=Stage.REJECTED)),
        "old_withdrawn": _aged(clock, 400, lambda: ApplicationFactory(stage=Stage.WITHDRAWN)),
        "recent_rejected": _aged(clock, 179, lambda: ApplicationFactory(stage=Stage.REJECTED)),
        "old_but_open": _aged(clock, 400, lambda: ApplicationFactory(stage=Stage.OFFER)),
        "old_anonymous": _aged(
            clock,
            366,
            lambda: ApplicationFactory(
                resume=None, candidate=None, applicant_name="Ann Lee", applicant_email="a@x.io"
            ),
        ),
        "old_analysis": _aged(
            clock,
            400,
            lambda: AnalysisFactory(
                status=AnalysisStatus.COMPLETED, completed_at=clock.now - timedelta(days=400)
            ),
        ),
        "recent_analysis": AnalysisFactory(
            status=AnalysisStatus.COMPLETED, completed_at=clock.now - timedelta(days=3)
        ),
    }


EXPIRED = {"old_rejected", "old_withdrawn", "old_anonymous"}


def test_a_dry_run_counts_and_changes_nothing_then_the_purge_removes_exactly_those(data):
    applications_before = Application.objects.count()

    dry = purge_expired(dry_run=True)

    assert dry["dry_run"] is True
    assert dry["kinds"]["closed_applications"]["count"] == 2
    assert dry["kinds"]["anonymous_applications"]["count"] == 1
    assert dry["kinds"]["analyses"]["count"] == 1
    assert Application.objects.count() == applications_before
    assert Analysis.objects.count() == 2
    assert not AuditLogEntry.objects.filter(action=AuditAction.RETENTION_PURGED).exists()

    report = purge_expired(dry_run=False)

    assert {kind: item["count"] for kind, item in report["kinds"].items()} == {
        kind: item["count"] for kind, item in dry["kinds"].items()
    }
    kept = set(Application.objects.values_list("pk", flat=True))
    assert kept == {data[name].pk for name in data if "analysis" not in name} - {
        data[name].pk for name in EXPIRED
    }
    assert not StageChange.objects.filter(application_id=data["old_rejected"].pk).exists()
    assert list(Analysis.objects.all()) == [data["recent_analysis"]]
    entry = AuditLogEntry.objects.get(action=AuditAction.RETENTION_PURGED)
    assert entry.metadata["closed_applications"] == 2
    assert entry.metadata["anonymous_applications"] == 1
    assert "Ann Lee" not in str(entry.metadata) and "a@x.io" not in str(entry.metadata)
    assert purge_expired(dry_run=True)["total"] == 0


def test_shorter_retention_widens_the_purge(data, admin_client):
    admin_client.put(URL, {"days": {"closed_applications": 100}}, format="json")

    report = purge_expired(dry_run=True)

    assert report["kinds"]["closed_applications"]["count"] == 3


def test_the_periodic_task_purges(data):
    purge_expired_data.apply()

    assert not Application.objects.filter(pk=data["old_rejected"].pk).exists()
    assert AuditLogEntry.objects.filter(action=AuditAction.RETENTION_PURGED).count() == 1


def test_the_command_reports_a_dry_run_without_removing(data):
    out = StringIO()

    call_command("purge_expired", "--dry-run", stdout=out)

    assert "closed_applications: would remove 2" in out.getvalue()
    assert Application.objects.filter(pk=data["old_rejected"].pk).exists()
    call_command("purge_expired", stdout=StringIO())
    assert not Application.objects.filter(pk=data["old_rejected"].pk).exists()


def test_admins_preview_the_purge_through_the_api(data, admin_client, user_of_role):
    preview = admin_client.post(f"{URL}/purge", {}, format="json")

    assert preview.status_code == 200
    assert preview.json()["dry_run"] is True
    assert preview.json()["kinds"]["closed_applications"]["count"] == 2
    assert Application.objects.filter(pk=data["old_rejected"].pk).exists()
    refused = client_for(user_of_role("recruiter")).post(f"{URL}/purge", {}, format="json")
    assert refused.status_code == 403


def test_old_export_records_go_with_their_files(
    clock, candidate, django_capture_on_commit_callbacks
):
    old = _aged(clock, 91, lambda: DataExport.objects.create(user=candidate))
    old.archive.save("old.zip", ContentFile(b"zip"), save=True)
    recent = DataExport.objects.create(user=candidate)
    storage = old.archive.storage
    name = old.archive.name

    assert purge_expired(dry_run=True)["kinds"]["exports"]["count"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        report = purge_expired(dry_run=False)

    assert report["kinds"]["exports"]["count"] == 1
    assert list(DataExport.objects.all()) == [recent]
    assert not storage.exists(name)
