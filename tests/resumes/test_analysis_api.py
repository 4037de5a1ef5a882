import csv
import io
import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.utils import OperationalError
from django.utils import timezone
from rest_framework.test import APIClient

from resumes.models import Analysis, AnalysisStatus, Resume
from resumes.services import analysis_runs
from resumes.tasks import GAVE_UP
from tests.conftest import client_for
from tests.resumes.factories import JOB_DESCRIPTION, SAMPLE_RESUME, AnalysisFactory, ResumeFactory

pytestmark = pytest.mark.django_db
ANALYSES = "/api/v1/analyses"


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks, monkeypatch):
    """Background jobs start after commit: run each as its request's transaction ends."""
    real_request = APIClient.generic

    def request_then_commit(self, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return real_request(self, *args, **kwargs)

    monkeypatch.setattr(APIClient, "generic", request_then_commit)


def start(client, **data):
    return client.post(ANALYSES, data, format="json")


def test_starting_an_analysis_answers_202_queued_at_once(candidate, candidate_client):
    resume = ResumeFactory(owner=candidate)
    response = start(candidate_client, resume_id=str(resume.pk))
    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "queued"
    assert body["progress"] == 0
    assert Analysis.objects.get(pk=body["job_id"]).resume == resume


def test_a_started_analysis_completes_with_the_documented_result(
    candidate, candidate_client, run_on_commit
):
    resume = ResumeFactory(owner=candidate)
    job_id = start(candidate_client, resume_id=str(resume.pk)).json()["job_id"]
    body = candidate_client.get(f"{ANALYSES}/{job_id}").json()
    assert body["status"] == "completed"
    assert body["progress"] == 100
    result = body["result"]
    for key in (
        "ats_score",
        "section_scores",
        "strengths",
        "weaknesses",
        "recommendations",
        "profile",
        "review",
        "engine",
    ):
        assert key in result
    assert 0 <= result["ats_score"]["overall"] <= 100
    assert result["engine"]["engine"] == "local"
    assert "skill_match_analysis" not in result
    resume.refresh_from_db()
    assert resume.last_score == result["ats_score"]["overall"]
    assert body["overall_score"] == resume.last_score


def test_an_analysis_against_a_job_description_adds_the_skill_gap(
    candidate, candidate_client, run_on_commit
):
    resume = ResumeFactory(owner=candidate)
    job_id = start(
        candidate_client, resume_id=str(resume.pk), job_description=JOB_DESCRIPTION
    ).json()["job_id"]
    result = candidate_client.get(f"{ANALYSES}/{job_id}").json()["result"]
    match = result["skill_match_analysis"]
    assert "Python" in match["matched_skills"]
    assert "Terraform" in match["missing_required_skills"]
    gaps = {gap["skill_gap"]["skill_name"] for gap in result["skill_gap_recommendations"]}
    assert {"AWS", "Terraform"} <= gaps
    assert result["overall_assessment"]
    assert result["estimated_preparation_time"]


def test_pasted_text_becomes_a_stored_resume_and_is_analysed(candidate_client, run_on_commit):
    response = start(candidate_client, cv_text=SAMPLE_RESUME)
    assert response.status_code == 202
    analysis = Analysis.objects.get(pk=response.json()["job_id"])
    assert analysis.status == AnalysisStatus.COMPLETED
    assert analysis.resume.source == "analysis_text"
    assert analysis.result["profile"]["personal_info"]["email"] == "jane.doe@example.com"


def test_an_uploaded_cv_file_is_checked_then_analysed(candidate_client, run_on_commit):
    file = SimpleUploadedFile("cv.txt", SAMPLE_RESUME.encode(), content_type="text/plain")
    response = candidate_client.post(ANALYSES, {"cv_file": file}, format="multipart")
    assert response.status_code == 202
    assert Analysis.objects.get().status == AnalysisStatus.COMPLETED


def test_a_cv_file_with_the_wrong_content_is_refused_before_queueing(candidate_client):
    file = SimpleUploadedFile("cv.pdf", b"MZ\x90\x00" * 50, content_type="application/pdf")
    response = candidate_client.post(ANALYSES, {"cv_file": file}, format="multipart")
    assert response.status_code == 415
    assert not Analysis.objects.exists() and not Resume.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "resume_id"),
        (
            {"cv_text": SAMPLE_RESUME, "resume_id": "6f1c1d5e-0000-4000-8000-000000000000"},
            "resume_id",
        ),
        ({"cv_text": SAMPLE_RESUME, "job_description": "too short"}, "job_description"),
        ({"cv_text": SAMPLE_RESUME, "job_id": 1, "job_description": JOB_DESCRIPTION}, "job_id"),
        ({"resume_id": "not-a-uuid"}, "resume_id"),
    ],
    ids=["no-source", "two-sources", "short-description", "job-id-and-description", "bad-uuid"],
)
def test_bad_start_requests_get_400_naming_the_field(candidate_client, data, field):
    response = start(candidate_client, **data)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Analysis.objects.exists() and not Resume.objects.exists()


