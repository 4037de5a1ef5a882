"""Application status, lists and details for the applicant and the job's recruiter, and
withdrawing: the owner sees everything, the applicant their own timeline, others a 404."""

import pytest

from ats.models import StageChange
from ats.services.pipeline import application_move_stage
from ats.stages import Stage
from jobs.models import JobStatus
from tests.accounts.factories import CandidateFactory, RecruiterFactory
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


def detail_url(application) -> str:
    return f"/api/v1/applications/{application.pk}"


@pytest.fixture
def application():
    """Moved on once by the recruiter, with a private note."""
    application = ApplicationFactory(fit_score=71, fit={"matched_skills": ["Python"]})
    application_move_stage(
        application=application,
        to_stage=Stage.UNDER_REVIEW,
        actor=application.job.owner,
        note="Strong API background; salary may be an issue.",
    )
    return application


# --- Application status -------------------------------------------------------------------


def test_status_says_whether_the_user_applied(application):
    client = client_for(application.candidate)
    body = client.get(f"/api/v1/jobs/{application.job_id}/application-status").json()
    assert body == {
        "applied": True,
        "application_id": str(application.pk),
        "stage": "under_review",
    }
    other_job = JobFactory()
    body = client.get(f"/api/v1/jobs/{other_job.pk}/application-status").json()
    assert body == {"applied": False, "application_id": None, "stage": None}


def test_status_counts_an_anonymous_application_with_the_users_email(candidate):
    job = JobFactory()
    ApplicationFactory(
        job=job, resume=None, candidate=None, applicant_name="X", applicant_email=candidate.email
    )
    body = client_for(candidate).get(f"/api/v1/jobs/{job.pk}/application-status").json()
    assert body == {"applied": True, "application_id": None, "stage": "applied"}


def test_status_needs_a_signed_in_user_and_a_visible_job(api_client, candidate_client):
    job = JobFactory()
    assert api_client.get(f"/api/v1/jobs/{job.pk}/application-status").status_code == 401
    draft = JobFactory(status=JobStatus.DRAFT)
    response = candidate_client.get(f"/api/v1/jobs/{draft.pk}/application-status")
    assert response.status_code == 404


# --- A job's applications (recruiter) -----------------------------------------------------


def test_the_job_owner_lists_applications_best_fit_first(django_assert_max_num_queries):
    job = JobFactory()
    low = ApplicationFactory(job=job, fit_score=40)
    high = ApplicationFactory(job=job, fit_score=90)
    unscored = ApplicationFactory(job=job, fit_score=None)
    ApplicationFactory(fit_score=99)  # another job
    client = client_for(job.owner)
    with django_assert_max_num_queries(4):
        response = client.get(f"/api/v1/jobs/{job.pk}/applications")
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 3
    assert [item["id"] for item in body["items"]] == [str(high.pk), str(low.pk), str(unscored.pk)]
    item = body["items"][0]
    assert item["applicant_name"] == high.applicant_name
    assert item["applicant_email"].startswith(high.applicant_email[0] + "***@")
    assert item["is_registered"] is True
    assert "phone" not in item and "cover_letter" not in item and "history" not in item


def test_the_job_list_has_constant_queries(django_assert_max_num_queries):
    job = JobFactory()
    for _ in range(8):
        ApplicationFactory(job=job)
    client = client_for(job.owner)
    with django_assert_max_num_queries(4):
        assert client.get(f"/api/v1/jobs/{job.pk}/applications").status_code == 200


def test_the_job_list_filters_by_stage(application):
    ApplicationFactory(job=application.job)
    client = client_for(application.job.owner)
    body = client.get(f"/api/v1/jobs/{application.job_id}/applications?stage=under_review").json()
    assert [item["id"] for item in body["items"]] == [str(application.pk)]
    response = client.get(f"/api/v1/jobs/{application.job_id}/applications?stage=nope")
    assert response.status_code == 400


def test_anyone_but_the_owner_gets_404_for_a_jobs_applications(application, admin_user):
    url = f"/api/v1/jobs/{application.job_id}/applications"
    for outsider in (RecruiterFactory(), application.candidate, CandidateFactory()):
        response = client_for(outsider).get(url)
        assert response.status_code == 404
        assert response.json()["error_code"] == "job_not_found"
    assert client_for(admin_user).get(url).json()["total"] == 1


# --- Lists -----------------------------------------------------------------------------------


def test_a_candidate_lists_their_own_applications(application, django_assert_max_num_queries):
    candidate = application.candidate
    mine = ApplicationFactory(resume__owner=candidate)
    ApplicationFactory()
    client = client_for(candidate)
    with django_assert_max_num_queries(4):
        body = client.get("/api/v1/applications").json()
    assert [item["id"] for item in body["items"]] == [str(mine.pk), str(application.pk)]
    assert body["items"][1]["stage"] == "under_review"
    assert body["items"][1]["job"]["title"] == application.job.title


def test_a_recruiter_lists_applications_to_their_jobs(application, django_assert_max_num_queries):
    recruiter = application.job.owner
    other = ApplicationFactory(job=JobFactory(owner=recruiter))
    ApplicationFactory()  # another recruiter's job
    client = client_for(recruiter)
    for _ in range(5):
        ApplicationFactory(job=application.job)
    with django_assert_max_num_queries(4):
        body = client.get("/api/v1/applications").json()
    assert body["total"] == 7
    ids = {item["id"] for item in body["items"]}
    assert {str(application.pk), str(other.pk)} <= ids
    only_job = client.get(f"/api/v1/applications?job_id={other.job_id}").json()
    assert [item["id"] for item in only_job["items"]] == [str(other.pk)]
    by_stage = client.get("/api/v1/applications?stage=under_review").json()
    assert [item["id"] for item in by_stage["items"]] == [str(application.pk)]


