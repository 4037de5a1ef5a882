"""Applications and scorecards in the privacy export and erasure: the candidate's details go,
the recruiter's figures stay."""

import pytest
from django.core.files.base import ContentFile

from ats.analytics import ats_analytics, job_stats
from ats.identity import email_key
from ats.models import Application, Scorecard, StageChange
from ats.privacy import (
    erase_applications,
    erase_scorecards,
    export_applications,
    export_scorecards,
)
from ats.services.pipeline import application_move_stage
from ats.stages import Stage
from gdpr.crypto import encrypt_bytes
from gdpr.registry import registry
from tests.ats.factories import ApplicationFactory, ScorecardFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def applied(candidate, recruiter):
    """The candidate applied to a recruiter's job with an uploaded file, and was moved on."""
    job = JobFactory(owner=recruiter, title="Backend Engineer")
    application = ApplicationFactory(
        job=job,
        candidate=candidate,
        resume=None,
        applicant_name="Ada Lovelace",
        applicant_email="ada@example.com",
        applicant_phone="+44 20 7946 0000",
        cover_letter="I would love to build your payment APIs.",
        resume_text="Ada Lovelace, Python engineer",
        resume_profile={"skills": ["Python"]},
        source="referral",
        fit_score=81,
        fit={"matched_skills": ["Python"]},
        resume_file_name="ada.pdf",
        resume_file_kind="pdf",
    )
    application.resume_file.save("resume.bin", ContentFile(encrypt_bytes(b"%PDF-1.4 ada")))
    application_move_stage(
        application=application, to_stage=Stage.UNDER_REVIEW, actor=recruiter, note="Strong CV"
    )
    ApplicationFactory(job=job)  # someone else's, untouched
    return application


def test_the_export_has_the_applications_with_their_history(candidate, applied):
    [exported] = export_applications(candidate)

    assert exported["id"] == str(applied.pk)
    assert exported["job_title"] == "Backend Engineer"
    assert exported["email"] == "ada@example.com"
    assert exported["phone"] == "+44 20 7946 0000"
    assert exported["cover_letter"].startswith("I would love")
    assert exported["stage"] == "under_review"
    assert [(row["from"], row["to"]) for row in exported["history"]] == [
        ("", "applied"),
        ("applied", "under_review"),
    ]
    assert "note" not in exported["history"][1]  # the recruiter's notes are not the export's
    assert "applications" in registry.export_user(candidate)


def test_erasure_blanks_the_applicant_and_removes_the_file(
    candidate, recruiter, applied, django_capture_on_commit_callbacks
):
    storage, name = applied.resume_file.storage, applied.resume_file.name
    assert storage.exists(name)
    before = ats_analytics(user=recruiter)
    stats_before = job_stats(user=recruiter)

    with django_capture_on_commit_callbacks(execute=True):
        erase_applications(candidate)

    row = Application.objects.get(pk=applied.pk)
    assert row.candidate_id is None
    assert (row.applicant_name, row.applicant_email, row.applicant_phone) == ("", "", "")
    assert (row.cover_letter, row.resume_text, row.resume_profile, row.fit) == ("", "", None, None)
    assert (row.resume_file.name, row.resume_file_name, row.resume_file_kind) == ("", "", "")
    assert row.email_key != email_key("ada@example.com") and len(row.email_key) == 64
    assert not storage.exists(name)
    # The recruiter's figures do not move.
    assert (row.stage, row.source, row.fit_score, row.job_id) == (
        "under_review",
        "referral",
        81,
        applied.job_id,
    )
    assert [change.note for change in StageChange.objects.filter(application=row)] == ["", ""]
    assert ats_analytics(user=recruiter) == before
    assert job_stats(user=recruiter) == stats_before
    assert export_applications(candidate) == []


def test_erasure_through_the_registry_leaves_others_applications_alone(candidate, applied):
    other = Application.objects.exclude(pk=applied.pk).get()

    registry.erase_user(candidate)

    other.refresh_from_db()
    assert other.applicant_name and other.candidate_id is not None


def test_the_same_person_may_apply_to_the_job_again_after_erasure(candidate, applied):
    erase_applications(candidate)

    again = ApplicationFactory(job=applied.job, candidate=candidate)

    assert again.email_key == email_key(candidate.email)


def test_a_reviewer_exports_their_scorecards_and_erasure_keeps_them_without_author(
    user_of_role,
):
    reviewer = user_of_role("recruiter")
    scorecard = ScorecardFactory(author=reviewer, notes="Clear answers", recommendation="yes")

    [exported] = export_scorecards(reviewer)
    assert exported["application_id"] == str(scorecard.application_id)
    assert exported["notes"] == "Clear answers"
    assert exported["ratings"] == {"technical skills": 4, "communication": 3}

    erase_scorecards(reviewer)

    scorecard = Scorecard.objects.get(pk=scorecard.pk)
    assert scorecard.author_id is None
    assert scorecard.notes == "Clear answers"
    assert export_scorecards(reviewer) == []