def test_an_unknown_job_posting_is_404(candidate, candidate_client):
    resume = ResumeFactory(owner=candidate)
    response = start(candidate_client, resume_id=str(resume.pk), job_id=999)
    assert response.status_code == 404
    assert response.json()["error_code"] == "job_not_found"
    assert not Analysis.objects.exists()


def test_list_filters_by_resume_and_shows_progress_fields(candidate, candidate_client):
    first, second = ResumeFactory(owner=candidate), ResumeFactory(owner=candidate)
    mine = AnalysisFactory(resume=first, status=AnalysisStatus.PARSING, progress=30)
    AnalysisFactory(resume=second)
    AnalysisFactory()
    body = candidate_client.get(ANALYSES, {"resume_id": str(first.pk)}).json()
    assert [item["job_id"] for item in body["items"]] == [str(mine.pk)]
    item = body["items"][0]
    assert (item["status"], item["progress"], item["error_message"]) == ("parsing", 30, None)
    assert candidate_client.get(ANALYSES).json()["total"] == 2


def test_list_rejects_a_malformed_resume_filter(candidate_client):
    response = candidate_client.get(ANALYSES, {"resume_id": "nope"})
    assert response.status_code == 400
    assert "resume_id" in response.json()["errors"]


def test_list_query_count_does_not_grow(candidate, candidate_client, django_assert_max_num_queries):
    resume = ResumeFactory(owner=candidate)
    for _ in range(6):
        AnalysisFactory(resume=resume)
    with django_assert_max_num_queries(3):
        assert candidate_client.get(ANALYSES).status_code == 200


@pytest.mark.parametrize("state", ["queued", "analyzing", "completed"])
def test_retry_rejects_anything_but_a_failed_analysis(candidate_client, candidate, state):
    analysis = AnalysisFactory(resume=ResumeFactory(owner=candidate), status=state)
    response = candidate_client.post(f"{ANALYSES}/{analysis.pk}/retry")
    assert response.status_code == 400
    assert response.json()["error_code"] == "analysis_not_retryable"
    assert state in response.json()["detail"]


def test_retry_requeues_a_failed_analysis_which_then_completes(
    candidate, candidate_client, run_on_commit
):
    analysis = AnalysisFactory(
        resume=ResumeFactory(owner=candidate),
        status=AnalysisStatus.FAILED,
        progress=30,
        error_message="boom",
    )
    response = candidate_client.post(f"{ANALYSES}/{analysis.pk}/retry")
    assert response.status_code == 202
    assert response.json()["status"] == "queued"
    analysis.refresh_from_db()
    assert (analysis.status, analysis.error_message) == (AnalysisStatus.COMPLETED, "")
    assert analysis.attempts == 1


def stall(analysis, seconds: int) -> None:
    """Pretend the analysis last progressed `seconds` ago."""
    Analysis.objects.filter(pk=analysis.pk).update(
        updated_at=timezone.now() - timedelta(seconds=seconds)
    )


@pytest.mark.parametrize("stale_after", [300, 900])
def test_an_analysis_stuck_without_progress_can_be_retried_and_deleted(
    candidate, candidate_client, run_on_commit, settings, stale_after
):
    settings.JOB_STALE_AFTER_SECONDS = stale_after
    resume = ResumeFactory(owner=candidate)
    stuck = AnalysisFactory(resume=resume, status=AnalysisStatus.PARSING, progress=30)
    recent = AnalysisFactory(resume=resume, status=AnalysisStatus.PARSING, progress=30)
    stall(stuck, seconds=stale_after + 60)
    stall(recent, seconds=stale_after - 60)
    refused = candidate_client.post(f"{ANALYSES}/{recent.pk}/retry")
    assert refused.status_code == 400
    assert f"without progress for {stale_after // 60} minutes" in refused.json()["detail"]
    assert candidate_client.delete(f"{ANALYSES}/{recent.pk}").status_code == 400
    assert candidate_client.post(f"{ANALYSES}/{stuck.pk}/retry").status_code == 202
    stuck.refresh_from_db()
    assert stuck.status == AnalysisStatus.COMPLETED
    stall(recent, seconds=stale_after + 1)
    assert candidate_client.delete(f"{ANALYSES}/{recent.pk}").status_code == 204


@pytest.mark.parametrize("state", ["queued", "extracting_text", "generating_embeddings"])
def test_delete_rejects_an_analysis_still_running(candidate_client, candidate, state):
    analysis = AnalysisFactory(resume=ResumeFactory(owner=candidate), status=state)
    response = candidate_client.delete(f"{ANALYSES}/{analysis.pk}")
    assert response.status_code == 400
    assert response.json()["error_code"] == "analysis_not_deletable"
    assert Analysis.objects.filter(pk=analysis.pk).exists()


@pytest.mark.parametrize("state", ["completed", "failed"])
def test_delete_removes_a_finished_analysis(candidate_client, candidate, state):
    analysis = AnalysisFactory(resume=ResumeFactory(owner=candidate), status=state)
    assert candidate_client.delete(f"{ANALYSES}/{analysis.pk}").status_code == 204
    assert not Analysis.objects.filter(pk=analysis.pk).exists()


