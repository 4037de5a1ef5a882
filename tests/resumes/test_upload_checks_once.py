"""An upload is checked once on its way in, then passed on as a CheckedUpload: the size and
the magic bytes are looked at one time whether it comes through the API, the page, an
analysis started from a file, or an application."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resumes import files
from resumes.models import Resume
from tests.jobs.factories import JobFactory
from tests.resumes.factories import SAMPLE_RESUME

pytestmark = pytest.mark.django_db


@pytest.fixture
def checks(monkeypatch) -> dict[str, int]:
    """How many times the size check and the magic-byte sniff ran."""
    counted = {"size": 0, "sniff": 0}

    def counting(name, function):
        def run(*args, **kwargs):
            counted[name] += 1
            return function(*args, **kwargs)

        return run

    monkeypatch.setattr(files, "_check_size", counting("size", files._check_size))
    monkeypatch.setattr(files, "sniff", counting("sniff", files.sniff))
    return counted


def resume_file(name: str = "cv.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, SAMPLE_RESUME.encode(), content_type="text/plain")


def test_an_api_upload_is_checked_once(candidate_client, checks):
    response = candidate_client.post(
        "/api/v1/resumes/upload", {"file": resume_file()}, format="multipart"
    )
    assert response.status_code == 201
    assert checks == {"size": 1, "sniff": 1}


def test_a_page_upload_is_checked_once(candidate, client, checks):
    client.force_login(candidate)
    response = client.post("/portal/resumes/", {"file": resume_file()})
    assert response.status_code == 302
    assert Resume.objects.filter(owner=candidate).count() == 1
    assert checks == {"size": 1, "sniff": 1}


def test_an_analysis_from_a_file_is_checked_once(candidate_client, checks):
    response = candidate_client.post(
        "/api/v1/analyses", {"cv_file": resume_file()}, format="multipart"
    )
    assert response.status_code == 202, response.json()
    assert checks == {"size": 1, "sniff": 1}


def test_an_application_with_a_file_is_checked_once(api_client, checks):
    job = JobFactory()
    body = {
        "name": "Robin Applicant",
        "email": "robin@example.com",
        "phone": "+44 20 7946 0000",
        "consent": "true",
        "file": resume_file(),
    }
    response = api_client.post(f"/api/v1/jobs/{job.pk}/apply", body, format="multipart")
    assert response.status_code == 201, response.json()
    assert checks == {"size": 1, "sniff": 1}


def test_a_refused_upload_keeps_its_status_and_message(candidate_client, checks, settings):
    settings.RESUME_MAX_UPLOAD_BYTES = 10
    response = candidate_client.post(
        "/api/v1/resumes/upload", {"file": resume_file()}, format="multipart"
    )
    assert response.status_code == 413
    assert response.json()["error_code"] == "file_too_large"
    assert checks == {"size": 1, "sniff": 0}
