"""Bulk move and bulk reject: all or nothing, a history row each, a 404 for anyone else's
applicant, a 409 when someone moved one meanwhile, and a constant number of queries."""

import pytest

from ats.errors import BulkStageMoveNotAllowed, RejectReasonRequired, StageChangedMeanwhile
from ats.models import Application, StageChange
from ats.services.pipeline import (
    application_move_stage,
    applications_bulk_move,
    applications_bulk_reject,
)
from ats.stages import Stage
from tests.accounts.factories import RecruiterFactory
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

BULK_MOVE = "/api/v1/ats/bulk-move"
BULK_REJECT = "/api/v1/ats/bulk-reject"


@pytest.fixture
def job():
    return JobFactory()


def _ids(applications):
    return [str(application.pk) for application in applications]


def _stages(applications):
    return [Application.objects.get(pk=application.pk).stage for application in applications]


def _moves(applications):
    return StageChange.objects.filter(application__in=applications, from_stage__gt="").order_by(
        "id"
    )


# --- Service ----------------------------------------------------------------------------------


def test_a_bulk_move_moves_every_one_with_a_history_row_each(job):
    applications = ApplicationFactory.create_batch(3, job=job)
    result = applications_bulk_move(
        applications=applications,
        to_stage=Stage.UNDER_REVIEW,
        actor=job.owner,
        note="First screen",
    )
    assert result == {"stage": "under_review", "moved": 3, "application_ids": _ids(applications)}
    assert _stages(applications) == ["under_review"] * 3
    rows = list(_moves(applications))
    assert len(rows) == 3
    assert {(row.from_stage, row.to_stage, row.actor, row.note) for row in rows} == {
        ("applied", "under_review", job.owner, "First screen")
    }
    assert all(application.stage == Stage.UNDER_REVIEW for application in applications)


def test_a_bulk_move_from_several_stages_to_one(job):
    applied = ApplicationFactory(job=job)
    interviewed = ApplicationFactory(job=job, stage=Stage.INTERVIEWED)
    applications_bulk_move(
        applications=[applied, interviewed], to_stage=Stage.REJECTED, actor=job.owner
    )
    assert _stages([applied, interviewed]) == ["rejected", "rejected"]
    assert sorted(row.from_stage for row in _moves([applied, interviewed])) == [
        "applied",
        "interviewed",
    ]


def test_one_that_cannot_move_stops_them_all_and_is_named(job):
    fine = ApplicationFactory(job=job, stage=Stage.INTERVIEWED)
    hired = ApplicationFactory(job=job, stage=Stage.HIRED)
    applied = ApplicationFactory(job=job)
    with pytest.raises(BulkStageMoveNotAllowed) as refused:
        applications_bulk_move(
            applications=[fine, hired, applied], to_stage=Stage.OFFER, actor=job.owner
        )
    errors = refused.value.errors
    assert set(errors) == {str(hired.pk), str(applied.pk)}
    assert "final" in errors[str(hired.pk)][0]
    assert "under_review, rejected" in errors[str(applied.pk)][0]
    assert _stages([fine, hired, applied]) == ["interviewed", "hired", "applied"]
    assert not _moves([fine, hired, applied]).exists()


def test_a_race_loser_in_a_bulk_move_undoes_the_whole_move(job):
    first, second = ApplicationFactory.create_batch(2, job=job)
    stale_second = Application.objects.get(pk=second.pk)
    application_move_stage(application=second, to_stage=Stage.REJECTED, actor=job.owner)
    with pytest.raises(StageChangedMeanwhile):
        applications_bulk_move(
            applications=[first, stale_second], to_stage=Stage.UNDER_REVIEW, actor=job.owner
        )
    assert _stages([first, second]) == ["applied", "rejected"]
    assert [row.to_stage for row in _moves([first, second])] == ["rejected"]


def test_the_same_application_twice_moves_once(job):
    application = ApplicationFactory(job=job)
    result = applications_bulk_move(
        applications=[application, Application.objects.get(pk=application.pk)],
        to_stage=Stage.UNDER_REVIEW,
        actor=job.owner,
    )
    assert result["moved"] == 1
    assert _moves([application]).count() == 1


def test_a_bulk_reject_needs_a_reason(job):
    application = ApplicationFactory(job=job)
    with pytest.raises(RejectReasonRequired):
        applications_bulk_reject(applications=[application], actor=job.owner, reason="  ")
    assert _stages([application]) == ["applied"]


def test_a_bulk_reject_keeps_the_reason_as_the_note(job):
    applications = ApplicationFactory.create_batch(2, job=job)
    applications_bulk_reject(applications=applications, actor=job.owner, reason="Role filled")
    assert _stages(applications) == ["rejected", "rejected"]
    assert {row.note for row in _moves(applications)} == {"Role filled"}


def test_nobody_bulk_withdraws_for_the_applicants(job):
    application = ApplicationFactory(job=job)
    with pytest.raises(BulkStageMoveNotAllowed) as refused:
        applications_bulk_move(
            applications=[application], to_stage=Stage.WITHDRAWN, actor=job.owner
        )
    assert "Only the applicant" in refused.value.errors[str(application.pk)][0]


