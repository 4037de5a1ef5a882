import io
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from accounts.services import account_delete
from gdpr.registry import registry
from resumes.models import Analysis, AnalysisStatus, Resume
from resumes.services.resumes import resume_read_original
from tests.resumes.factories import AnalysisFactory, ResumeFactory

pytestmark = pytest.mark.django_db


def test_resume_text_and_profile_are_encrypted_in_the_database():
    ResumeFactory()
    with connection.cursor() as cursor:
        cursor.execute("SELECT text, parsed_data FROM resumes_resume")
        text, parsed = cursor.fetchone()
    assert "jane.doe@example.com" not in text + parsed
    stored = Resume.objects.get()
    assert "jane.doe@example.com" in stored.text
    assert stored.parsed_data["personal_info"]["email"] == "jane.doe@example.com"


def test_the_export_holds_the_users_resumes_and_analyses():
    resume = ResumeFactory()
    AnalysisFactory(resume=resume, status=AnalysisStatus.COMPLETED, result={"ats_score": 7})
    ResumeFactory()
    exported = registry.export_user(resume.owner)
    [entry] = exported["resumes"]
    assert entry["file_name"] == "resume.txt"
    assert entry["parsed_data"]["personal_info"]["email"] == "jane.doe@example.com"
    assert entry["analyses"][0]["result"] == {"ats_score": 7}


def test_deleting_the_account_removes_resumes_analyses_and_files(
    settings, django_capture_on_commit_callbacks
):
    resume = ResumeFactory()
    AnalysisFactory(resume=resume)
    other = ResumeFactory()
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=resume.owner)
    assert list(Resume.objects.all()) == [other]
    assert not Analysis.objects.exists()
    files = [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]
    assert [path.name for path in files] == [Path(other.stored_file.name).name]


def test_key_rotation_re_encrypts_resume_files_too(settings):
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.PII_ENCRYPTION_KEYS = [old_key]
    resume = ResumeFactory()
    original = resume_read_original(resume=resume)

    settings.PII_ENCRYPTION_KEYS = [new_key, old_key]
    output = io.StringIO()
    call_command("rotate_pii_keys", stdout=output)
    assert "resume files: 1 re-encrypted" in output.getvalue()

    settings.PII_ENCRYPTION_KEYS = [new_key]
    resume.refresh_from_db()
    assert resume_read_original(resume=resume) == original
    files = [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]
    assert [path.name for path in files] == [Path(resume.stored_file.name).name]
