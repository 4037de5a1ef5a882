"""The pipeline board of one job: every stage with its count and its best-fitting cards.

Three queries whatever the number of applicants: the job, the counts per stage, and the
cards (at most `per_stage` per stage, ranked by fit inside each stage by a window function).
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from ats.models import Application, ApplicationSource
from ats.stages import FUNNEL, Stage, recruiter_next_stages
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

    @property
    def next_choices(self) -> list[tuple[str, str]]:
        """The allowed moves as (value, label), for the card's <select>."""
        return [(stage, Stage(stage).label) for stage in self.allowed_next]

    @property
    def source_label(self) -> str:
        return ApplicationSource(self.source).label

    @property
    def may_reject(self) -> bool:
        return Stage.REJECTED in self.allowed_next


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


@dataclass
class Board:
    job: Job
    columns: list[Column]
    per_stage: int

    @property
    def total(self) -> int:
        return sum(column.count for column in self.columns)


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


def _card(application: Application, now: datetime) -> Card:
    return Card(
        id=str(application.pk),
        name=application.applicant_name,
        fit_score=application.fit_score,
        stage=application.stage,
        stage_changed_at=application.stage_changed_at,
        days_in_stage=max((now - application.stage_changed_at).days, 0),
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
            columns[application.stage].cards.append(_card(application, now))
    return Board(job=job, columns=list(columns.values()), per_stage=per_stage)
