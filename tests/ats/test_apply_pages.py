"""The apply page on a job, the candidate's applications and their timeline with withdraw."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ats.models import Application, StageChange
from ats.services.pipeline import application_move_stage
from ats.stages import Stage
from jobs.models import JobStatus
from tests.accounts.factories import CandidateFactory
from tests.ats.factories import ApplicationFactory
from tests.jobs.factories import JobFactory
from tests.resumes.factories import SAMPLE_RESUME, ResumeFactory
from tests.resumes.generated import exe_renamed_pdf

pytestmark = pytest.mark.django_db


def apply_path(job) -> str:
    return f"/jobs/{job.pk}/apply/"


def upload(name="cv.txt", data=None, content_type="text/plain"):
    return SimpleUploadedFile(
        name, SAMPLE_RESUME.encode() if data is None else data, content_type=content_type
    )


def anonymous_form(**changes) -> dict:
    fields = {
        "name": "Jane Doe",
        "email": "jane.doe@example.com",
        "phone": "",
        "cover_letter": "I would love to join.",
        "consent": "on",
        "file": upload(),
    }
    fields.update(changes)
    return {key: value for key, value in fields.items() if value is not None}


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


# --- The job page links to it -----------------------------------------------------------------


def test_the_job_page_has_an_apply_button_for_open_jobs(client):
    job = JobFactory()
    page = client.get(job.share_path).content.decode()
    assert f'href="/jobs/{job.pk}/apply/"' in page


def test_a_closed_job_page_has_no_apply_button(client):
    job = JobFactory(status=JobStatus.CLOSED)
    client.force_login(job.owner)
    page = client.get(job.share_path).content.decode()
    assert f"/jobs/{job.pk}/apply/" not in page


# --- Anonymous ---------------------------------------------------------------------------------


def test_the_form_asks_an_anonymous_visitor_for_contact_details(client):
    job = JobFactory()
    response = client.get(apply_path(job))
    assert response.status_code == 200
    page = response.content.decode()
    for name in ("name", "email", "phone", "file", "cover_letter", "consent"):
        assert f'name="{name}"' in page
    assert 'name="resume"' not in page
    assert 'enctype="multipart/form-data"' in page


def test_an_anonymous_visitor_applies(client, settings):
    job = JobFactory()
    response = client.post(apply_path(job), anonymous_form())
    assert response.status_code == 200
    assert "Your application is sent" in response.content.decode()
    application = Application.objects.get()
    assert application.candidate is None
    assert application.applicant_email == "jane.doe@example.com"
    assert application.cover_letter == "I would love to join."
    assert application.fit_score is not None
    assert len(stored_files(settings)) == 1
    assert application.history.get().to_stage == "applied"


def test_the_form_shows_the_services_reasons(client, settings):
    job = JobFactory()
    response = client.post(apply_path(job), anonymous_form(consent=None, email="nope"))
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    response = client.post(apply_path(job), anonymous_form(consent=None))
    assert "consent" in response.context["form"].errors
    response = client.post(
        apply_path(job),
        anonymous_form(file=upload("cv.pdf", exe_renamed_pdf(), "application/pdf")),
    )
    assert "Windows program" in response.context["form"].errors["file"][0]
    response = client.post(apply_path(job), anonymous_form(file=None))
    assert response.context["form"].errors["file"]
    assert not Application.objects.exists()
    assert stored_files(settings) == []


def test_a_second_anonymous_application_is_refused_on_the_page(client):
    job = JobFactory()
    client.post(apply_path(job), anonymous_form())
    response = client.post(apply_path(job), anonymous_form(email="JANE.DOE@example.com"))
    assert response.status_code == 409
    assert "exists already" in response.content.decode()
    assert Application.objects.count() == 1


@pytest.mark.parametrize("status", [JobStatus.DRAFT, JobStatus.CLOSED])
def test_the_page_is_404_for_jobs_not_open(client, status):
    job = JobFactory(status=status)
    client.force_login(job.owner)
    assert client.get(apply_path(job)).status_code == 404
    assert client.post(apply_path(job), anonymous_form()).status_code == 404


def test_the_page_is_rate_limited_like_the_api(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "apply_ip": "1/m"}
    job = JobFactory()
    client.post(apply_path(job), anonymous_form(email="a@example.com"))
    response = client.post(apply_path(job), anonymous_form(email="b@example.com"))
    assert response.status_code == 429
    assert "Retry-After" in response
    assert Application.objects.count() == 1


# --- Signed-in candidate -----------------------------------------------------------------------


def test_a_candidate_picks_a_stored_resume(client):
    resume = ResumeFactory()
    candidate = resume.owner
    job = JobFactory()
    client.force_login(candidate)
    page = client.get(apply_path(job)).content.decode()
    assert 'name="resume"' in page and 'name="email"' not in page
    response = client.post(apply_path(job), {"resume": str(resume.pk), "consent": "on"})
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/portal/applications/{application.pk}/"
    assert application.resume == resume
    assert application.candidate == candidate
    assert application.applicant_email == candidate.email


def test_a_candidate_may_upload_a_file_instead(client):
    resume = ResumeFactory()
    client.force_login(resume.owner)
    job = JobFactory()
    client.post(apply_path(job), {"resume": str(resume.pk), "file": upload(), "consent": "on"})
    application = Application.objects.get()
    assert application.resume is None
    assert application.resume_file_kind == "txt"


def test_a_candidate_cannot_pick_someone_elses_resume(client):
    mine = ResumeFactory()
    theirs = ResumeFactory()
    client.force_login(mine.owner)
    response = client.post(apply_path(JobFactory()), {"resume": str(theirs.pk), "consent": "on"})
    assert response.status_code == 200
    assert response.context["form"].errors["resume"]
    assert not Application.objects.exists()


def test_the_page_says_when_the_candidate_applied_already(client):
    application = ApplicationFactory()
    client.force_login(application.candidate)
    response = client.get(apply_path(application.job))
    page = response.content.decode()
    assert "Applied — see your application" in page
    assert f"/portal/applications/{application.pk}/" in page
    assert 'name="consent"' not in page


# --- My applications ---------------------------------------------------------------------------


def test_my_applications_lists_own_with_stage_badges(client, django_assert_max_num_queries):
    application = ApplicationFactory()
    candidate = application.candidate
    for _ in range(4):
        ApplicationFactory(resume__owner=candidate)
    ApplicationFactory()  # someone else's
    application_move_stage(
        application=application, to_stage=Stage.UNDER_REVIEW, actor=application.job.owner
    )
    client.force_login(candidate)
    with django_assert_max_num_queries(6):
        response = client.get("/portal/applications/")
    assert response.status_code == 200
    assert len(response.context["rows"]) == 5
    page = response.content.decode()
    assert 'class="badge badge--screening">Under review' in page
    assert application.job.title in page


def test_my_applications_needs_sign_in(client):
    response = client.get("/portal/applications/")
    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_my_application_shows_the_timeline_without_notes(client):
    application = ApplicationFactory()
    application_move_stage(
        application=application,
        to_stage=Stage.UNDER_REVIEW,
        actor=application.job.owner,
        note="Private: ask about notice period",
    )
    client.force_login(application.candidate)
    response = client.get(f"/portal/applications/{application.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Moved from Applied to" in page
    assert "notice period" not in page
    assert application.job.owner.name not in page
    assert "Withdraw my application" in page
    label = re.sub(r"<[^>]+>|\s+", " ", page[page.index('for="id_note"') :].split("</label>")[0])
    assert "Reason (optional)" in " ".join(label.split())
    assert label.count("(optional)") == 1


def test_someone_elses_application_page_is_404(client):
    application = ApplicationFactory()
    for outsider in (CandidateFactory(), application.job.owner):
        client.force_login(outsider)
        assert client.get(f"/portal/applications/{application.pk}/").status_code == 404
        response = client.post(f"/portal/applications/{application.pk}/", {"note": ""})
        assert response.status_code == 404
    application.refresh_from_db()
    assert application.stage == "applied"


def test_the_candidate_withdraws_from_the_page(client):
    application = ApplicationFactory()
    client.force_login(application.candidate)
    url = f"/portal/applications/{application.pk}/"
    response = client.post(url, {"note": "Found another role"}, follow=True)
    assert response.status_code == 200
    assert "Your application is withdrawn" in response.content.decode()
    application.refresh_from_db()
    assert application.stage == "withdrawn"
    row = StageChange.objects.filter(application=application).last()
    assert (row.to_stage, row.actor, row.note) == (
        "withdrawn",
        application.candidate,
        "Found another role",
    )
    page = client.get(url).content.decode()
    assert "Withdraw my application" not in page
    again = client.post(url, {"note": ""}, follow=True)
    assert "cannot move from withdrawn" in again.content.decode()
