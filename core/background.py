"""Start background work the same way in every runtime mode.

`settings.BACKGROUND_TASK_MODE`:
- "celery": the task goes to the broker and a worker runs it (acks_late, retries);
- "thread": embedded mode, no broker: a small pool in this process runs it, so the request
  still returns at once;
- "inline": tests only, the task runs before `enqueue` returns.
"""

import logging
from concurrent.futures import ThreadPoolExecutor
from functools import wraps

from django.conf import settings
from django.db import close_old_connections

from core.errors import DomainError

logger = logging.getLogger(__name__)
_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="hirewise-task")


def _run_here(task, args, kwargs):
    close_old_connections()
    try:
        task.apply(args=args, kwargs=kwargs, throw=True)
    except Exception:
        logger.exception("Background task %s failed", task.name)
    finally:
        close_old_connections()


def enqueue(task, *args, **kwargs) -> None:
    """Run a Celery task in the background; call it from `transaction.on_commit`."""
    mode = settings.BACKGROUND_TASK_MODE
    if mode == "celery":
        task.apply_async(args=args, kwargs=kwargs)
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
