"""Every stage move, allowed or not, through the service and the API; a history row for each
move; two people moving one application at once (one wins, the other gets a 409)."""

import threading
from itertools import product

import pytest
from django.db import connection, connections

from ats.errors import StageChangedMeanwhile, StageMoveNotAllowed
from ats.models import Application, StageChange
from ats.services.pipeline import application_move_stage
from ats.stages import ALLOWED_TRANSITIONS, Stage
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

GRID = list(product(Stage.values, Stage.values))
MOVE = "/api/v1/ats/move-stage"


def _grid_id(pair):
    return f"{pair[0]}->{pair[1]}"


def _allowed(from_stage, to_stage) -> bool:
    return to_stage in ALLOWED_TRANSITIONS[from_stage]


def _history(application):
    return list(StageChange.objects.filter(application=application).order_by("created_at", "id"))


# --- The whole grid through the service ----------------------------------------------------


@pytest.mark.parametrize("pair", GRID, ids=_grid_id)
def test_every_move_through_the_service_follows_the_table(pair):
    from_stage, to_stage = pair
    application = ApplicationFactory(stage=from_stage)
    # Withdrawing is the applicant's move; every other move is the recruiter's.
    actor = application.candidate if to_stage == Stage.WITHDRAWN else application.job.owner
    before = len(_history(application))
    if _allowed(from_stage, to_stage):
        change = application_move_stage(
            application=application, to_stage=to_stage, actor=actor, note="why"
        )
        application.refresh_from_db()
        assert application.stage == to_stage
        assert (change.from_stage, change.to_stage, change.actor, change.note) == (
            from_stage,
            to_stage,
            actor,
            "why",
        )
        assert len(_history(application)) == before + 1
    else:
        with pytest.raises(StageMoveNotAllowed) as refused:
            application_move_stage(application=application, to_stage=to_stage, actor=actor)
        assert f"from {from_stage} to {to_stage}" in str(refused.value.detail)
        application.refresh_from_db()
        assert application.stage == from_stage
        assert len(_history(application)) == before


def test_an_unknown_stage_is_refused():
    application = ApplicationFactory()
    with pytest.raises(StageMoveNotAllowed):
        application_move_stage(
            application=application, to_stage="promoted", actor=application.job.owner
        )


@pytest.mark.parametrize(
    "from_stage", [stage for stage in Stage.values if _allowed(stage, Stage.WITHDRAWN)]
)
def test_only_the_applicant_withdraws(from_stage):
    application = ApplicationFactory(stage=from_stage)
    with pytest.raises(StageMoveNotAllowed) as refused:
        application_move_stage(
            application=application, to_stage=Stage.WITHDRAWN, actor=application.job.owner
        )
    assert "Only the applicant can withdraw" in str(refused.value.detail)
    assert Stage.WITHDRAWN not in str(refused.value.detail).split("Allowed:")[1]


# --- The whole grid through the API ---------------------------------------------------------


@pytest.mark.parametrize("pair", GRID, ids=_grid_id)
def test_every_move_through_the_api_follows_the_table(pair):
    from_stage, to_stage = pair
    application = ApplicationFactory(stage=from_stage)
    recruiter = application.job.owner
    response = client_for(recruiter).post(
        MOVE,
        {"application_id": str(application.pk), "stage": to_stage, "note": "Strong portfolio"},
        format="json",
    )
    application.refresh_from_db()
    recruiter_may = _allowed(from_stage, to_stage) and to_stage != Stage.WITHDRAWN
    if recruiter_may:
        assert response.status_code == 200, response.json()
        body = response.json()
        assert body["application"]["id"] == str(application.pk)
        assert body["application"]["stage"] == to_stage == application.stage
        assert body["change"]["from_stage"] == from_stage
        assert body["change"]["to_stage"] == to_stage
        assert body["change"]["note"] == "Strong portfolio"
        assert body["change"]["actor"]["id"] == recruiter.pk
    else:
        assert response.status_code == 400
        body = response.json()
        assert body["error_code"] == "stage_move_not_allowed"
        allowed = [s for s in ALLOWED_TRANSITIONS[from_stage] if s != Stage.WITHDRAWN]
        for stage in allowed:
            assert stage in body["detail"].split("Allowed:")[1]
        if not allowed:
            assert "final" in body["detail"]
        assert application.stage == from_stage


# --- History --------------------------------------------------------------------------------


