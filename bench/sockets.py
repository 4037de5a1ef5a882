"""Live-interview sockets at scale: N concurrent `/ws/ai-interview/` sockets on one uvicorn.

    .venv/bin/python bench/sockets.py [--sockets 1000] [--duration 20] [--ping-interval 10]
        [--interviews 100] [--answer-interval 10] [--layers memory,redis]
        [--compression on,off] [--json PATH]

Builds a throwaway database (SQLite, or a separate database on the PostgreSQL server of
BENCH_DATABASE_URL or DATABASE_URL), one candidate with a resume and an access token; then,
for each channel layer (in-memory; channels-redis on REDIS_URL, default
redis://127.0.0.1:6379/2) and each setting of per-message compression (uvicorn's
`--ws-per-message-deflate`; the client offers it, as browsers do), it starts one uvicorn
process and:

1. opens --sockets sockets (`?token=`, 100 handshakes at a time) and keeps them open;
   the server's RSS before and after gives the memory per socket;
2. --interviews of them start an interview (`initialize_interview` with a job description
   and the resume: `welcome` and the first `question`);
3. for --duration seconds every socket pings every --ping-interval s (jittered) and each
   interviewing socket answers every --answer-interval s (jittered, at most 4 answers so no
   interview completes): round trips of `ping` -> `pong` and `submit_answer` ->
   `answer_received`, p50/p95/p99.

Targets: 1,000 sockets in one process, ping p95 <= 50 ms, answer acknowledgement p95 <=
100 ms. Everything stays on 127.0.0.1. See bench/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    django_env,
    django_shell,
    percentile,
    print_table,
    run_benchmark,
    start_server,
    throwaway_database,
)

DATABASE_NAME = "hirewise_bench_sockets"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/2"
PATH = "/ws/ai-interview/"
ORIGIN = "http://127.0.0.1"
HANDSHAKE_BATCH = 100
MAX_ANSWERS = 4  # the fifth would complete the interview and run its analysis
REPLY_TIMEOUT = 30.0
ACCESS_LIFETIME_MINUTES = 24 * 60
JOB_DESCRIPTION = (
    "Backend Engineer. Build Python and Django services on PostgreSQL and Redis, deployed "
    "with Docker on Kubernetes. Requirements: Python, Django, PostgreSQL, Docker."
)
ANSWER = (
    "I would start by measuring where the time goes, then add an index on the columns the "
    "slow query filters on, check the plan again, and keep the change behind a feature flag "
    "so it can be rolled back. In my last role I did this for a Django service on PostgreSQL."
)

SETUP = """
from django.core.management import call_command

from accounts.models import Role, User
from accounts.tokens import token_pair
from resumes.services.resumes import resume_extract, resume_from_text
from tests.resumes.factories import SAMPLE_RESUME

