from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resumes.models import Resume
from tests.conftest import client_for
from tests.resumes.factories import SAMPLE_RESUME, ResumeFactory

pytestmark = pytest.mark.django_db
UPLOAD = "/api/v1/resumes/upload"
SAMPLE_BYTES = SAMPLE_RESUME.encode()


def upload(client, name="cv.txt", data=SAMPLE_BYTES, content_type="text/plain", **extra):
    file = SimpleUploadedFile(name, data, content_type=content_type)
    return client.post(UPLOAD, {"file": file, **extra}, format="multipart")


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_upload_parses_the_resume_and_returns_its_profile(candidate_client):
    response = upload(candidate_client, linkedin_url="https://www.linkedin.com/in/janedoe")
    assert response.status_code == 201
    body = response.json()
    assert body["filename"] == "cv.txt"
    assert body["file_kind"] == "txt"
    assert body["file_size"] == len(SAMPLE_RESUME.encode())
    assert body["linkedin_url"] == "https://www.linkedin.com/in/janedoe"
    assert body["parsed_data"]["personal_info"]["email"] == "jane.doe@example.com"
    assert "Django" in body["parsed_data"]["skills"]["frameworks"]


def test_the_stored_file_has_a_random_name_and_is_encrypted(candidate_client, settings):
    upload(candidate_client, name="../../etc/jane doe.txt")
    [stored] = stored_files(settings)
    assert "jane" not in stored.name and "etc" not in str(stored.relative_to(settings.MEDIA_ROOT))
    assert b"jane.doe@example.com" not in stored.read_bytes()
    assert Resume.objects.get().original_name == "jane doe.txt"


def test_download_returns_the_original_file_with_its_type(candidate_client):
    resume_id = upload(candidate_client).json()["id"]
    response = candidate_client.get(f"/api/v1/resumes/{resume_id}/download")
    assert response.status_code == 200
    assert response.content == SAMPLE_RESUME.encode()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cv.txt"'


def test_list_shows_only_own_resumes_newest_first(candidate, candidate_client):
    older = ResumeFactory(owner=candidate)
    newer = ResumeFactory(owner=candidate)
    ResumeFactory()
    body = candidate_client.get("/api/v1/resumes").json()
    assert body["total"] == 2
    assert [item["id"] for item in body["items"]] == [str(newer.pk), str(older.pk)]
    assert "parsed_data" not in body["items"][0]


def test_list_does_not_query_per_resume(candidate, candidate_client, django_assert_max_num_queries):
    for _ in range(5):
        ResumeFactory(owner=candidate)
    with django_assert_max_num_queries(3):
        assert candidate_client.get("/api/v1/resumes").status_code == 200


def test_delete_removes_the_row_and_the_file(
    candidate_client, settings, django_capture_on_commit_callbacks
):
    resume_id = upload(candidate_client).json()["id"]
    with django_capture_on_commit_callbacks(execute=True):
        response = candidate_client.delete(f"/api/v1/resumes/{resume_id}")
    assert response.status_code == 204
    assert not Resume.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("cv.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "application/pdf"),
        ("cv.exe", b"MZ\x90\x00\x03" + b"\x00" * 200, "application/octet-stream"),
        ("cv.pdf", b"%PDF-1.7\n", "image/png"),
        ("cv.txt", b"%PDF-1.7\n1 0 obj", "text/plain"),
    ],
    ids=["executable-named-pdf", "executable", "pdf-declared-as-png", "pdf-named-txt"],
)
def test_a_file_whose_name_type_and_content_disagree_is_refused(
    candidate_client, settings, name, data, content_type
):
    response = upload(candidate_client, name=name, data=data, content_type=content_type)
    assert response.status_code == 415
    assert response.json()["error_code"] == "unsupported_file_type"
    assert not Resume.objects.exists()
    assert stored_files(settings) == []


def test_a_file_over_the_limit_is_refused_with_413(candidate_client, settings):
    settings.RESUME_MAX_UPLOAD_BYTES = 1024
    response = upload(candidate_client, data=b"a" * 2048)
    assert response.status_code == 413
    assert response.json()["error_code"] == "file_too_large"
    assert not Resume.objects.exists()


def test_a_corrupt_pdf_gets_a_clear_400_and_leaves_nothing(candidate_client, settings):
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> broken"
    response = upload(candidate_client, name="cv.pdf", data=data, content_type="application/pdf")
    assert response.status_code == 400
    assert response.json()["error_code"] == "unreadable_file"
    assert not Resume.objects.exists()
    assert stored_files(settings) == []


def test_upload_without_a_file_names_the_missing_field(candidate_client):
    response = candidate_client.post(UPLOAD, {}, format="multipart")
    assert response.status_code == 400
    assert "file" in response.json()["errors"]


def test_upload_rejects_a_linkedin_url_that_is_not_linkedin(candidate_client):
    response = upload(candidate_client, linkedin_url="https://evil.example/in/x")
    assert response.status_code == 400
    assert "linkedin_url" in response.json()["errors"]
    assert not Resume.objects.exists()


def test_uploads_are_rate_limited_per_user(candidate_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "resume_upload": "2/m"}
    assert upload(candidate_client).status_code == 201
    assert upload(candidate_client).status_code == 201
    response = upload(candidate_client)
    assert response.status_code == 429
    assert "Retry-After" in response


@pytest.mark.parametrize("other", ["colleague", "outsider"])
@pytest.mark.parametrize("method,suffix", [("get", ""), ("delete", ""), ("get", "/download")])
def test_another_users_resume_is_not_found(request, owner, other, method, suffix):
    resume = ResumeFactory(owner=owner)
    client = client_for(request.getfixturevalue(other))
    response = getattr(client, method)(f"/api/v1/resumes/{resume.pk}{suffix}")
    assert response.status_code == 404
    assert response.json()["error_code"] == "not_found"
    assert Resume.objects.filter(pk=resume.pk).exists()


def test_resumes_need_authentication(api_client):
    assert api_client.get("/api/v1/resumes").status_code == 401