def test_each_move_writes_one_history_row_with_who_from_to_and_note():
    application = ApplicationFactory()
    owner = application.job.owner
    client = client_for(owner)
    path = [
        (Stage.UNDER_REVIEW, "CV looks good"),
        (Stage.INTERVIEW_SCHEDULED, "Tuesday 10:00"),
        (Stage.INTERVIEWED, ""),
        (Stage.OFFER, "Offer sent"),
        (Stage.HIRED, "Signed"),
    ]
    for stage, note in path:
        response = client.post(
            MOVE, {"application_id": str(application.pk), "stage": stage, "note": note}
        )
        assert response.status_code == 200
    rows = _history(application)
    assert [(row.from_stage, row.to_stage) for row in rows] == [
        ("", Stage.APPLIED),
        (Stage.APPLIED, Stage.UNDER_REVIEW),
        (Stage.UNDER_REVIEW, Stage.INTERVIEW_SCHEDULED),
        (Stage.INTERVIEW_SCHEDULED, Stage.INTERVIEWED),
        (Stage.INTERVIEWED, Stage.OFFER),
        (Stage.OFFER, Stage.HIRED),
    ]
    assert [row.note for row in rows[1:]] == [note for _, note in path]
    assert all(row.actor == owner for row in rows[1:])
    application.refresh_from_db()
    assert abs((application.stage_changed_at - rows[-1].created_at).total_seconds()) < 1


def test_the_note_is_stored_encrypted():
    application = ApplicationFactory()
    application_move_stage(
        application=application,
        to_stage=Stage.UNDER_REVIEW,
        actor=application.job.owner,
        note="Salary expectations too high",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM ats_stagechange WHERE to_stage = %s", ["under_review"])
        (stored,) = cursor.fetchone()
    assert "Salary" not in stored


# --- Two people at once ---------------------------------------------------------------------


def test_two_moves_from_the_same_view_one_wins_the_other_gets_a_conflict():
    application = ApplicationFactory()
    first = Application.objects.get(pk=application.pk)
    second = Application.objects.get(pk=application.pk)
    owner = application.job.owner
    application_move_stage(application=first, to_stage=Stage.UNDER_REVIEW, actor=owner)
    before = len(_history(application))
    with pytest.raises(StageChangedMeanwhile):
        application_move_stage(application=second, to_stage=Stage.REJECTED, actor=owner)
    application.refresh_from_db()
    assert application.stage == Stage.UNDER_REVIEW
    assert len(_history(application)) == before


def test_the_stage_the_caller_saw_is_an_argument_and_the_loaded_row_is_left_alone():
    application = ApplicationFactory(stage=Stage.UNDER_REVIEW)
    owner = application.job.owner
    with pytest.raises(StageChangedMeanwhile):
        application_move_stage(
            application=application,
            to_stage=Stage.REJECTED,
            actor=owner,
            from_stage=Stage.APPLIED,
        )
    assert application.stage == Stage.UNDER_REVIEW
    change = application_move_stage(
        application=application,
        to_stage=Stage.INTERVIEW_SCHEDULED,
        actor=owner,
        from_stage=Stage.UNDER_REVIEW,
    )
    assert (change.from_stage, application.stage) == (
        Stage.UNDER_REVIEW,
        Stage.INTERVIEW_SCHEDULED,
    )


def test_a_move_not_allowed_from_the_stage_the_caller_saw_is_refused():
    application = ApplicationFactory(stage=Stage.UNDER_REVIEW)
    with pytest.raises(StageMoveNotAllowed, match="from hired to interview_scheduled"):
        application_move_stage(
            application=application,
            to_stage=Stage.INTERVIEW_SCHEDULED,
            actor=application.job.owner,
            from_stage=Stage.HIRED,
        )
    application.refresh_from_db()
    assert application.stage == Stage.UNDER_REVIEW


def test_a_move_from_a_stage_the_client_no_longer_sees_is_a_409_through_the_api():
    application = ApplicationFactory()
    client = client_for(application.job.owner)
    moved = client.post(MOVE, {"application_id": str(application.pk), "stage": "under_review"})
    assert moved.status_code == 200
    stale = client.post(
        MOVE,
        {"application_id": str(application.pk), "stage": "rejected", "from_stage": "applied"},
    )
    assert stale.status_code == 409
    assert stale.json()["error_code"] == "stage_changed_meanwhile"
    application.refresh_from_db()
    assert application.stage == Stage.UNDER_REVIEW
    assert _history(application)[-1].to_stage == Stage.UNDER_REVIEW


@pytest.mark.django_db(transaction=True)
def test_two_recruiters_moving_at_once_in_two_threads():
    """Real concurrency: both read the application, then both move it at the same moment."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite locks the whole file; the row-level race needs PostgreSQL")
    application = ApplicationFactory()
    owner = application.job.owner
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def move(to_stage):
        try:
            mine = Application.objects.get(pk=application.pk)
            barrier.wait(timeout=10)
            application_move_stage(application=mine, to_stage=to_stage, actor=owner)
            outcomes.append("moved")
        except StageChangedMeanwhile:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=move, args=(stage,))
        for stage in (Stage.UNDER_REVIEW, Stage.REJECTED)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["conflict", "moved"]
    application.refresh_from_db()
    rows = _history(application)
    assert len(rows) == 2  # the first row and the winner's
    assert rows[-1].to_stage == application.stage
