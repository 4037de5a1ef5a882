"""POST /api/v1/jobs/{id}/apply: signed-in candidates with a stored resume, anonymous
applicants with a file checked like a resume upload; one application per job and email."""

from pathlib import Path
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ats.identity import email_key
from ats.models import Application, StageChange
from ats.services.applications import application_read_resume_file
from ats.stages import Stage
from gdpr.crypto import decrypt_bytes
from gdpr.models import AuditLogEntry
from jobs.models import JobStatus
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.jobs.factories import JobFactory
from tests.resumes.factories import SAMPLE_RESUME, ResumeFactory
from tests.resumes.generated import exe_renamed_pdf, pdf_one_column

pytestmark = pytest.mark.django_db


def apply_url(job) -> str:
    return f"/api/v1/jobs/{job.pk}/apply"


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def anonymous_application(job, email: str) -> Application:
    """An application already sent without an account."""
    return ApplicationFactory(
        job=job, resume=None, candidate=None, applicant_name="Earlier", applicant_email=email
    )


def anonymous_apply(
    client, job, *, filename="cv.txt", data=None, content_type="text/plain", **extra
):
    fields = {
        "name": "Jane Doe",
        "email": "jane.doe@example.com",
        "phone": "+44 20 7946 0958",
        "consent": "true",
        "file": SimpleUploadedFile(
            filename, SAMPLE_RESUME.encode() if data is None else data, content_type=content_type
        ),
    }
    fields.update(extra)
    fields = {key: value for key, value in fields.items() if value is not None}
    return client.post(apply_url(job), fields, format="multipart")


# --- Signed-in candidate ------------------------------------------------------------------


