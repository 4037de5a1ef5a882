"""Staff see every resume model in the Django admin, read-only, and deleting removes files."""

from pathlib import Path

import pytest

from resumes.models import Analysis, AnalysisStatus, Resume
from tests.resumes.factories import AnalysisFactory, ResumeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize("model", ["resume", "analysis", "enhancement", "coverletter"])
def test_each_model_has_an_admin_list(staff_client, model):
    ResumeFactory()
    response = staff_client.get(f"/admin/resumes/{model}/")
    assert response.status_code == 200


def test_the_resume_page_shows_fields_but_cannot_change_them(staff_client):
    resume = ResumeFactory()
    response = staff_client.get(f"/admin/resumes/resume/{resume.pk}/change/")
    assert response.status_code == 200
    assert b"resume.txt" in response.content
    assert b'name="original_name"' not in response.content


def test_deleting_in_the_admin_removes_the_stored_file(
    staff_client, settings, django_capture_on_commit_callbacks
):
    resume = ResumeFactory()
    path = Path(settings.MEDIA_ROOT) / resume.stored_file.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"/admin/resumes/resume/{resume.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Resume.objects.exists()
    assert not path.exists()


def test_the_retry_action_requeues_failed_analyses_only(staff_client):
    failed = AnalysisFactory(status=AnalysisStatus.FAILED, error_message="boom")
    done = AnalysisFactory(status=AnalysisStatus.COMPLETED)
    response = staff_client.post(
        "/admin/resumes/analysis/",
        {"action": "retry_failed", "_selected_action": [str(failed.pk), str(done.pk)]},
        follow=True,
    )
    assert response.status_code == 200
    assert Analysis.objects.get(pk=failed.pk).status == AnalysisStatus.QUEUED
    assert Analysis.objects.get(pk=done.pk).status == AnalysisStatus.COMPLETED
    assert b"only failed analyses, or ones without progress" in response.content.lower()
