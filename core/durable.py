"""Durable background jobs: a row records each job's state, so a dead worker, a lost broker
message or a restarted process loses nothing.

Each app registers its job kinds (`register(DurableKind(...))` in its AppConfig.ready). A row
has a status (queued, one or more running states, failed), an attempt count (how many times a
worker took it) and a heartbeat (its last progress). A worker takes a row with `claim()`, a
conditional update that wins for one worker only. The sweeper (Celery beat in scale-out, a
timer in the embedded mode) sends again rows still `queued` after `JOB_STALE_AFTER_SECONDS`
(their message was lost), puts back in the queue rows in progress without progress for as
long (their worker died), and fails with a readable message those interrupted
`JOB_MAX_ATTEMPTS` times.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

import redis.exceptions
from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.db.utils import InterfaceError, OperationalError
from django.utils import timezone
from django.utils.module_loading import import_string

from core.errors import QueueUnavailable

logger = logging.getLogger(__name__)

# Worth another attempt: the database, the broker or the network blinked; the input is fine.
TRANSIENT_ERRORS = (
    OperationalError,
    InterfaceError,
    ConnectionError,
    TimeoutError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)
SWEEP_BATCH = 500


class DurableJob(models.Model):
    """The fields a durable job row adds to its own status: attempts and last progress."""

    attempts = models.PositiveSmallIntegerField(default=0)
    progress_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


@dataclass(frozen=True)
class DurableKind:
    """One kind of durable job: its model, its task and the meaning of its statuses."""

    name: str
    model: type[models.Model]
    # Dotted path of the Celery task that runs one row, called with the row's id as a string.
    task: str
    queued: str
    running: tuple[str, ...]
    failed: str
    # The noun a person reads: "The {noun} was interrupted 3 times; please retry."
    noun: str
    heartbeat_field: str = "progress_at"
    # Dotted path of a function called with a row the sweeper changed (e.g. tell its sockets).
    notify: str = ""
    # Written when the sweeper puts a row back in the queue (e.g. progress back to 0).
    requeue_fields: dict = field(default_factory=dict)

    def interrupted_message(self, attempts: int) -> str:
        return f"The {self.noun} was interrupted {attempts} times; please retry."


_kinds: dict[str, DurableKind] = {}


def register(kind: DurableKind) -> None:
    _kinds[kind.name] = kind


def registered_kinds() -> list[DurableKind]:
    return list(_kinds.values())


def stale_cutoff():
    return timezone.now() - timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS)


def stale_after_words() -> str:
    """`JOB_STALE_AFTER_SECONDS` as a person says it: "5 minutes", "90 seconds"."""
    seconds = settings.JOB_STALE_AFTER_SECONDS
    if seconds % 60:
        return f"{seconds} seconds"
    minutes = seconds // 60
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def stalled(kind: DurableKind, *, cutoff=None) -> Q:
    """Rows not finished and without progress since `cutoff` (default: the stale limit)."""
    cutoff = stale_cutoff() if cutoff is None else cutoff
    return Q(status__in=(kind.queued, *kind.running), **{f"{kind.heartbeat_field}__lt": cutoff})


def claim(kind: DurableKind, pk, **fields) -> bool:
    """Take a row for this worker: a queued one, or one in progress whose worker died.

    A conditional update, so of two deliveries of the same message only one runs the job.
    `fields` are written with the claim (the first running status, its progress...).
    """
    now = timezone.now()
    abandoned = Q(
        status__in=kind.running,
        attempts__lt=settings.JOB_MAX_ATTEMPTS,
        **{f"{kind.heartbeat_field}__lt": stale_cutoff()},
    )
    claimed = kind.model.objects.filter(Q(status=kind.queued) | abandoned, pk=pk).update(
        attempts=F("attempts") + 1, **{kind.heartbeat_field: now}, **fields
    )
    return bool(claimed)


def send(kind: DurableKind, pk) -> None:
    """Hand one row to the workers now; raises QueueUnavailable when the broker is down."""
    from core.background import enqueue

    enqueue(import_string(kind.task), str(pk))


def send_after_commit(kind: DurableKind, pks) -> None:
    """Send rows once committed. A broker outage is logged and the sweeper catches up: the
    first failure stops the sending, so the request that caused the jobs is not held up."""

    def send_quietly():
        for pk in pks:
            try:
                send(kind, pk)
            except QueueUnavailable:
                logger.warning("Broker unavailable: %s rows wait for the sweeper", kind.name)
                return

    transaction.on_commit(send_quietly)


def sweep(*, cutoff=None) -> dict[str, int]:
    """Re-send, re-queue or fail every stalled row of every kind; returns counts by outcome."""
    counts = {"resent": 0, "requeued": 0, "failed": 0}
    # Rows still queued may only be waiting their turn behind a backlog: they are sent again
    # once the broker's queue has drained, so a long queue does not fill with duplicates.
    backlog = _broker_backlog()
    if backlog is None:
        logger.warning("Broker unavailable: the sweep waits for the next interval")
        return counts
    for kind in registered_kinds():
        rows = kind.model.objects.filter(stalled(kind, cutoff=cutoff))
        if backlog:
            rows = rows.exclude(status=kind.queued)
        rows = rows.order_by(kind.heartbeat_field).values_list("pk", "status", "attempts")
        for pk, status, attempts in rows[:SWEEP_BATCH]:
            outcome = _sweep_row(kind, pk, status, attempts, cutoff)
            if outcome:
                counts[outcome] += 1
    if any(counts.values()):
        logger.info("Durable job sweep: %s", counts)
    return counts


def _broker_backlog() -> int | None:
    """Messages waiting in the broker's default queue; None when the broker is unreachable."""
    if settings.BACKGROUND_TASK_MODE != "celery":
        return 0
    from celery import current_app
    from kombu.exceptions import ChannelError

    from core.background import BROKER_ERRORS

    try:
        with current_app.connection_for_write() as connection:
            declared = connection.default_channel.queue_declare(
                queue=current_app.conf.task_default_queue, passive=True
            )
    except ChannelError:
        return 0  # the queue is gone (deleted, or the broker restarted empty)
    except BROKER_ERRORS:
        return None
    return declared.message_count


def _sweep_row(kind: DurableKind, pk, status: str, attempts: int, cutoff) -> str | None:
    # Conditional on what was read, so a row a worker just took is left alone.
    unchanged = kind.model.objects.filter(
        stalled(kind, cutoff=cutoff), pk=pk, status=status, attempts=attempts
    )
    now = timezone.now()
    if status in kind.running and attempts >= settings.JOB_MAX_ATTEMPTS:
        failed = unchanged.update(
            status=kind.failed,
            error_message=kind.interrupted_message(attempts),
            **{kind.heartbeat_field: now},
        )
        outcome = "failed" if failed else None
    else:
        requeued = unchanged.update(
            status=kind.queued, **kind.requeue_fields, **{kind.heartbeat_field: now}
        )
        outcome = ("resent" if status == kind.queued else "requeued") if requeued else None
        if requeued:
            try:
                send(kind, pk)
            except QueueUnavailable:
                logger.warning("Broker unavailable: %s %s waits for the next sweep", kind.name, pk)
    if outcome and kind.notify:
        _notify(kind, pk)
    return outcome


def _notify(kind: DurableKind, pk) -> None:
    row = kind.model.objects.filter(pk=pk).first()
    if row is not None:
        import_string(kind.notify)(row)