def test_a_candidate_applies_with_a_stored_resume(candidate):
    job = JobFactory()
    resume = ResumeFactory(owner=candidate)
    response = client_for(candidate).post(
        apply_url(job),
        {"resume_id": str(resume.pk), "consent": True, "cover_letter": "I build APIs."},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["view"] == "candidate"
    assert body["stage"] == "applied"
    assert body["job"]["id"] == job.pk
    assert body["resume"] == {"id": str(resume.pk), "file_name": "resume.txt", "file_kind": "txt"}
    assert body["applicant"]["email"] == candidate.email
    assert body["history"] == [
        {"from_stage": "", "to_stage": "applied", "at": body["history"][0]["at"]}
    ]
    application = Application.objects.get()
    assert application.candidate == candidate
    assert application.resume == resume
    assert application.applicant_name == candidate.name
    assert application.email_key == email_key(candidate.email)
    assert application.cover_letter == "I build APIs."
    assert application.consent_at is not None
    assert application.source == "job_board"
    assert 0 < application.fit_score <= 100
    assert set(application.fit) == {
        "basis",
        "breakdown",
        "matched_skills",
        "missing_required_skills",
        "missing_preferred_skills",
        "reasons",
    }
    assert "Python" in application.fit["matched_skills"]
    assert body["fit_score"] == application.fit_score
    [row] = StageChange.objects.filter(application=application)
    assert (row.from_stage, row.to_stage, row.actor) == ("", Stage.APPLIED, candidate)
    assert AuditLogEntry.objects.filter(
        action="application.submitted", object_id=str(application.pk)
    ).exists()


def test_another_users_resume_is_not_found(candidate):
    job = JobFactory()
    someone_elses = ResumeFactory()
    response = client_for(candidate).post(
        apply_url(job), {"resume_id": str(someone_elses.pk), "consent": True}, format="json"
    )
    assert response.status_code == 404
    assert not Application.objects.exists()


def test_a_signed_in_user_without_resume_id_may_upload_a_file(candidate, settings):
    job = JobFactory()
    response = anonymous_apply(client_for(candidate), job, name=None, email=None)
    assert response.status_code == 201, response.json()
    application = Application.objects.get()
    assert application.candidate == candidate
    assert application.applicant_email == candidate.email  # from the account
    assert application.applicant_phone == "+44 20 7946 0958"  # sent, so it wins
    assert application.resume is None
    assert application.resume_file_kind == "txt"
    assert len(stored_files(settings)) == 1


def test_a_signed_in_user_needs_a_resume_or_a_file(candidate):
    response = client_for(candidate).post(apply_url(JobFactory()), {"consent": True}, format="json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "resume_required"
    assert response.json()["errors"] == {"file": [response.json()["detail"]]}


def test_resume_id_and_file_together_are_refused(candidate):
    resume = ResumeFactory(owner=candidate)
    response = anonymous_apply(client_for(candidate), JobFactory(), resume_id=str(resume.pk))
    assert response.status_code == 400
    assert "resume_id" in response.json()["errors"]


# --- Anonymous applicant ------------------------------------------------------------------


def test_anonymous_apply_with_a_txt_file_stores_it_encrypted_and_parsed(api_client, settings):
    job = JobFactory()
    response = anonymous_apply(api_client, job, filename="../../secret/jane doe.txt")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["applicant"] == {
        "name": "Jane Doe",
        "email": "jane.doe@example.com",
        "phone": "+44 20 7946 0958",
    }
    assert body["resume"] == {"id": None, "file_name": "jane doe.txt", "file_kind": "txt"}
    application = Application.objects.get()
    assert application.candidate is None
    assert application.resume_text.startswith("Jane Doe")
    assert application.resume_profile["personal_info"]["email"] == "jane.doe@example.com"
    assert application.fit_score is not None
    assert "Django" in application.fit["matched_skills"]
    [stored] = stored_files(settings)
    assert "jane" not in str(stored.relative_to(settings.MEDIA_ROOT))
    raw = stored.read_bytes()
    assert b"jane.doe@example.com" not in raw
    assert decrypt_bytes(raw) == SAMPLE_RESUME.encode()
    assert application_read_resume_file(application=application) == SAMPLE_RESUME.encode()
    [row] = application.history.all()
    assert (row.from_stage, row.to_stage, row.actor) == ("", "applied", None)


def test_anonymous_apply_with_a_pdf_reads_its_text(api_client):
    job = JobFactory()
    response = anonymous_apply(
        api_client,
        job,
        filename="cv.pdf",
        data=pdf_one_column(SAMPLE_RESUME),
        content_type="application/pdf",
    )
    assert response.status_code == 201, response.json()
    application = Application.objects.get()
    assert application.resume_file_kind == "pdf"
    assert "Brightside Labs" in application.resume_text
    assert application.fit_score is not None


def test_the_stored_fields_are_encrypted_at_rest(api_client):
    from django.db import connection

    anonymous_apply(api_client, JobFactory(), cover_letter="Dear team")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT applicant_email, applicant_name, cover_letter, resume_text FROM ats_application"
        )
        [row] = cursor.fetchall()
    # Whole values with a space or "@", which ciphertext (URL-safe base64) never contains, so a
    # chance "jane" inside the ciphertext cannot fail the test.
    assert all(plain not in str(value) for value in row for plain in ("Jane Doe", "jane.doe@"))
    assert "Dear team" not in str(row[2])


def test_a_program_renamed_to_pdf_is_refused_by_its_magic_bytes(api_client, settings):
    response = anonymous_apply(
        api_client,
        JobFactory(),
        filename="cv.pdf",
        data=exe_renamed_pdf(),
        content_type="application/pdf",
    )
    assert response.status_code == 415
    assert response.json()["error_code"] == "unsupported_file_type"
    assert not Application.objects.exists()
    assert stored_files(settings) == []


def test_a_disallowed_extension_is_refused(api_client):
    response = anonymous_apply(
        api_client, JobFactory(), filename="cv.exe", content_type="application/octet-stream"
    )
    assert response.status_code == 415


def test_a_file_over_the_limit_is_refused(api_client, settings):
    settings.RESUME_MAX_UPLOAD_BYTES = 100
    response = anonymous_apply(api_client, JobFactory())
    assert response.status_code == 413
    assert response.json()["error_code"] == "file_too_large"
    assert not Application.objects.exists()


def test_consent_is_required(api_client):
    response = anonymous_apply(api_client, JobFactory(), consent="false")
    assert response.status_code == 400
    body = response.json()
    assert body["error_code"] == "consent_required"
    assert body["errors"] == {"consent": [body["detail"]]}
    assert not Application.objects.exists()


def test_consent_missing_from_json_is_required_too(candidate):
    resume = ResumeFactory(owner=candidate)
    response = client_for(candidate).post(
        apply_url(JobFactory()), {"resume_id": str(resume.pk)}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "consent_required"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"email": None}, "email"),
        ({"name": ""}, "name"),
        ({"phone": "call me maybe"}, "phone"),
        ({"cover_letter": "x" * 10_001}, "cover_letter"),
        ({"file": None}, "file"),
    ],
)
def test_anonymous_details_are_validated(api_client, fields, field):
    response = anonymous_apply(api_client, JobFactory(), **fields)
    assert response.status_code == 400
    assert field in response.json()["errors"], response.json()
    assert not Application.objects.exists()


def test_anonymous_may_not_name_a_stored_resume(api_client):
    resume = ResumeFactory()
    response = api_client.post(
        apply_url(JobFactory()), {"resume_id": str(resume.pk), "consent": True}, format="json"
    )
    assert response.status_code == 400
    assert "resume_id" in response.json()["errors"]