def test_a_crash_in_a_step_fails_the_analysis_with_a_readable_message(
    candidate, candidate_client, run_on_commit, monkeypatch
):
    def explode(*args):
        raise RuntimeError("internal detail that must not leak")

    monkeypatch.setattr(analysis_runs, "analyse_resume", explode)
    resume = ResumeFactory(owner=candidate)
    job_id = start(candidate_client, resume_id=str(resume.pk)).json()["job_id"]
    body = candidate_client.get(f"{ANALYSES}/{job_id}").json()
    assert body["status"] == "failed"
    assert body["error_message"] == analysis_runs.UNEXPECTED_FAILURE
    assert body["progress"] == 70
    assert body["result"] is None


def test_transient_errors_are_retried_then_reported(candidate, monkeypatch):
    from resumes.tasks import run_analysis

    calls = []

    def flaky(*args):
        calls.append(1)
        raise OperationalError("database went away")

    monkeypatch.setattr(analysis_runs, "analyse_resume", flaky)
    analysis = AnalysisFactory(resume=ResumeFactory(owner=candidate))
    run_analysis.apply(args=[str(analysis.pk)])
    analysis.refresh_from_db()
    assert len(calls) == run_analysis.max_retries + 1
    assert analysis.status == AnalysisStatus.FAILED
    assert analysis.error_message == GAVE_UP


def test_a_task_for_a_deleted_analysis_returns_quietly(candidate):
    from resumes.tasks import run_analysis

    analysis = AnalysisFactory(resume=ResumeFactory(owner=candidate))
    analysis_id = str(analysis.pk)
    analysis.delete()
    run_analysis.apply(args=[analysis_id], throw=True)
    assert not Analysis.objects.exists()


def completed_analysis(owner, client) -> str:
    resume = ResumeFactory(owner=owner)
    return start(client, resume_id=str(resume.pk), job_description=JOB_DESCRIPTION).json()["job_id"]


def test_export_json_carries_the_result_and_a_file_name(candidate, candidate_client, run_on_commit):
    job_id = completed_analysis(candidate, candidate_client)
    response = candidate_client.get(f"{ANALYSES}/{job_id}/export", {"format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == (
        f'attachment; filename="resume_analysis_{job_id[:8]}.json"'
    )
    assert "ats_score" in json.loads(response.content)


def test_export_csv_has_section_key_value_rows(candidate, candidate_client, run_on_commit):
    job_id = completed_analysis(candidate, candidate_client)
    response = candidate_client.get(f"{ANALYSES}/{job_id}/export", {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["SECTION", "KEY", "VALUE"]
    assert any(row[:2] == ["PERSONAL INFORMATION", "Email"] for row in rows if len(row) == 3)


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF-"), ("docx", b"PK\x03\x04")])
def test_export_documents(candidate, candidate_client, run_on_commit, fmt, magic):
    job_id = completed_analysis(candidate, candidate_client)
    response = candidate_client.get(f"{ANALYSES}/{job_id}/export", {"format": fmt})
    assert response.status_code == 200
    assert response.content.startswith(magic)


def test_export_of_an_unfinished_analysis_is_400(candidate, candidate_client):
    analysis = AnalysisFactory(
        resume=ResumeFactory(owner=candidate), status=AnalysisStatus.ANALYZING, progress=70
    )
    response = candidate_client.get(f"{ANALYSES}/{analysis.pk}/export", {"format": "json"})
    assert response.status_code == 400
    assert response.json()["error_code"] == "analysis_not_completed"


@pytest.mark.parametrize("query", [{}, {"format": "xml"}])
def test_export_needs_a_known_format(candidate, candidate_client, query):
    analysis = AnalysisFactory(resume=ResumeFactory(owner=candidate))
    response = candidate_client.get(f"{ANALYSES}/{analysis.pk}/export", query)
    assert response.status_code == 400
    assert "format" in response.json()["errors"]


@pytest.mark.parametrize(
    ("method", "suffix"),
    [("get", ""), ("delete", ""), ("post", "/retry"), ("get", "/export?format=json")],
)
@pytest.mark.parametrize("other", ["colleague", "outsider"])
def test_another_users_analysis_is_not_found(request, owner, other, method, suffix):
    resume = ResumeFactory(owner=owner)
    analysis = AnalysisFactory(resume=resume, status=AnalysisStatus.FAILED)
    client = client_for(request.getfixturevalue(other))
    response = getattr(client, method)(f"{ANALYSES}/{analysis.pk}{suffix}")
    assert response.status_code == 404
    analysis.refresh_from_db()
    assert analysis.status == AnalysisStatus.FAILED


def test_nobody_can_analyse_another_users_resume(owner, outsider):
    resume = ResumeFactory(owner=owner)
    assert start(client_for(outsider), resume_id=str(resume.pk)).status_code == 404
    assert not Analysis.objects.exists()
