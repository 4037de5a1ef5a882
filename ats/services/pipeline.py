"""Moving applications through the pipeline: only allowed moves, each with its history row.

A move the candidate should hear about (ats.stages.CANDIDATE_NOTIFIED) sends them an email
and a socket notification once the transaction commits (ats.tasks.send_stage_email).
Withdrawing is the applicant's own move: anyone else rejects instead.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from ats.errors import (
    BulkStageMoveNotAllowed,
    RejectReasonRequired,
    StageChangedMeanwhile,
    StageMoveNotAllowed,
)
from ats.models import Application, StageChange
from ats.stages import CANDIDATE_NOTIFIED, Stage, allowed_next, recruiter_next_stages
from ats.tasks import send_stage_email
from core.outbox import outbox_enqueue_many

MAX_BULK = 200


def _is_applicant(application: Application, actor) -> bool:
    if actor is None or application.candidate_id is None:
        return False
    return actor.pk == application.candidate_id


def stages_allowed_for(
    *, application: Application, actor, from_stage: str | None = None
) -> tuple[str, ...]:
    """Where `actor` may move the application from `from_stage` (default: its stage)."""
    from_stage = from_stage or application.stage
    if _is_applicant(application, actor):
        return allowed_next(from_stage)
    return recruiter_next_stages(from_stage)


def _refusal(application: Application, from_stage: str, to_stage: str, actor) -> str | None:
    """Why `actor` cannot move the application from `from_stage` to `to_stage`, or None."""
    allowed = stages_allowed_for(application=application, actor=actor, from_stage=from_stage)
    if to_stage in allowed:
        return None
    listed = ", ".join(allowed) or "none (this stage is final)"
    if to_stage == Stage.WITHDRAWN and Stage.WITHDRAWN in allowed_next(from_stage):
        return (
            f"Only the applicant can withdraw an application; reject it instead. Allowed: {listed}."
        )
    return f"An application cannot move from {from_stage} to {to_stage}. Allowed: {listed}."


def _notify_after_commit(changes: Iterable[StageChange]) -> None:
    notified = [(change.pk,) for change in changes if change.to_stage in CANDIDATE_NOTIFIED]
    if notified:
        outbox_enqueue_many(send_stage_email, notified)


@transaction.atomic
def application_move_stage(
    *,
    application: Application,
    to_stage: str,
    actor,
    note: str = "",
    from_stage: str | None = None,
) -> StageChange:
    """Move from the stage the caller saw to `to_stage`, and record who, when and why.

    `from_stage` is the stage the caller saw (default: the application's as loaded). The
    update is conditional on it: when two people move one application at once, one wins and
    the other gets StageChangedMeanwhile (409). After the commit the candidate hears about
    the moves that concern them.
    """
    from_stage = from_stage or application.stage
    refusal = _refusal(application, from_stage, to_stage, actor)
    if refusal is not None:
        raise StageMoveNotAllowed(refusal)
    now = timezone.now()
    moved = Application.objects.filter(pk=application.pk, stage=from_stage).update(
        stage=to_stage, stage_changed_at=now, updated_at=now
    )
    if not moved:
        raise StageChangedMeanwhile()
    application.stage, application.stage_changed_at, application.updated_at = to_stage, now, now
    change = StageChange.objects.create(
        application=application, from_stage=from_stage, to_stage=to_stage, actor=actor, note=note
    )
    _notify_after_commit([change])
    return change


@transaction.atomic
def applications_bulk_move(
    *, applications: list[Application], to_stage: str, actor, note: str = ""
) -> dict:
    """Move every application to `to_stage`, or none of them.

    All are checked first (BulkStageMoveNotAllowed lists each one that cannot move and why);
    then one conditional update per stage they come from. If anyone moved one of them
    meanwhile, StageChangedMeanwhile (409) and nothing is moved. A constant number of
    queries, whatever the number of applications.
    """
    applications = list({application.pk: application for application in applications}.values())
    refusals = {
        str(application.pk): [refusal]
        for application in applications
        if (refusal := _refusal(application, application.stage, to_stage, actor)) is not None
    }
    if refusals:
        raise BulkStageMoveNotAllowed(refusals)
    now = timezone.now()
    by_stage: dict[str, list[Application]] = defaultdict(list)
    for application in applications:
        by_stage[application.stage].append(application)
    for from_stage, group in by_stage.items():
        moved = Application.objects.filter(
            pk__in=[application.pk for application in group], stage=from_stage
        ).update(stage=to_stage, stage_changed_at=now, updated_at=now)
        if moved != len(group):
            raise StageChangedMeanwhile(
                "Someone moved some of these applications meanwhile; none was moved. "
                "Reload and try again."
            )
    changes = StageChange.objects.bulk_create(
        StageChange(
            application=application,
            from_stage=application.stage,
            to_stage=to_stage,
            actor=actor,
            note=note,
        )
        for application in applications
    )
    for application in applications:
        application.stage, application.stage_changed_at, application.updated_at = (
            to_stage,
            now,
            now,
        )
    _notify_after_commit(changes)
    return {
        "stage": to_stage,
        "moved": len(applications),
        "application_ids": [str(application.pk) for application in applications],
    }


def applications_bulk_reject(*, applications: list[Application], actor, reason: str) -> dict:
    """Reject every application with one reason (kept as each history row's note), or none."""
    reason = (reason or "").strip()
    if not reason:
        raise RejectReasonRequired()
    return applications_bulk_move(
        applications=applications, to_stage=Stage.REJECTED, actor=actor, note=reason
    )