call_command("migrate", interactive=False, verbosity=0)
user = User.objects.create_user(
    "sockets@hirewise.local", "bench-password-not-secret", name="Bench Candidate",
    role=Role.CANDIDATE,
)
resume = resume_extract(resume=resume_from_text(owner=user, text=SAMPLE_RESUME))
result = {"token": token_pair(user)["access_token"], "resume_id": str(resume.pk)}
"""


@dataclass
class Figures:
    """One configuration's measurements; latencies in seconds, sorted at the end."""

    layer: str
    compression: bool
    sockets: int = 0
    handshakes: list[float] = field(default_factory=list)
    pings: list[float] = field(default_factory=list)
    answers: list[float] = field(default_factory=list)
    rss_before: int = 0
    rss_after: int = 0
    errors: list[str] = field(default_factory=list)
    server_cpu: float = 0.0
    server_cpu_seconds: float = 0.0

    @property
    def cpu_ms_per_message(self) -> float:
        """Server CPU per round trip of the measured phase (ping or answer)."""
        return self.server_cpu_seconds * 1000 / max(1, len(self.pings) + len(self.answers))

    @property
    def name(self) -> str:
        return f"{self.layer}, deflate {'on' if self.compression else 'off'}"

    @property
    def kib_per_socket(self) -> float:
        return (self.rss_after - self.rss_before) / 1024 / max(1, self.sockets)

    def row(self) -> list[str]:
        return [
            self.name,
            str(self.sockets),
            *_ms(self.handshakes, 50, 95),
            str(len(self.pings)),
            *_ms(self.pings, 50, 95, 99),
            str(len(self.answers)),
            *_ms(self.answers, 50, 95, 99),
            f"{self.kib_per_socket:.1f}",
            f"{self.server_cpu * 100:.0f} %",
            f"{self.cpu_ms_per_message:.2f}",
            str(len(self.errors)),
        ]

    def as_dict(self) -> dict:
        def summary(values: list[float]) -> dict:
            return {
                "count": len(values),
                **{f"p{p}_ms": round(percentile(values, p) * 1000, 2) for p in (50, 95, 99)},
            }

        return {
            "layer": self.layer,
            "compression": self.compression,
            "sockets": self.sockets,
            "handshake": summary(self.handshakes),
            "ping": summary(self.pings),
            "answer_ack": summary(self.answers),
            "server_rss_before_mib": round(self.rss_before / 2**20, 1),
            "server_rss_after_mib": round(self.rss_after / 2**20, 1),
            "kib_per_socket": round(self.kib_per_socket, 1),
            "server_cpu": round(self.server_cpu, 3),
            "server_cpu_ms_per_message": round(self.cpu_ms_per_message, 3),
            "errors": self.errors[:20],
        }


HEADERS = [
    "layer, compression", "sockets", "connect p50", "p95", "pings", "ping p50", "p95",
    "p99", "answers", "ack p50", "p95", "p99", "KiB/socket", "server CPU", "CPU ms/msg",
    "errors",
]  # fmt: skip


def _ms(values: list[float], *percents: int) -> list[str]:
    return [f"{percentile(values, p) * 1000:.1f}" for p in percents]


# --- One socket --------------------------------------------------------------------------------


class Client:
    """One live-interview socket: requests one at a time, so each reply is the awaited one."""

    def __init__(self, connection):
        self.connection = connection
        self.question_id: str | None = None
        self.answered = 0

    async def request(self, message: dict, until: str) -> tuple[float, dict]:
        """Send `message`; the seconds until a reply of type `until` came, and that reply."""
        started = time.perf_counter()
        await self.connection.send(json.dumps(message))
        while True:
            reply = json.loads(await asyncio.wait_for(self.connection.recv(), REPLY_TIMEOUT))
            if reply["type"] == "error":
                raise RuntimeError(f"{message['type']}: {reply.get('detail')}")
            if reply["type"] == until:
                return time.perf_counter() - started, reply

    async def next_question(self) -> None:
        reply = json.loads(await asyncio.wait_for(self.connection.recv(), REPLY_TIMEOUT))
        if reply["type"] != "question":
            raise RuntimeError(f"expected the next question, got {reply['type']}")
        self.question_id = reply["question_id"]


async def open_sockets(url: str, count: int, compression: bool, figures: Figures) -> list[Client]:
    from websockets.asyncio.client import connect

    async def one() -> Client:
        started = time.perf_counter()
        connection = await connect(
            url,
            origin=ORIGIN,
            compression="deflate" if compression else None,
            open_timeout=REPLY_TIMEOUT,
            ping_interval=None,  # the protocol's own ping is what is measured
            max_queue=16,
        )
        greeting = json.loads(await asyncio.wait_for(connection.recv(), REPLY_TIMEOUT))
        if greeting["type"] != "connection_success":
            raise RuntimeError(f"expected connection_success, got {greeting}")
        figures.handshakes.append(time.perf_counter() - started)
        return Client(connection)

    clients: list[Client] = []
    for start in range(0, count, HANDSHAKE_BATCH):
        batch = await asyncio.gather(
            *(one() for _ in range(min(HANDSHAKE_BATCH, count - start))), return_exceptions=True
        )
        for outcome in batch:
            if isinstance(outcome, Exception):
                figures.errors.append(f"connect: {outcome!r}")
            else:
                clients.append(outcome)
    return clients


