"""Uploading, deleting and downloading a resume each leave an audit row, written with the
action itself: a refused or failed action leaves none."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gdpr.models import AuditAction, AuditLogEntry
from resumes.models import Resume
from resumes.services import resumes as resume_services
from tests.conftest import client_for
from tests.resumes.factories import SAMPLE_RESUME, ResumeFactory

pytestmark = pytest.mark.django_db
UPLOAD = "/api/v1/resumes/upload"
SAMPLE_BYTES = SAMPLE_RESUME.encode()


def upload(client, name="cv.txt", data=SAMPLE_BYTES):
    file = SimpleUploadedFile(name, data, content_type="text/plain")
    return client.post(UPLOAD, {"file": file}, format="multipart", REMOTE_ADDR="203.0.113.7")


def entries(action: str) -> list[AuditLogEntry]:
    return list(AuditLogEntry.objects.filter(action=action))


def test_an_upload_is_audited_with_who_what_and_where(candidate, candidate_client):
    resume_id = upload(candidate_client).json()["id"]
    [entry] = entries(AuditAction.RESUME_UPLOADED)
    assert (entry.actor, entry.object_type, entry.object_id) == (
        candidate,
        "resumes.resume",
        resume_id,
    )
    assert entry.ip_address == "203.0.113.7"
    assert entry.metadata == {"source": "upload", "kind": "txt"}
    assert entry.get_action_display() == "Resume uploaded"


def test_a_refused_upload_leaves_no_audit_row(candidate_client):
    assert upload(candidate_client, name="cv.exe").status_code == 415
    assert not AuditLogEntry.objects.exists()


def test_an_upload_whose_audit_fails_is_not_stored(candidate_client, monkeypatch, settings):
    def broken_audit(**kwargs):
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(resume_services, "audit_record", broken_audit)
    assert upload(candidate_client).status_code == 500
    assert not Resume.objects.exists()
    assert not any(path.is_file() for path in settings.MEDIA_ROOT.rglob("*"))


def test_a_delete_is_audited_in_its_transaction(candidate, candidate_client):
    resume = ResumeFactory(owner=candidate)
    response = candidate_client.delete(f"/api/v1/resumes/{resume.pk}")
    assert response.status_code == 204
    [entry] = entries(AuditAction.RESUME_DELETED)
    assert (entry.actor, entry.object_id) == (candidate, str(resume.pk))


def test_a_delete_whose_audit_fails_keeps_the_resume(candidate, monkeypatch):
    resume = ResumeFactory(owner=candidate)

    def broken_audit(**kwargs):
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(resume_services, "audit_record", broken_audit)
    with pytest.raises(RuntimeError):
        resume_services.resume_delete(resume=resume, user=candidate)
    assert Resume.objects.filter(pk=resume.pk).exists()


def test_downloading_the_original_is_audited_on_the_api_and_the_page(candidate, client):
    resume = ResumeFactory(owner=candidate)
    api = client_for(candidate).get(f"/api/v1/resumes/{resume.pk}/download")
    client.force_login(candidate)
    page = client.get(f"/portal/resumes/{resume.pk}/download/")
    assert (api.status_code, page.status_code) == (200, 200)
    downloads = entries(AuditAction.RESUME_ORIGINAL_DOWNLOADED)
    assert [(entry.actor, entry.object_id) for entry in downloads] == [
        (candidate, str(resume.pk)),
        (candidate, str(resume.pk)),
    ]


def test_someone_elses_resume_is_a_404_and_nothing_is_audited(owner, outsider):
    resume = ResumeFactory(owner=owner)
    client = client_for(outsider)
    assert client.get(f"/api/v1/resumes/{resume.pk}/download").status_code == 404
    assert client.delete(f"/api/v1/resumes/{resume.pk}").status_code == 404
    assert not AuditLogEntry.objects.exclude(action=AuditAction.RESUME_UPLOADED).exists()
