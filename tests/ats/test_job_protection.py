"""A job with applicants is closed, not deleted: their history must stay."""

import pytest

from jobs.models import Job
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_deleting_a_job_with_applications_is_a_conflict_and_keeps_both():
    application = ApplicationFactory()
    job = application.job
    response = client_for(job.owner).delete(f"/api/v1/jobs/{job.pk}")
    assert response.status_code == 409
    assert response.json()["error_code"] == "job_has_applications"
    assert Job.objects.filter(pk=job.pk).exists()


def test_the_delete_page_explains_instead_of_failing(client):
    application = ApplicationFactory()
    job = application.job
    client.force_login(job.owner)
    response = client.post(f"/recruiter/jobs/{job.pk}/delete", follow=True)
    assert response.status_code == 200
    assert "Close it instead" in response.content.decode()
    assert Job.objects.filter(pk=job.pk).exists()
