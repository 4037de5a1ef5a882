"""The pipeline board API: its shape and counts, who may read it, and a constant number of
queries whatever the number of applicants."""

import pytest

from ats.stages import FUNNEL, Stage
from tests.accounts.factories import DomainExpertFactory, RecruiterFactory
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

PIPELINE = "/api/v1/ats/pipeline"
MOVE = "/api/v1/ats/move-stage"
BOARD_ORDER = [*FUNNEL, Stage.REJECTED, Stage.WITHDRAWN]


@pytest.fixture
def job():
    return JobFactory(title="Platform Engineer", company="Acme Pay")


def _board(user, job, **params):
    return client_for(user).get(PIPELINE, {"job_id": job.pk, **params})


def test_the_board_lists_every_stage_in_funnel_order_with_counts_and_cards(job):
    low = ApplicationFactory(job=job, fit_score=40)
    high = ApplicationFactory(job=job, fit_score=90)
    unscored = ApplicationFactory(job=job, fit_score=None)
    ApplicationFactory.create_batch(2, job=job, stage=Stage.INTERVIEWED, fit_score=70)
    ApplicationFactory(job=job, stage=Stage.REJECTED)
    ApplicationFactory()  # another job's applicant

    response = _board(job.owner, job)

    assert response.status_code == 200
    body = response.json()
    assert body["job"] == {
        "id": job.pk,
        "title": "Platform Engineer",
        "company": "Acme Pay",
        "location": job.location,
        "status": "open",
    }
    assert body["total"] == 6
    assert [column["stage"] for column in body["stages"]] == BOARD_ORDER
    counts = {column["stage"]: column["count"] for column in body["stages"]}
    assert counts == {
        **dict.fromkeys(BOARD_ORDER, 0),
        "applied": 3,
        "interviewed": 2,
        "rejected": 1,
    }
    applied = body["stages"][0]
    assert applied["label"] == "Applied"
    # Best fit first; no score last.
    assert [card["id"] for card in applied["cards"]] == [
        str(high.pk),
        str(low.pk),
        str(unscored.pk),
    ]
    card = applied["cards"][0]
    assert card["name"] == high.applicant_name
    assert card["fit_score"] == 90
    assert card["days_in_stage"] == 0
    assert card["source"] == "job_board"
    assert card["is_registered"] is True
    assert card["allowed_next"] == ["under_review", "rejected"]
    assert "stage_changed_at" in card
    rejected = body["stages"][BOARD_ORDER.index(Stage.REJECTED)]
    assert rejected["cards"][0]["allowed_next"] == ["under_review"]


def test_days_in_stage_count_from_the_last_move(job):
    from datetime import timedelta

    from django.utils import timezone

    from ats.models import Application

    application = ApplicationFactory(job=job)
    Application.objects.filter(pk=application.pk).update(
        stage_changed_at=timezone.now() - timedelta(days=9, hours=2)
    )
    card = _board(job.owner, job).json()["stages"][0]["cards"][0]
    assert card["days_in_stage"] == 9


def test_per_stage_limits_the_cards_not_the_counts(job):
    for score in (10, 20, 30, 40):
        ApplicationFactory(job=job, fit_score=score)
    applied = _board(job.owner, job, per_stage=2).json()["stages"][0]
    assert applied["count"] == 4
    assert [card["fit_score"] for card in applied["cards"]] == [40, 30]


def test_an_empty_job_has_every_column_empty(job):
    body = _board(job.owner, job).json()
    assert body["total"] == 0
    assert all(column["count"] == 0 and column["cards"] == [] for column in body["stages"])


def test_the_board_needs_a_job_id(recruiter_client):
    response = recruiter_client.get(PIPELINE)
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    assert "job_id" in response.json()["errors"]


@pytest.mark.parametrize("per_stage", [0, 201, "many"])
def test_per_stage_is_checked(job, per_stage):
    assert _board(job.owner, job, per_stage=per_stage).status_code == 400


def test_another_recruiters_job_is_a_404(job):
    ApplicationFactory(job=job)
    response = _board(RecruiterFactory(), job)
    assert response.status_code == 404
    assert response.json()["error_code"] == "job_not_found"


