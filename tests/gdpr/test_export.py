"""Data export: the zip's contents for a person with data in every app, the signed link that
expires, ownership, the email, and expired files deleted."""

import csv
import io
import json
import zipfile
from datetime import timedelta
from types import SimpleNamespace

import pytest
from cryptography.fernet import Fernet
from django.core import mail, signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.durable import sweep
from core.models import OutboxTask
from gdpr.export import export_build, exports_expire
from gdpr.models import AuditLogEntry, DataExport, DataSubjectRequest, ExportStatus
from gdpr.registry import registry
from tests.accounts.factories import CandidateFactory
from tests.conftest import client_for
from tests.gdpr.everywhere import PERSON, Identity, user_with_data_everywhere

pytestmark = pytest.mark.django_db


def requested(client, django_capture_on_commit_callbacks) -> dict:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/gdpr/export")
    assert response.status_code == 202
    return client.get(f"/api/v1/gdpr/export/{response.json()['id']}").json()


def unzipped(response) -> zipfile.ZipFile:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(response.content))


@pytest.fixture
def person():
    return user_with_data_everywhere()


def test_the_export_holds_every_kind_of_data_as_json_and_csv(
    person, django_capture_on_commit_callbacks
):
    someone_else = user_with_data_everywhere(
        Identity(name="Ottilie Vance", email="ottilie@example.test", phone="+1 202 555 0199")
    )
    client = client_for(person)

    export = requested(client, django_capture_on_commit_callbacks)
    assert export["status"] == "ready"
    archive = unzipped(client.get(export["download_url"]))

    names = set(archive.namelist())
    for label in registry.labels:
        assert {f"{label}.json", f"{label}.csv"} <= names
        assert json.loads(archive.read(f"{label}.json")), f"{label} is empty"
    assert "README.txt" in names
    profile = json.loads(archive.read("account.json"))
    assert (profile["email"], profile["name"], profile["phone"]) == (
        PERSON.email,
        PERSON.name,
        PERSON.phone,
    )
    applications = list(csv.DictReader(io.StringIO(archive.read("applications.csv").decode())))
    assert applications[0]["email"] == PERSON.email
    assert json.loads(applications[0]["history"])[0]["to"] == "applied"
    sessions = json.loads(archive.read("interview_sessions.json"))
    assert sessions[0]["answers"][0]["answer"] == f"I am {PERSON.name}."
    # The original files, decrypted: the stored resume and the application's upload.
    originals = [name for name in names if name.startswith("files/")]
    assert {name.split("/")[1] for name in originals} == {"resumes", "applications"}
    assert all(PERSON.phone.encode() in archive.read(name) for name in originals)
    # Nothing of anyone else's.
    everything = b"".join(archive.read(name) for name in names)
    for needle in Identity(name=someone_else.name, email=someone_else.email).needles[:2]:
        assert needle.encode() not in everything


