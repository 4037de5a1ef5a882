"""The pipeline board of one job: every stage with its count and its best-fitting cards.

Three queries whatever the number of applicants: the job, the counts per stage, and the
cards (at most `per_stage` per stage, ranked by fit inside each stage by a window function).
The funnel's open stages are columns; the final ones (hired, rejected, withdrawn) fold away
with their counts.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from ats.models import Application, ApplicationSource
from ats.stages import CLOSED_STAGES, FUNNEL, Stage, recruiter_next_stages
from jobs.models import Job

# The board's column order: the funnel, then the two ways out of it.
BOARD_STAGES = (*FUNNEL, Stage.REJECTED, Stage.WITHDRAWN)
PER_STAGE_DEFAULT = 50
PER_STAGE_MAX = 200
CARD_FIELDS = (
    "id",
    "job_id",
    "candidate_id",
    "applicant_name",
    "fit_score",
    "stage",
    "stage_changed_at",
    "source",
    "created_at",
)


@dataclass
class Card:
    id: str
    name: str
    fit_score: int | None
    stage: str
    stage_changed_at: datetime
    days_in_stage: int
    source: str
    is_registered: bool
    allowed_next: tuple[str, ...]
    # Said on the card: the refusal of a move made without JavaScript, the follow-ups
    # offered after a move (ats.hooks).
    note: str = ""
    offers: list = field(default_factory=list)

    @property
    def next_choices(self) -> list[tuple[str, str]]:
        """The allowed moves as (value, label), for the move menu and the move page."""
        return [(stage, Stage(stage).label) for stage in self.allowed_next]

    @property
    def allowed_attr(self) -> str:
        """The allowed moves for the board's script (drag targets), space-separated."""
        return " ".join(self.allowed_next)

    @property
    def source_label(self) -> str:
        return ApplicationSource(self.source).label


@dataclass
class Column:
    stage: str
    label: str
    count: int
    cards: list[Card] = field(default_factory=list)

    @property
    def hidden(self) -> int:
        """How many applicants of this stage the board leaves out (lowest fit first)."""
        return self.count - len(self.cards)

    @property
    def is_final(self) -> bool:
        return self.stage in CLOSED_STAGES


@dataclass
class Board:
    job: Job
    columns: list[Column]
    per_stage: int

    @property
    def total(self) -> int:
        return sum(column.count for column in self.columns)

    def cards(self):
        return (card for column in self.columns for card in column.cards)

    @property
    def open_columns(self) -> list[Column]:
        return [column for column in self.columns if not column.is_final]

    @property
    def final_columns(self) -> list[Column]:
        """Hired, rejected, withdrawn: folded on the board, their counts always in view."""
        return [column for column in self.columns if column.is_final]


def _ranked_cards(job: Job, per_stage: int) -> QuerySet[Application]:
    position = Window(
        RowNumber(),
        partition_by=[F("stage")],
        order_by=[F("fit_score").desc(nulls_last=True), F("created_at").asc(), F("id").asc()],
    )
    return (
        Application.objects.filter(job=job)
        .only(*CARD_FIELDS)
        .annotate(position=position)
        .filter(position__lte=per_stage)
        .order_by("stage", "position")
    )


def card_for(application: Application, now: datetime | None = None) -> Card:
    return Card(
        id=str(application.pk),
        name=application.applicant_name,
        fit_score=application.fit_score,
        stage=application.stage,
        stage_changed_at=application.stage_changed_at,
        days_in_stage=max(((now or timezone.now()) - application.stage_changed_at).days, 0),
        source=application.source,
        is_registered=application.candidate_id is not None,
        allowed_next=recruiter_next_stages(application.stage),
    )


def pipeline_board(*, job: Job, per_stage: int = PER_STAGE_DEFAULT) -> Board:
    """The board of `job` (already checked: ats.selectors.job_get_managed)."""
    counts = dict(
        Application.objects.filter(job=job)
        .order_by()
        .values_list("stage")
        .annotate(count=Count("pk"))
    )
    columns = {
        stage: Column(stage=stage, label=Stage(stage).label, count=counts.get(stage, 0))
        for stage in BOARD_STAGES
    }
    now = timezone.now()
    if sum(counts.values()):
        for application in _ranked_cards(job, per_stage):
            columns[application.stage].cards.append(card_for(application, now))
    return Board(job=job, columns=list(columns.values()), per_stage=per_stage)


def _either(labels: list[str]) -> str:
    if len(labels) < 2:
        return "".join(labels)
    return f"{', '.join(labels[:-1])} or {labels[-1]}"


def move_refusal(*, name: str, from_stage: str, to_stage: str) -> str:
    """Why a recruiter cannot move this applicant there, in the board's words."""
    here, there = Stage(from_stage).label, Stage(to_stage).label
    allowed = [Stage(stage).label for stage in recruiter_next_stages(from_stage)]
    if not allowed:
        return f"{name} cannot move to {there}: {here} is a final stage."
    if to_stage == Stage.WITHDRAWN:
        return f"Only {name} can withdraw their application. From {here}: {_either(allowed)}."
    return f"{name} cannot move from {here} to {there}. From {here}: {_either(allowed)}."
