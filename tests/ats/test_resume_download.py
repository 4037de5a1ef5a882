"""The job's recruiter downloads an applicant's resume as it was sent; nobody else can."""

import pytest

from ats.models import Application
from gdpr.models import AuditLogEntry
from tests.ats.factories import ApplicationFactory
from tests.ats.test_apply import anonymous_apply
from tests.conftest import client_for
from tests.jobs.factories import JobFactory
from tests.resumes.factories import SAMPLE_RESUME

pytestmark = pytest.mark.django_db


def resume_url(application) -> str:
    return f"/api/v1/applications/{application.pk}/resume"


def test_the_recruiter_downloads_an_anonymous_applicants_upload_and_it_is_audited(api_client):
    job = JobFactory()
    assert anonymous_apply(api_client, job, filename="jane-cv.txt").status_code == 201
    application = Application.objects.get()
    response = client_for(job.owner).get(resume_url(application))
    assert response.status_code == 200
    assert response.content == SAMPLE_RESUME.encode()
    assert 'filename="jane-cv.txt"' in response["Content-Disposition"]
    assert response["Content-Type"].startswith("text/plain")
    entry = AuditLogEntry.objects.get(action="application.resume_downloaded")
    assert entry.actor == job.owner
    assert entry.object_id == str(application.pk)


def test_a_stored_resume_downloads_as_its_original_file(client):
    application = ApplicationFactory()
    client.force_login(application.job.owner)
    response = client.get(f"/recruiter/applications/{application.pk}/resume/")
    assert response.status_code == 200
    assert response.content == SAMPLE_RESUME.encode()


def test_recruiter_b_and_the_candidate_get_404_and_403(recruiter):
    application = ApplicationFactory()
    assert client_for(recruiter).get(resume_url(application)).status_code == 404
    assert client_for(application.candidate).get(resume_url(application)).status_code == 403
    assert not AuditLogEntry.objects.filter(action="application.resume_downloaded").exists()


def test_an_application_without_a_file_is_404_no_resume_file():
    application = ApplicationFactory(
        resume=None, candidate=None, applicant_name="Ann", applicant_email="a@b.example"
    )
    response = client_for(application.job.owner).get(resume_url(application))
    assert response.status_code == 404
    assert response.json()["error_code"] == "no_resume_file"