async def start_interview(client: Client, resume_id: str) -> None:
    start = {
        "type": "initialize_interview",
        "job_title": "Backend Engineer",
        "job_description": JOB_DESCRIPTION,
        "resume_id": resume_id,
    }
    _, question = await client.request(start, until="question")
    client.question_id = question["question_id"]


# --- The measured phase ----------------------------------------------------------------------


async def heartbeat(client: Client, interval: float, deadline: float, figures: Figures) -> None:
    await asyncio.sleep(random.uniform(0, interval))
    while time.perf_counter() < deadline:
        try:
            seconds, _ = await client.request({"type": "ping"}, until="pong")
        except (RuntimeError, TimeoutError, OSError) as exc:
            figures.errors.append(f"ping: {exc!r}")
            return
        figures.pings.append(seconds)
        await asyncio.sleep(random.uniform(0.5, 1.5) * interval)


async def interviewing(
    client: Client, interval: float, ping_interval: float, deadline: float, figures: Figures
) -> None:
    """Pings and answers share the socket: one request at a time, answers every `interval`."""
    next_answer = time.perf_counter() + random.uniform(0, interval)
    while time.perf_counter() < deadline:
        try:
            if client.answered < MAX_ANSWERS and time.perf_counter() >= next_answer:
                answer = {
                    "type": "submit_answer",
                    "question_id": client.question_id,
                    "answer": ANSWER,
                    "time_taken_seconds": 60,
                }
                seconds, _ = await client.request(answer, until="answer_received")
                figures.answers.append(seconds)
                client.answered += 1
                await client.next_question()
                next_answer = time.perf_counter() + random.uniform(0.5, 1.5) * interval
            else:
                seconds, _ = await client.request({"type": "ping"}, until="pong")
                figures.pings.append(seconds)
            await asyncio.sleep(random.uniform(0.5, 1.5) * min(interval, ping_interval))
        except (RuntimeError, TimeoutError, OSError) as exc:
            figures.errors.append(f"interview: {exc!r}")
            return


async def measure_configuration(
    args: argparse.Namespace, base_url: str, setup: dict, server_pid: int, figures: Figures
) -> None:
    url = f"{base_url.replace('http://', 'ws://')}{PATH}?token={setup['token']}"
    server = psutil.Process(server_pid)
    warm = await open_sockets(url, 5, figures.compression, Figures("warm-up", False))
    await asyncio.gather(*(client.connection.close() for client in warm))
    await asyncio.sleep(0.5)
    figures.rss_before = _rss(server)

    print(f"  opening {args.sockets} sockets...", file=sys.stderr, flush=True)
    clients = await open_sockets(url, args.sockets, figures.compression, figures)
    figures.sockets = len(clients)
    await asyncio.sleep(0.5)
    figures.rss_after = _rss(server)

    interviewers = clients[: args.interviews]
    print(f"  starting {len(interviewers)} interviews...", file=sys.stderr, flush=True)
    for start in range(0, len(interviewers), 20):
        await asyncio.gather(
            *(
                start_interview(client, setup["resume_id"])
                for client in interviewers[start : start + 20]
            )
        )

    print(f"  measuring for {args.duration:g} s...", file=sys.stderr, flush=True)
    cpu_before = _cpu(server)
    started = time.perf_counter()
    deadline = started + args.duration
    await asyncio.gather(
        *(
            interviewing(c, args.answer_interval, args.ping_interval, deadline, figures)
            for c in interviewers
        ),
        *(heartbeat(c, args.ping_interval, deadline, figures) for c in clients[args.interviews :]),
    )
    figures.server_cpu_seconds = _cpu(server) - cpu_before
    figures.server_cpu = figures.server_cpu_seconds / (time.perf_counter() - started)
    await asyncio.gather(*(client.connection.close() for client in clients))
    figures.pings.sort()
    figures.answers.sort()
    figures.handshakes.sort()


def _rss(process: psutil.Process) -> int:
    return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)])