def test_the_person_gets_an_email_with_the_link_and_the_request_is_answered(
    person, django_capture_on_commit_callbacks
):
    client = client_for(person)
    mail.outbox.clear()

    export = requested(client, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [PERSON.email]
    page_link = reverse("gdpr:export_download", kwargs={"export_id": export["id"]})
    assert page_link + "?token=" in message.body
    tracked = DataSubjectRequest.objects.get(kind="export", reference=export["id"])
    assert tracked.status == "completed"
    assert AuditLogEntry.objects.filter(action="gdpr.export_requested", actor=person).exists()


def test_a_second_request_while_one_is_prepared_returns_the_same_export(candidate):
    client = client_for(candidate)

    first = client.post("/api/v1/gdpr/export").json()
    second = client.post("/api/v1/gdpr/export").json()

    assert first["id"] == second["id"] and second["status"] == "queued"
    assert second["download_url"] is None
    assert DataExport.objects.filter(user=candidate).count() == 1


def test_downloading_is_audited(candidate, django_capture_on_commit_callbacks):
    client = client_for(candidate)
    export = requested(client, django_capture_on_commit_callbacks)

    unzipped(client.get(export["download_url"]))

    entry = AuditLogEntry.objects.get(action="gdpr.export_downloaded")
    assert entry.actor == candidate and entry.object_id == export["id"]
    assert DataExport.objects.get(pk=export["id"]).downloaded_at is not None


def test_another_users_export_is_a_404_even_with_its_link(
    candidate, outsider, django_capture_on_commit_callbacks
):
    export = requested(client_for(candidate), django_capture_on_commit_callbacks)
    client = client_for(outsider)

    assert client.get(f"/api/v1/gdpr/export/{export['id']}").status_code == 404
    response = client.get(export["download_url"])
    assert response.status_code == 404
    assert response.json()["error_code"] == "not_found"


def test_a_link_for_another_export_or_a_forged_one_is_a_404(
    candidate, django_capture_on_commit_callbacks
):
    client = client_for(candidate)
    first = requested(client, django_capture_on_commit_callbacks)
    second_id = requested(client, django_capture_on_commit_callbacks)["id"]
    token = first["download_url"].split("token=")[1]

    assert client.get(f"/api/v1/gdpr/export/{second_id}/download?token={token}").status_code == 404
    forged = client.get(f"/api/v1/gdpr/export/{first['id']}/download?token={token[:-2]}xx")
    assert forged.status_code == 404


def test_a_download_without_a_token_is_a_400(candidate, django_capture_on_commit_callbacks):
    client = client_for(candidate)
    export = requested(client, django_capture_on_commit_callbacks)

    response = client.get(f"/api/v1/gdpr/export/{export['id']}/download")

    assert response.status_code == 400
    assert "token" in response.json()["errors"]


def test_an_export_not_ready_yet_is_a_409(candidate):
    client = client_for(candidate)
    export = client.post("/api/v1/gdpr/export").json()
    token = signing.TimestampSigner(salt="gdpr.export.download").sign(export["id"])

    response = client.get(f"/api/v1/gdpr/export/{export['id']}/download?token={token}")

    assert response.status_code == 409
    assert response.json()["error_code"] == "export_not_ready"


def test_the_link_expires_after_the_ttl_and_the_file_is_deleted(
    candidate, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.GDPR_EXPORT_TTL_HOURS = 2
    client = client_for(candidate)
    export = requested(client, django_capture_on_commit_callbacks)
    stored = DataExport.objects.get(pk=export["id"]).archive
    later = timezone.now() + timedelta(hours=2, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: later.timestamp()))

    response = client.get(export["download_url"])
    assert response.status_code == 410
    assert response.json()["error_code"] == "export_expired"

    assert exports_expire() == 1
    assert not stored.storage.exists(stored.name)
    expired = client.get(f"/api/v1/gdpr/export/{export['id']}").json()
    assert expired["status"] == "expired" and expired["download_url"] is None
    assert client.get(export["download_url"]).status_code == 410


def test_the_link_still_works_just_before_it_expires(
    candidate, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.GDPR_EXPORT_TTL_HOURS = 2
    client = client_for(candidate)
    export = requested(client, django_capture_on_commit_callbacks)
    later = timezone.now() + timedelta(hours=1, minutes=59)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert exports_expire() == 0
    unzipped(client.get(export["download_url"]))


def test_an_export_that_breaks_fails_with_a_readable_message(candidate, monkeypatch):
    client = client_for(candidate)
    export = client.post("/api/v1/gdpr/export").json()

    monkeypatch.setattr(
        "gdpr.export.export_archive", lambda user: (_ for _ in ()).throw(ValueError("boom"))
    )
    with pytest.raises(ValueError, match="boom"):
        export_build(export_id=export["id"])

    failed = client.get(f"/api/v1/gdpr/export/{export['id']}").json()
    assert failed["status"] == "failed"
    assert (
        failed["error_message"] == "The export stopped on an unexpected error. Request a new one."
    )
    assert DataSubjectRequest.objects.get(reference=export["id"]).status == "failed"


def test_exports_are_listed_newest_first_and_only_ones_own(candidate, outsider):
    client_for(outsider).post("/api/v1/gdpr/export")
    client = client_for(candidate)
    client.post("/api/v1/gdpr/export")

    listed = client.get("/api/v1/gdpr/export").json()

    assert [item["status"] for item in listed["items"]] == ["queued"]


def test_an_unknown_export_id_is_a_404(candidate_client):
    response = candidate_client.get("/api/v1/gdpr/export/7f0c2b1e-4d7a-4b44-9d55-0a7e3f1e2c11")
    assert response.status_code == 404


def test_exports_need_a_signed_in_user(api_client):
    assert api_client.post("/api/v1/gdpr/export").status_code == 401


def test_export_requests_are_rate_limited(candidate, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "gdpr_export": "2/d"}
    client = client_for(candidate)
    statuses = [client.post("/api/v1/gdpr/export").status_code for _ in range(3)]
    assert statuses == [202, 202, 429]


def test_the_pending_email_row_survives_a_broker_outage(candidate):
    """The ready email is an outbox row: sent after commit, or by the sweeper later."""
    client = client_for(candidate)
    export = client.post("/api/v1/gdpr/export").json()

    export_build(export_id=export["id"])

    assert OutboxTask.objects.filter(task__endswith="send_export_ready_email").exists()
    assert DataExport.objects.get(pk=export["id"]).status == ExportStatus.READY


def test_a_key_rotation_re_encrypts_ready_exports(settings, django_capture_on_commit_callbacks):
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.PII_ENCRYPTION_KEYS = [old_key]
    candidate = CandidateFactory()
    client = client_for(candidate)
    export = requested(client, django_capture_on_commit_callbacks)
    settings.PII_ENCRYPTION_KEYS = [new_key, old_key]

    call_command("rotate_pii_keys", stdout=io.StringIO())
    settings.PII_ENCRYPTION_KEYS = [new_key]  # the old key retired

    archive = unzipped(client.get(export["download_url"]))
    assert json.loads(archive.read("account.json"))["email"] == candidate.email


def test_an_export_whose_worker_keeps_dying_fails_and_answers_its_request(candidate, settings):
    settings.JOB_MAX_ATTEMPTS = 1
    export = client_for(candidate).post("/api/v1/gdpr/export").json()
    DataExport.objects.filter(pk=export["id"]).update(
        status=ExportStatus.RUNNING, attempts=1, progress_at=timezone.now() - timedelta(hours=1)
    )

    assert sweep()["failed"] == 1

    failed = DataExport.objects.get(pk=export["id"])
    assert failed.error_message == "The data export was interrupted 1 times; please retry."
    assert DataSubjectRequest.objects.get(reference=export["id"]).status == "failed"