def test_a_domain_expert_who_does_not_own_the_job_gets_a_404(job):
    assert _board(DomainExpertFactory(), job).status_code == 404


def test_a_job_that_does_not_exist_is_a_404(recruiter):
    assert client_for(recruiter).get(PIPELINE, {"job_id": 999999}).status_code == 404


def test_an_admin_sees_any_board(job, admin_user):
    ApplicationFactory(job=job)
    response = _board(admin_user, job)
    assert response.status_code == 200
    assert response.json()["total"] == 1


def test_candidates_may_not_use_the_pipeline(job, candidate_client):
    application = ApplicationFactory(job=job)
    assert candidate_client.get(PIPELINE, {"job_id": job.pk}).status_code == 403
    moved = candidate_client.post(
        MOVE, {"application_id": str(application.pk), "stage": "under_review"}
    )
    assert moved.status_code == 403
    for path in ("/api/v1/ats/bulk-move", "/api/v1/ats/bulk-reject"):
        assert candidate_client.post(path, {}, format="json").status_code == 403


def test_the_applicant_themselves_may_not_move_their_application_here(job):
    application = ApplicationFactory(job=job)
    response = client_for(application.candidate).post(
        MOVE, {"application_id": str(application.pk), "stage": "under_review"}
    )
    assert response.status_code == 403


def test_anonymous_callers_are_401(api_client, job):
    assert api_client.get(PIPELINE, {"job_id": job.pk}).status_code == 401


@pytest.mark.parametrize("count", [5, 50])
def test_the_board_reads_a_constant_number_of_queries(job, count, django_assert_max_num_queries):
    stages = [Stage.APPLIED, Stage.UNDER_REVIEW, Stage.OFFER, Stage.REJECTED, Stage.HIRED]
    for index in range(count):
        ApplicationFactory(job=job, stage=stages[index % len(stages)], fit_score=index)
    client = client_for(job.owner)
    # Authentication (1), the job, the counts, the cards.
    with django_assert_max_num_queries(4):
        response = client.get(PIPELINE, {"job_id": job.pk})
    assert response.json()["total"] == count


# --- Single move ------------------------------------------------------------------------------


def test_moving_another_recruiters_application_is_a_404_and_changes_nothing(job):
    application = ApplicationFactory(job=job)
    response = client_for(RecruiterFactory()).post(
        MOVE, {"application_id": str(application.pk), "stage": "under_review"}
    )
    assert response.status_code == 404
    assert response.json()["error_code"] == "application_not_found"
    application.refresh_from_db()
    assert application.stage == Stage.APPLIED


def test_an_admin_may_move_any_application(job, admin_user):
    application = ApplicationFactory(job=job)
    response = client_for(admin_user).post(
        MOVE, {"application_id": str(application.pk), "stage": "under_review"}
    )
    assert response.status_code == 200
    assert response.json()["change"]["actor"]["id"] == admin_user.pk


def test_a_refused_move_names_the_allowed_stages(job):
    application = ApplicationFactory(job=job)
    response = client_for(job.owner).post(
        MOVE, {"application_id": str(application.pk), "stage": "hired"}
    )
    assert response.status_code == 400
    body = response.json()
    assert body["error_code"] == "stage_move_not_allowed"
    assert "from applied to hired" in body["detail"]
    assert "under_review, rejected" in body["detail"]


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"application_id": "not-a-uuid", "stage": "under_review"},
        {"stage": "under_review"},
        {"application_id": "00000000-0000-0000-0000-000000000000", "stage": "promoted"},
        {
            "application_id": "00000000-0000-0000-0000-000000000000",
            "stage": "offer",
            "note": "x" * 2001,
        },
    ],
)
def test_malformed_moves_are_400(recruiter_client, payload):
    response = recruiter_client.post(MOVE, payload, format="json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"


def test_the_move_response_carries_where_it_may_go_next(job):
    application = ApplicationFactory(job=job)
    body = (
        client_for(job.owner)
        .post(MOVE, {"application_id": str(application.pk), "stage": "under_review"})
        .json()
    )
    assert body["application"]["allowed_next"] == [
        "interview_scheduled",
        "offer",
        "rejected",
    ]
    assert body["change"]["from_stage"] == "applied"