def test_import_is_not_a_source_an_applicant_names(api_client):
    response = anonymous_apply(api_client, JobFactory(), source="import")
    assert response.status_code == 400
    assert "source" in response.json()["errors"]


def test_the_source_is_kept(api_client):
    anonymous_apply(api_client, JobFactory(), source="referral")
    assert Application.objects.get().source == "referral"


# --- One application per job and email ----------------------------------------------------


def test_a_second_application_with_the_same_email_is_a_conflict(api_client, settings):
    job = JobFactory()
    assert anonymous_apply(api_client, job).status_code == 201
    response = anonymous_apply(api_client, job, email="  JANE.Doe@Example.COM ")
    assert response.status_code == 409
    assert response.json()["error_code"] == "already_applied"
    assert Application.objects.count() == 1
    assert len(stored_files(settings)) == 1


def test_the_same_email_may_apply_to_another_job(api_client):
    assert anonymous_apply(api_client, JobFactory()).status_code == 201
    assert anonymous_apply(api_client, JobFactory()).status_code == 201


def test_a_candidate_whose_email_applied_anonymously_gets_a_conflict(candidate):
    job = JobFactory()
    anonymous_application(job, candidate.email.upper())
    resume = ResumeFactory(owner=candidate)
    response = client_for(candidate).post(
        apply_url(job), {"resume_id": str(resume.pk), "consent": True}, format="json"
    )
    assert response.status_code == 409


def test_a_race_lost_at_the_database_is_a_conflict_and_leaves_no_file(api_client, settings):
    """Both requests passed the check; the unique constraint decides, the loser's file goes."""
    job = JobFactory()
    from ats.services import applications as service

    real_fit = service.application_fit

    def fit_while_another_applies(*, resume, job):
        anonymous_application(job, "jane.doe@example.com")
        return real_fit(resume=resume, job=job)

    with mock.patch.object(service, "application_fit", fit_while_another_applies):
        response = anonymous_apply(api_client, job)
    assert response.status_code == 409
    assert response.json()["error_code"] == "already_applied"
    # (The competing row shared this test's transaction, so it went with the rollback.)
    assert not Application.objects.exclude(resume_file="").exists()
    assert stored_files(settings) == []


def test_a_failure_after_the_file_is_written_leaves_nothing(api_client, settings):
    job = JobFactory()
    with mock.patch(
        "ats.services.applications.audit_record", side_effect=RuntimeError("disk full")
    ):
        response = anonymous_apply(api_client, job)
    assert response.status_code == 500
    assert not Application.objects.exists()
    assert not StageChange.objects.exists()
    assert stored_files(settings) == []


# --- Which jobs take applications ---------------------------------------------------------


@pytest.mark.parametrize("status", [JobStatus.DRAFT, JobStatus.CLOSED])
def test_closed_and_draft_jobs_take_no_applications(api_client, status):
    job = JobFactory(status=status)
    response = anonymous_apply(api_client, job)
    assert response.status_code == 404
    assert response.json()["error_code"] == "job_not_found"


def test_even_the_owner_cannot_apply_to_their_draft(recruiter):
    job = JobFactory(status=JobStatus.DRAFT, owner=recruiter)
    response = anonymous_apply(client_for(recruiter), job)
    assert response.status_code == 404
    assert response.json()["error_code"] == "job_not_found"


def test_a_job_past_its_end_date_takes_no_applications(api_client):
    from datetime import timedelta

    from django.utils import timezone

    job = JobFactory()
    type(job).objects.filter(pk=job.pk).update(end_date=timezone.now() - timedelta(days=1))
    assert anonymous_apply(api_client, job).status_code == 404


def test_an_unknown_job_is_not_found(api_client):
    response = api_client.post("/api/v1/jobs/999999/apply", {}, format="json")
    assert response.status_code == 404
    assert response.json()["error_code"] == "job_not_found"


# --- Rate limit -----------------------------------------------------------------------------


def test_applying_is_rate_limited_per_ip(api_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "apply_ip": "2/m"}
    job = JobFactory()
    first = anonymous_apply(api_client, job, email="a@example.com")
    assert first.status_code == 201
    assert first["X-RateLimit-Limit"] == "2"
    assert anonymous_apply(api_client, job, email="b@example.com").status_code == 201
    response = anonymous_apply(api_client, job, email="c@example.com")
    assert response.status_code == 429
    assert response.json()["error_code"] == "rate_limited"
    assert "Retry-After" in response
    assert Application.objects.count() == 2