# --- API --------------------------------------------------------------------------------------


def test_the_bulk_move_api_moves_them_all(job):
    applications = ApplicationFactory.create_batch(3, job=job)
    response = client_for(job.owner).post(
        BULK_MOVE,
        {"application_ids": _ids(applications), "stage": "under_review", "note": "Batch"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json() == {
        "stage": "under_review",
        "moved": 3,
        "application_ids": _ids(applications),
    }
    assert _stages(applications) == ["under_review"] * 3


def test_the_bulk_move_api_lists_each_refusal_and_moves_none(job):
    fine = ApplicationFactory(job=job)
    hired = ApplicationFactory(job=job, stage=Stage.HIRED)
    response = client_for(job.owner).post(
        BULK_MOVE,
        {"application_ids": _ids([fine, hired]), "stage": "under_review"},
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["error_code"] == "bulk_move_not_allowed"
    assert body["detail"] == "1 application cannot make this move; none was moved."
    assert list(body["errors"]) == [str(hired.pk)]
    assert _stages([fine, hired]) == ["applied", "hired"]


def test_the_bulk_move_api_is_a_409_and_moves_none_when_one_moved_meanwhile(job, monkeypatch):
    first, second = ApplicationFactory.create_batch(2, job=job)
    from ats.api import pipeline as api

    real_managed = api._managed

    def managed_then_someone_moves(user, ids):
        loaded = real_managed(user, ids)
        Application.objects.filter(pk=second.pk).update(stage=Stage.REJECTED)
        return loaded

    monkeypatch.setattr(api, "_managed", managed_then_someone_moves)
    response = client_for(job.owner).post(
        BULK_MOVE,
        {"application_ids": _ids([first, second]), "stage": "under_review"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["error_code"] == "stage_changed_meanwhile"
    assert _stages([first, second]) == ["applied", "rejected"]
    assert not _moves([first, second]).exists()


def test_another_recruiters_applicant_in_the_list_is_a_404_and_moves_none(job):
    mine = ApplicationFactory(job=job)
    theirs = ApplicationFactory(job=JobFactory(owner=RecruiterFactory()))
    response = client_for(job.owner).post(
        BULK_MOVE, {"application_ids": _ids([mine, theirs]), "stage": "under_review"}, format="json"
    )
    assert response.status_code == 404
    body = response.json()
    assert body["error_code"] == "application_not_found"
    assert str(theirs.pk) in body["detail"]
    assert str(mine.pk) not in body["detail"]
    assert _stages([mine, theirs]) == ["applied", "applied"]


@pytest.mark.parametrize(
    "payload",
    [
        {"stage": "under_review"},
        {"application_ids": [], "stage": "under_review"},
        {"application_ids": ["nope"], "stage": "under_review"},
        {"application_ids": ["00000000-0000-0000-0000-000000000001"], "stage": "promoted"},
        {
            "application_ids": [f"00000000-0000-0000-0000-{n:012d}" for n in range(201)],
            "stage": "under_review",
        },
    ],
    ids=["no ids", "empty", "not uuids", "unknown stage", "over 200"],
)
def test_malformed_bulk_moves_are_400(recruiter_client, payload):
    response = recruiter_client.post(BULK_MOVE, payload, format="json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"


def test_the_bulk_reject_api_rejects_with_the_reason(job):
    applications = ApplicationFactory.create_batch(2, job=job)
    response = client_for(job.owner).post(
        BULK_REJECT,
        {"application_ids": _ids(applications), "reason": "Needs more Kubernetes"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["stage"] == "rejected"
    assert {row.note for row in _moves(applications)} == {"Needs more Kubernetes"}


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_the_bulk_reject_api_needs_a_reason(job, reason):
    application = ApplicationFactory(job=job)
    payload = {"application_ids": _ids([application])}
    if reason is not None:
        payload["reason"] = reason
    response = client_for(job.owner).post(BULK_REJECT, payload, format="json")
    assert response.status_code == 400
    assert "reason" in response.json()["errors"]
    assert _stages([application]) == ["applied"]


def test_a_bulk_reject_with_an_already_rejected_one_rejects_none(job):
    open_one = ApplicationFactory(job=job)
    rejected = ApplicationFactory(job=job, stage=Stage.REJECTED)
    response = client_for(job.owner).post(
        BULK_REJECT, {"application_ids": _ids([open_one, rejected]), "reason": "No"}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [str(rejected.pk)]
    assert _stages([open_one, rejected]) == ["applied", "rejected"]


@pytest.mark.parametrize("count", [5, 50])
def test_a_bulk_move_takes_a_constant_number_of_queries(job, count, django_assert_max_num_queries):
    applications = ApplicationFactory.create_batch(count, job=job)
    Application.objects.filter(pk__in=[a.pk for a in applications[::2]]).update(
        stage=Stage.UNDER_REVIEW
    )
    client = client_for(job.owner)
    # Authentication, the applications, savepoint and release, one update per source stage,
    # one insert of the history rows.
    with django_assert_max_num_queries(8):
        response = client.post(
            BULK_REJECT, {"application_ids": _ids(applications), "reason": "Closed"}, format="json"
        )
    assert response.status_code == 200
    assert response.json()["moved"] == count