def _cpu(process: psutil.Process) -> float:
    total = 0.0
    for proc in [process, *process.children(recursive=True)]:
        times = proc.cpu_times()
        total += times.user + times.system
    return total


# --- Orchestration -------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sockets", type=int, default=1000, help="concurrent sockets")
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds")
    parser.add_argument("--ping-interval", type=float, default=10.0, help="seconds between pings")
    parser.add_argument("--interviews", type=int, default=100, help="sockets that answer")
    parser.add_argument(
        "--answer-interval", type=float, default=10.0, help="seconds between one socket's answers"
    )
    parser.add_argument("--layers", default="memory,redis", help="memory, redis or both")
    parser.add_argument("--compression", default="on,off", help="on, off or both")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write results as JSON")
    args = parser.parse_args(argv)
    args.layers = [layer.strip() for layer in args.layers.split(",") if layer.strip()]
    args.compression = [value.strip() == "on" for value in args.compression.split(",")]
    if not set(args.layers) <= {"memory", "redis"} or not args.layers:
        parser.error("--layers takes memory, redis or memory,redis.")
    if args.sockets < 1 or not 0 <= args.interviews <= args.sockets or args.duration <= 0:
        parser.error("--sockets >= 1, 0 <= --interviews <= --sockets, --duration > 0.")
    return args


def _server_env(base_env: dict, layer: str) -> dict:
    env = dict(base_env)
    if layer == "memory":
        env.pop("REDIS_URL", None)
        env["CELERY_BROKER_URL"] = ""
    else:
        env["REDIS_URL"] = os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL
    # One socket may send far more than a person would in this benchmark.
    env["REALTIME_MESSAGES_PER_MINUTE"] = "0"
    return env


def benchmark(args: argparse.Namespace, results: list[Figures], meta: dict) -> None:
    source_url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    with throwaway_database(DATABASE_NAME, source_url) as database_url:
        base_env = django_env(
            database_url, ACCESS_TOKEN_LIFETIME_MINUTES=str(ACCESS_LIFETIME_MINUTES)
        )
        base_env.pop("REDIS_URL", None)
        print("Migrating a throwaway database...", file=sys.stderr, flush=True)
        setup = django_shell(base_env, SETUP)
        meta["database"] = database_url.split(":", 1)[0]
        for layer in args.layers:
            for compression in args.compression:
                figures = Figures(layer, compression)
                print(f"{figures.name}:", file=sys.stderr, flush=True)
                options = {"ws_per_message_deflate": compression}
                with start_server(
                    _server_env(base_env, layer),
                    options=options,
                    startup_timeout=120,
                ) as server:
                    asyncio.run(
                        measure_configuration(
                            args, server.base_url, setup, server.process.pid, figures
                        )
                    )
                results.append(figures)


def report(args: argparse.Namespace, results: list[Figures], meta: dict) -> dict:
    print()
    print(
        f"/ws/ai-interview/ on one uvicorn process, {meta['database']} database; "
        f"{args.sockets} sockets, {args.interviews} of them interviewing"
    )
    print(
        f"load for {args.duration:g} s: a ping every ~{args.ping_interval:g} s per socket, "
        f"an answer every ~{args.answer_interval:g} s per interview (at most {MAX_ANSWERS})"
    )
    print(f"note: client and server share this machine's {os.cpu_count()} cores (ms below)")
    print()
    print_table(HEADERS, [figures.row() for figures in results])
    failed = [f"{figures.name}: {error}" for figures in results for error in figures.errors[:3]]
    for line in failed:
        print(f"error: {line}")
    return {
        "benchmark": "sockets",
        "settings": vars(args) | {"json": str(args.json) if args.json else None},
        "environment": meta | {"cpu_count": os.cpu_count()},
        "results": [figures.as_dict() for figures in results],
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results: list[Figures] = []
    meta: dict = {}
    status = run_benchmark(
        lambda: benchmark(args, results, meta), lambda: report(args, results, meta), args.json
    )
    if status == 0 and any(figures.errors for figures in results):
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
