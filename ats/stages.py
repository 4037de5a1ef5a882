"""Pipeline stages and the moves allowed between them: anything else is refused."""

from django.db import models


class Stage(models.TextChoices):
    APPLIED = "applied", "Applied"
    UNDER_REVIEW = "under_review", "Under review"
    INTERVIEW_SCHEDULED = "interview_scheduled", "Interview scheduled"
    INTERVIEWED = "interviewed", "Interviewed"
    OFFER = "offer", "Offer"
    HIRED = "hired", "Hired"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Forward through the funnel, a second interview round, reconsidering a rejection; hired and
# withdrawn are final. Withdrawing is the candidate's own move (services check who moves).
ALLOWED_TRANSITIONS: dict[str, tuple[str, ...]] = {
    Stage.APPLIED: (Stage.UNDER_REVIEW, Stage.REJECTED, Stage.WITHDRAWN),
    Stage.UNDER_REVIEW: (Stage.INTERVIEW_SCHEDULED, Stage.OFFER, Stage.REJECTED, Stage.WITHDRAWN),
    Stage.INTERVIEW_SCHEDULED: (
        Stage.INTERVIEWED,
        Stage.UNDER_REVIEW,
        Stage.REJECTED,
        Stage.WITHDRAWN,
    ),
    Stage.INTERVIEWED: (Stage.INTERVIEW_SCHEDULED, Stage.OFFER, Stage.REJECTED, Stage.WITHDRAWN),
    Stage.OFFER: (Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN),
    Stage.HIRED: (),
    Stage.REJECTED: (Stage.UNDER_REVIEW,),
    Stage.WITHDRAWN: (),
}
# The funnel's order, for boards and analytics; rejected and withdrawn leave it.
FUNNEL = (
    Stage.APPLIED,
    Stage.UNDER_REVIEW,
    Stage.INTERVIEW_SCHEDULED,
    Stage.INTERVIEWED,
    Stage.OFFER,
    Stage.HIRED,
)
CLOSED_STAGES = (Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN)
# Moves the candidate is told about by email.
CANDIDATE_NOTIFIED = (
    Stage.INTERVIEW_SCHEDULED,
    Stage.OFFER,
    Stage.HIRED,
    Stage.REJECTED,
)


def allowed_next(stage: str) -> tuple[str, ...]:
    return ALLOWED_TRANSITIONS[Stage(stage)]


def may_move(from_stage: str, to_stage: str) -> bool:
    return to_stage in allowed_next(from_stage)


def recruiter_next_stages(stage: str) -> tuple[str, ...]:
    """Where a recruiter may move an application in `stage`: withdrawing is the applicant's."""
    return tuple(next_stage for next_stage in allowed_next(stage) if next_stage != Stage.WITHDRAWN)
