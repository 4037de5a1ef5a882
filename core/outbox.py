"""Durable tasks for work without a row of its own (emails): an outbox row per task.

`outbox_enqueue(send_welcome_email, user.pk)` inside the transaction that causes the email:
the row commits with it, the task is sent after commit, and a broker outage at that moment
costs nothing but a delay, because the sweeper sends the row again.
"""

import logging

from celery import shared_task
from django.utils.module_loading import import_string

from core import durable
from core.models import OutboxStatus, OutboxTask

logger = logging.getLogger(__name__)

OUTBOX = durable.DurableKind(
    name="outbox",
    model=OutboxTask,
    task="core.outbox.run_outbox_task",
    queued=OutboxStatus.QUEUED,
    running=(OutboxStatus.RUNNING,),
    failed=OutboxStatus.FAILED,
    noun="task",
)
# Mail servers answer with OSError subclasses (refused, reset, timed out).
RETRYABLE = (*durable.TRANSIENT_ERRORS, OSError)
GAVE_UP = "The task kept failing on an unavailable service."
UNEXPECTED = "The task stopped on an unexpected error."


def outbox_enqueue(task, *args) -> OutboxTask:
    """Record `task(*args)` and send it after commit; JSON-serialisable arguments only."""
    return outbox_enqueue_many(task, [args])[0]


def outbox_enqueue_many(task, calls) -> list[OutboxTask]:
    """`task(*args)` for each `args` in `calls`, recorded in one insert."""
    rows = OutboxTask.objects.bulk_create(
        [OutboxTask(task=task.name, args=list(args)) for args in calls]
    )
    durable.send_after_commit(OUTBOX, [row.pk for row in rows])
    return rows


@shared_task(bind=True, acks_late=True, max_retries=5)
def run_outbox_task(self, row_id: str) -> None:
    """Claim one outbox row, run its task in this process, and delete the row on success."""
    if not durable.claim(OUTBOX, row_id, status=OutboxStatus.RUNNING):
        return
    row = OutboxTask.objects.get(pk=row_id)
    try:
        import_string(row.task)(*row.args)
    except RETRYABLE as exc:
        if self.request.retries >= self.max_retries:
            _fail(row, GAVE_UP)
            return
        OutboxTask.objects.filter(pk=row.pk).update(status=OutboxStatus.QUEUED)
        raise self.retry(exc=exc, countdown=2**self.request.retries) from exc
    except Exception:
        logger.exception("Outbox task %s failed", row.task)
        _fail(row, UNEXPECTED)
        return
    OutboxTask.objects.filter(pk=row.pk).delete()


def _fail(row: OutboxTask, message: str) -> None:
    OutboxTask.objects.filter(pk=row.pk).update(status=OutboxStatus.FAILED, error_message=message)
