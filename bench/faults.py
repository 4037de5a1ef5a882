"""Fault drill for durable background jobs, then worker scaling, in scale-out mode.

    .venv/bin/python bench/faults.py [--analyses 20] [--batch 100] [--redis-port 6391]

Starts its own Redis (`redis-server` on 127.0.0.1:--redis-port, no persistence) and creates
its own PostgreSQL database `hirewise_faults` on the server BENCH_DATABASE_URL or
DATABASE_URL names (default postgres://postgres@127.0.0.1:5432/postgres), migrates it, and
runs Celery workers (`--pool solo`) and one `celery beat` whose sweeper runs every second
with JOB_STALE_AFTER_SECONDS=--stale-after. Then, for each scenario, it submits --analyses
analyses through the service the API uses and waits (at most --timeout s) until each one is
completed or failed:

- kill -9 worker   the worker is killed mid-batch and a new one started;
- restart Redis    Redis is stopped and started empty mid-batch (messages in it are lost);
- drop the queue   analyses are submitted with no worker, the broker list is deleted, then
                   a worker starts.

It prints submitted / completed / failed / stuck per scenario (target: 0 failed, 0 stuck;
every analysis here is valid, so any failure is a wrong one). Then it times --batch analyses
with one worker and with two worker processes: analyses per second and the ratio.
Everything stays on 127.0.0.1 and is stopped and dropped at the end, also on Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, print_table, raise_on_sigterm, run_on_migrated_database

HOST = "127.0.0.1"
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
QUEUE = "celery"


@dataclass
class Outcome:
    scenario: str
    submitted: int
    completed: int
    failed: int
    stuck: int
    seconds: float

    def row(self) -> list:
        return [
            self.scenario,
            self.submitted,
            self.completed,
            self.failed,
            self.stuck,
            f"{self.seconds:.1f}",
        ]


# --- Processes -------------------------------------------------------------------------------


def _spawn(command: list[str], env: dict, log_dir: Path, name: str) -> subprocess.Popen:
    log = (log_dir / f"{name}.log").open("ab")
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class Redis:
    """A private redis-server without persistence: a restart loses every message in it."""

    def __init__(self, port: int, log_dir: Path):
        self.port, self.log_dir, self.process = port, log_dir, None

    def start(self) -> None:
        if shutil.which("redis-server") is None:
            raise RuntimeError("redis-server is not installed (apt install redis-server).")
        command = [
            "redis-server", "--port", str(self.port), "--bind", HOST, "--save", "",
            "--appendonly", "no", "--dir", str(self.log_dir),
        ]  # fmt: skip
        self.process = _spawn(command, dict(os.environ), self.log_dir, "redis")
        import redis.exceptions

        client = self.client()
        for _ in range(100):
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server could not start on port {self.port}.")
            try:
                if client.ping():
                    return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not answer on port {self.port}.")

    def stop(self) -> None:
        if self.process is not None:
            _stop(self.process)

    def client(self):
        import redis

        return redis.Redis(host=HOST, port=self.port, socket_timeout=2)

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"


class Workers:
    """Celery worker processes (one task at a time each) and their names."""

    def __init__(self, env: dict, log_dir: Path):
        self.env, self.log_dir, self.running, self.started = env, log_dir, [], 0

    def start(self, count: int = 1) -> None:
        for _ in range(count):
            self.started += 1
            name = f"worker{self.started}"
            command = [
                sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo",
                "--hostname", f"{name}@{HOST}", "--loglevel", "WARNING",
                "--without-mingle", "--without-gossip",
            ]  # fmt: skip
            self.running.append(_spawn(command, self.env, self.log_dir, name))

    def kill(self) -> None:
        """kill -9 every worker: tasks in flight die without a chance to clean up."""
        for process in self.running:
            _stop(process, signal.SIGKILL)
        self.running = []

    def stop(self) -> None:
        for process in self.running:
            _stop(process)
        self.running = []


# --- Analyses --------------------------------------------------------------------------------


def submit(owner, count: int) -> list[str]:
    from resumes.services.analyses import analysis_start
    from resumes.services.resumes import resume_from_text
    from tests.resumes.factories import SAMPLE_RESUME

    ids = []
    for number in range(count):
        resume = resume_from_text(owner=owner, text=f"{SAMPLE_RESUME}\nReference {number}\n")
        ids.append(str(analysis_start(owner=owner, resume=resume).pk))
    return ids


def counts(ids: list[str]) -> tuple[int, int]:
    from resumes.models import Analysis, AnalysisStatus

    rows = Analysis.objects.filter(pk__in=ids)
    return (
        rows.filter(status=AnalysisStatus.COMPLETED).count(),
        rows.filter(status=AnalysisStatus.FAILED).count(),
    )


def wait_until(condition, timeout: float, every: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return condition()


def settle(name: str, ids: list[str], started: float, timeout: float) -> Outcome:
    """Wait until every analysis finished (or the timeout), then count."""
    wait_until(lambda: sum(counts(ids)) == len(ids), timeout, every=0.25)
    completed, failed = counts(ids)
    stuck = len(ids) - completed - failed
    return Outcome(name, len(ids), completed, failed, stuck, time.monotonic() - started)


def some_done(ids: list[str], share: float = 0.25):
    return lambda: counts(ids)[0] >= max(1, int(len(ids) * share))


# --- Scenarios -------------------------------------------------------------------------------


def kill_the_worker(owner, workers: Workers, args) -> Outcome:
    workers.start()
    started = time.monotonic()
    ids = submit(owner, args.analyses)
    wait_until(some_done(ids), args.timeout)
    workers.kill()
    workers.start()
    return settle("kill -9 worker", ids, started, args.timeout)


def restart_redis(owner, workers: Workers, redis: Redis, args) -> Outcome:
    workers.start()
    started = time.monotonic()
    ids = submit(owner, args.analyses)
    wait_until(some_done(ids), args.timeout)
    redis.stop()
    time.sleep(1)  # the outage itself: workers and beat see the connection drop
    redis.start()
    outcome = settle("restart Redis", ids, started, args.timeout)
    workers.stop()
    return outcome


def drop_the_queue(owner, workers: Workers, redis: Redis, args) -> Outcome:
    workers.stop()
    started = time.monotonic()
    ids = submit(owner, args.analyses)
    dropped = redis.client().delete(QUEUE)
    if not dropped:
        raise RuntimeError("The broker list was not there to drop.")
    workers.start()
    return settle("drop the queue", ids, started, args.timeout)


def throughput(owner, workers: Workers, count: int, processes: int, timeout: float) -> float:
    """Analyses per second for `count` analyses submitted at once to `processes` workers."""
    workers.stop()
    workers.start(processes)
    warm = submit(owner, 2 * processes)
    if not wait_until(lambda: counts(warm)[0] == len(warm), timeout):
        raise RuntimeError("The workers did not complete the warm-up analyses.")
    started = time.monotonic()
    ids = submit(owner, count)
    if not wait_until(lambda: sum(counts(ids)) == count, timeout, every=0.05):
        raise RuntimeError(f"{count} analyses did not finish within {timeout:.0f} s.")
    elapsed = time.monotonic() - started
    workers.stop()
    return count / elapsed


# --- Main ------------------------------------------------------------------------------------


def drill(env: dict, redis: Redis, log_dir: Path, args) -> None:
    from tests.accounts.factories import CandidateFactory

    owner = CandidateFactory()
    workers = Workers(env, log_dir)
    try:
        outcomes = faults(owner, workers, redis, env, log_dir, args)
        print_table(
            ["scenario", "submitted", "completed", "failed", "stuck", "seconds"],
            [outcome.row() for outcome in outcomes],
        )
        # Best of --rounds, with no sweeper running: a fault-free batch is measured alone.
        one = max(
            throughput(owner, workers, args.batch, 1, args.timeout) for _ in range(args.rounds)
        )
        two = max(
            throughput(owner, workers, args.batch, 2, args.timeout) for _ in range(args.rounds)
        )
    finally:
        workers.stop()
    print()
    print_table(
        ["workers", f"analyses/s ({args.batch} analyses)", "vs one worker"],
        [["1", f"{one:.1f}", "1.00x"], ["2", f"{two:.1f}", f"{two / one:.2f}x"]],
    )
    bad = sum(outcome.failed + outcome.stuck for outcome in outcomes)
    if bad:
        raise RuntimeError(f"{bad} analyses failed or stuck; worker logs in {log_dir}")


def faults(owner, workers: Workers, redis: Redis, env: dict, log_dir: Path, args) -> list:
    """The three scenarios, with `celery beat` running the sweeper every second."""
    beat = _spawn(
        [
            sys.executable, "-m", "celery", "-A", "config", "beat", "--loglevel", "WARNING",
            "--schedule", str(log_dir / "beat-schedule"),
        ],
        env, log_dir, "beat",
    )  # fmt: skip
    try:
        return [
            kill_the_worker(owner, workers, args),
            restart_redis(owner, workers, redis, args),
            drop_the_queue(owner, workers, redis, args),
        ]
    finally:
        _stop(beat)
        workers.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--analyses", type=int, default=20, help="per fault scenario")
    parser.add_argument("--batch", type=int, default=100, help="analyses timed per worker count")
    parser.add_argument("--rounds", type=int, default=2, help="timed batches per worker count")
    parser.add_argument("--redis-port", type=int, default=6391)
    parser.add_argument("--stale-after", type=int, default=5, help="JOB_STALE_AFTER_SECONDS")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per scenario")
    args = parser.parse_args()
    raise_on_sigterm()
    os.environ.setdefault(
        "BENCH_DATABASE_URL", os.environ.get("DATABASE_URL", "") or DEFAULT_SERVER
    )
    log_dir = Path(tempfile.mkdtemp(prefix="hirewise-faults-"))
    redis = Redis(args.redis_port, log_dir)
    settings = {
        "REDIS_URL": redis.url,
        "CELERY_BROKER_URL": redis.url,
        "JOB_STALE_AFTER_SECONDS": str(args.stale_after),
        "JOB_SWEEP_INTERVAL_SECONDS": "1",
        "JOB_MAX_ATTEMPTS": "3",
    }
    try:
        redis.start()
        run_on_migrated_database(
            "hirewise_faults", lambda env: drill(env, redis, log_dir, args), **settings
        )
    except KeyboardInterrupt:
        print("Interrupted; workers, Redis and the database are gone.", file=sys.stderr)
        return 130
    except RuntimeError as exc:
        print(f"Fault drill failed: {exc}", file=sys.stderr)
        return 1
    finally:
        redis.stop()
    shutil.rmtree(log_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