def test_a_recruiter_can_ask_for_their_own_applications(recruiter):
    job = JobFactory()
    own = ApplicationFactory(job=job, resume__owner=recruiter)
    ApplicationFactory(job=JobFactory(owner=recruiter))
    client = client_for(recruiter)
    body = client.get("/api/v1/applications?as=candidate").json()
    assert [item["id"] for item in body["items"]] == [str(own.pk)]
    assert client.get("/api/v1/applications?as=recruiter").json()["total"] == 1


def test_a_candidate_cannot_ask_for_the_recruiter_list(candidate_client):
    assert candidate_client.get("/api/v1/applications?as=recruiter").status_code == 403
    assert candidate_client.get("/api/v1/applications?as=boss").status_code == 400


def test_lists_need_a_signed_in_user(api_client):
    assert api_client.get("/api/v1/applications").status_code == 401


# --- Detail ----------------------------------------------------------------------------------


def test_the_applicant_sees_their_timeline_without_notes_or_actors(application):
    body = client_for(application.candidate).get(detail_url(application)).json()
    assert body["view"] == "candidate"
    assert body["stage"] == "under_review"
    assert [(row["from_stage"], row["to_stage"]) for row in body["history"]] == [
        ("", "applied"),
        ("applied", "under_review"),
    ]
    assert all(set(row) == {"from_stage", "to_stage", "at"} for row in body["history"])
    assert "salary" not in str(body)
    assert body["can_withdraw"] is True
    assert "allowed_stages" not in body


def test_the_recruiter_sees_everything_with_contact_details(application):
    body = client_for(application.job.owner).get(detail_url(application)).json()
    assert body["view"] == "recruiter"
    assert body["applicant"]["email"] == application.applicant_email
    assert body["history"][1]["note"] == "Strong API background; salary may be an issue."
    assert body["history"][1]["actor"] == {
        "id": application.job.owner.pk,
        "name": application.job.owner.name,
    }
    assert body["profile"]["personal_info"]["email"] == "jane.doe@example.com"
    assert "withdrawn" not in body["allowed_stages"]
    assert "interview_scheduled" in body["allowed_stages"]
    assert body["fit_score"] == 71


def test_everyone_else_gets_404_on_the_detail(application):
    for outsider in (RecruiterFactory(), CandidateFactory()):
        client = client_for(outsider)
        response = client.get(detail_url(application))
        assert response.status_code == 404
        assert response.json()["error_code"] == "application_not_found"
        assert client.patch(detail_url(application), {"stage": "withdrawn"}).status_code == 404


def test_the_admin_gets_the_recruiter_view(application, admin_user):
    assert client_for(admin_user).get(detail_url(application)).json()["view"] == "recruiter"


# --- Changes through PATCH -------------------------------------------------------------------


def test_the_applicant_withdraws_with_a_note(application):
    client = client_for(application.candidate)
    response = client.patch(
        detail_url(application),
        {"stage": "withdrawn", "note": "Took another offer."},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["stage"] == "withdrawn"
    assert response.json()["can_withdraw"] is False
    row = StageChange.objects.filter(application=application).last()
    assert (row.from_stage, row.to_stage, row.actor) == (
        "under_review",
        "withdrawn",
        application.candidate,
    )
    assert row.note == "Took another offer."
    again = client.patch(detail_url(application), {"stage": "withdrawn"}, format="json")
    assert again.status_code == 400
    assert again.json()["error_code"] == "stage_move_not_allowed"


def test_the_applicant_may_not_move_their_application_otherwise(application):
    response = client_for(application.candidate).patch(
        detail_url(application), {"stage": "offer"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "candidate_may_only_withdraw"
    assert response.json()["errors"] == {"stage": [response.json()["detail"]]}


def test_the_recruiter_cannot_withdraw_for_the_candidate(application):
    response = client_for(application.job.owner).patch(
        detail_url(application), {"stage": "withdrawn"}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["error_code"] == "withdraw_by_candidate_only"
    application.refresh_from_db()
    assert application.stage == "under_review"


def test_the_recruiter_moves_it_with_a_note(application):
    client = client_for(application.job.owner)
    response = client.patch(
        detail_url(application),
        {"stage": "interview_scheduled", "note": "Tuesday 10:00"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["stage"] == "interview_scheduled"
    assert response.json()["history"][-1]["note"] == "Tuesday 10:00"
    refused = client.patch(detail_url(application), {"stage": "hired"}, format="json")
    assert refused.status_code == 400
    assert refused.json()["error_code"] == "stage_move_not_allowed"
    assert "interviewed" in refused.json()["detail"]


def test_patch_accepts_only_stage_and_note(application):
    client = client_for(application.job.owner)
    response = client.patch(
        detail_url(application), {"stage": "under_review", "fit_score": 100}, format="json"
    )
    assert response.status_code == 400
    assert "fit_score" in response.json()["errors"]
    assert client.patch(detail_url(application), {}, format="json").status_code == 400
