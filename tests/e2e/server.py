"""The server the browser tests talk to: uvicorn serving `config.asgi` on a listening socket
the test process opened (so no port can be taken between choosing and binding it), against
the test database named by DATABASE_URL.

Background jobs run in this process's thread pool, as in the embedded mode, even when
REDIS_URL is set: the browser tests are about pages and sockets (the channel layer and cache
still use Redis then); the Celery path has its own tests. While the file named by `--hold`
exists, a job waits before it starts, so a test can open a page and its progress socket
before the first step is published.

Run by tests/e2e/conftest.py as `python -m tests.e2e.server --fd N --hold PATH`.
"""

import argparse
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HOLD_POLL_SECONDS = 0.05


class HeldPool(ThreadPoolExecutor):
    """A thread pool whose jobs start only once the hold file is gone."""

    def __init__(self, hold: Path, max_workers: int):
        super().__init__(max_workers=max_workers, thread_name_prefix="hirewise-task")
        self.hold = hold

    def submit(self, fn, /, *args, **kwargs):
        return super().submit(self._when_released, fn, *args, **kwargs)

    def _when_released(self, fn, *args, **kwargs):
        while self.hold.exists():
            time.sleep(HOLD_POLL_SECONDS)
        return fn(*args, **kwargs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fd", type=int, required=True, help="a listening socket to serve on")
    parser.add_argument("--hold", type=Path, required=True, help="jobs wait while this exists")
    args = parser.parse_args()

    # Empty, not unset: config/env.py would fall back to REDIS_URL as the broker.
    os.environ["CELERY_BROKER_URL"] = ""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

    import django

    django.setup()

    import uvicorn

    from core import background

    background._pool = HeldPool(args.hold, background._pool._max_workers)
    uvicorn.run("config.asgi:application", fd=args.fd, lifespan="off", log_level="warning")


if __name__ == "__main__":
    main()
