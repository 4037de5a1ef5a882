"""Start background work the same way in every runtime mode.

`settings.BACKGROUND_TASK_MODE`:
- "celery": the task goes to the broker and a worker runs it (acks_late, retries);
- "thread": embedded mode, no broker: a small pool in this process runs it, so the request
  still returns at once; a timer thread plays Celery beat (see `start_embedded_scheduler`);
- "inline": tests only, the task runs before `enqueue` returns.
"""

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import wraps

import kombu.exceptions
import redis.exceptions
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections
from django.utils.module_loading import import_string

from core.errors import DomainError, QueueUnavailable

logger = logging.getLogger(__name__)
_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="hirewise-task")
# What publishing raises when the broker is down or unreachable.
BROKER_ERRORS = (kombu.exceptions.OperationalError, redis.exceptions.RedisError, OSError)


def _run_here(task, args, kwargs):
    close_old_connections()
    try:
        task.apply(args=args, kwargs=kwargs, throw=True)
    except Exception:
        logger.exception("Background task %s failed", task.name)
    finally:
        close_old_connections()


def enqueue(task, *args, **kwargs) -> None:
    """Run a Celery task in the background; raises QueueUnavailable if the broker is down."""
    mode = settings.BACKGROUND_TASK_MODE
    if mode == "celery":
        try:
            task.apply_async(args=args, kwargs=kwargs)
        except BROKER_ERRORS as exc:
            logger.warning("Broker unavailable, %s not sent: %s", task.name, exc)
            raise QueueUnavailable() from exc
    elif mode == "inline":
        task.apply(args=args, kwargs=kwargs, throw=True)
    else:
        _pool.submit(_run_here, task, args, kwargs)


def drain() -> None:
    """Wait for the in-process jobs already started (embedded mode), before a command exits."""
    if settings.BACKGROUND_TASK_MODE == "thread":
        _pool.shutdown(wait=True)


def reports_domain_errors(task_body):
    """Under `@shared_task`: a DomainError from the services becomes the task's result, the
    documented error body `{"error": {...}}`, instead of a failed task with a traceback.

    A refused request is an outcome, not a crash: Celery should neither retry it nor log it
    as an error. Anything else still fails the task.
    """

    @wraps(task_body)
    def run(*args, **kwargs):
        try:
            return task_body(*args, **kwargs)
        except DomainError as error:
            logger.info("Task %s refused: %s (%s)", task_body.__name__, error, error.error_code)
            return {"error": error.as_payload()}

    return run


def _run_periodic(task_name: str) -> None:
    try:
        enqueue(import_string(task_name))
    except Exception:
        logger.exception("Periodic task %s could not start", task_name)


def _embedded_beat(stop: threading.Event) -> None:
    """Run each CELERY_BEAT_SCHEDULE entry at its interval, as `celery beat` would."""
    every = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    due = dict(every)
    tick = min(every.values())
    elapsed = 0.0
    while not stop.wait(tick):
        elapsed += tick
        for task_name, interval in every.items():
            if elapsed >= due[task_name]:
                due[task_name] += interval
                _run_periodic(task_name)


def start_embedded_scheduler() -> threading.Event | None:
    """Embedded mode only: sweep at once (jobs in flight died with the last process), then
    run the periodic tasks on a timer thread. Returns the event that stops the thread."""
    if settings.BACKGROUND_TASK_MODE != "thread":
        return None
    from django.utils import timezone

    from core.durable import sweep

    try:
        sweep(cutoff=timezone.now())
    except Exception:
        logger.exception("Start-up sweep of background jobs failed")
    stop = threading.Event()
    threading.Thread(target=_embedded_beat, args=(stop,), name="hirewise-beat", daemon=True).start()
    return stop


class StartsEmbeddedScheduler:
    """ASGI wrapper: the server's first connection starts the embedded scheduler, so serving
    starts it and importing the application (tests, tools) does not."""

    def __init__(self, app):
        self.app = app
        self.started = False

    async def __call__(self, scope, receive, send):
        if not self.started:
            self.started = True
            await sync_to_async(start_embedded_scheduler, thread_sensitive=False)()
        return await self.app(scope, receive, send)
