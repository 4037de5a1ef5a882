"""Moving applications through the pipeline: only allowed moves, each with its history row."""

from django.db import transaction
from django.utils import timezone

from ats.errors import StageChangedMeanwhile, StageMoveNotAllowed
from ats.models import Application, StageChange
from ats.stages import Stage, allowed_next, may_move


def _not_allowed(from_stage: str, to_stage: str) -> StageMoveNotAllowed:
    allowed = ", ".join(allowed_next(from_stage)) or "none (this stage is final)"
    return StageMoveNotAllowed(
        f"An application cannot move from {from_stage} to {to_stage}. Allowed: {allowed}."
    )


@transaction.atomic
def application_move_stage(
    *, application: Application, to_stage: str, actor, note: str = ""
) -> StageChange:
    """Move from the stage the caller saw to `to_stage`, and record who, when and why.

    The update is conditional on that stage: when two people move one application at once,
    one wins and the other gets StageChangedMeanwhile (409).
    """
    from_stage = application.stage
    if to_stage not in Stage.values or not may_move(from_stage, to_stage):
        raise _not_allowed(from_stage, to_stage)
    now = timezone.now()
    moved = Application.objects.filter(pk=application.pk, stage=from_stage).update(
        stage=to_stage, stage_changed_at=now, updated_at=now
    )
    if not moved:
        raise StageChangedMeanwhile()
    application.stage, application.stage_changed_at, application.updated_at = to_stage, now, now
    return StageChange.objects.create(
        application=application, from_stage=from_stage, to_stage=to_stage, actor=actor, note=note
    )
