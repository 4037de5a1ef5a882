"""Helpers shared by the benchmarks: a throwaway database, a uvicorn server, load, a table.

A benchmark script typically does::

    with throwaway_database("hirewise_bench") as database_url:
        env = django_env(database_url)
        seed = django_shell(env, "result = {...}")
        with start_server(env) as server:
            result = run_load(server.url("/path"), duration=10, concurrency=16)
    print_table(LOAD_HEADERS, [result.row("name")])

Everything is local: the load only ever targets 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SETTINGS_MODULE = "bench.settings"
POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql", "psql"}
DEFAULT_MAX_REQUESTS = 200_000
REQUEST_TIMEOUT = 10.0
_RESULT_MARKER = "BENCH_RESULT "


# --- Process hygiene -------------------------------------------------------------------------


def raise_on_sigterm() -> None:
    """Turn SIGTERM into KeyboardInterrupt so `finally` blocks stop servers and drop databases."""

    def _interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _interrupt)


def run_benchmark(measure, report, json_path: Path | None) -> int:
    """The shared `main` of the Django benchmarks: measure, report, optionally write JSON.

    `measure()` fills the figures; `report()` prints them and returns the JSON summary.
    Interrupts and expected failures leave no server or throwaway database behind.
    """
    raise_on_sigterm()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    try:
        measure()
    except KeyboardInterrupt:
        print("Interrupted; server stopped and throwaway database removed.", file=sys.stderr)
        return 130
    except (RuntimeError, ValueError, httpx.HTTPError) as exc:
        print(f"Benchmark failed: {exc}", file=sys.stderr)
        return 1
    summary = report()
    if json_path:
        json_path.write_text(json.dumps(summary, indent=2) + "\n")
        print(f"\nwrote {json_path}")
    return 0


# --- Database --------------------------------------------------------------------------------


def throwaway_database(name: str, source_url: str | None = None):
    """Context manager yielding a `DATABASE_URL` for a new, empty database, removed afterwards.

    With a PostgreSQL `source_url` (default: the `DATABASE_URL` environment variable), the
    database `name` is created on that server and dropped at the end; a leftover from an
    interrupted run is dropped first, so `name` must belong to benchmarks alone. Otherwise a
    SQLite file in a temporary directory. The database `source_url` names is never touched.
    """
    if source_url is None:
        source_url = os.environ.get("DATABASE_URL", "")
    parts = urlsplit(source_url)
    if parts.scheme in POSTGRES_SCHEMES:
        if parts.path.lstrip("/") == name:
            raise ValueError(f"DATABASE_URL already names {name!r}; refusing to drop it.")
        return _postgres_database(parts, name)
    if not source_url or parts.scheme.startswith("sqlite"):
        return _sqlite_database(name)
    raise ValueError(f"Unsupported DATABASE_URL scheme {parts.scheme!r} for benchmarks.")


@contextmanager
def _sqlite_database(name: str) -> Iterator[str]:
    directory = tempfile.mkdtemp(prefix=f"{name}-")
    try:
        yield f"sqlite:///{directory}/db.sqlite3"
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def _postgres_database(parts, name: str) -> Iterator[str]:
    import psycopg
    from psycopg import sql

    # Connect to the maintenance database: one cannot drop the database one is connected to.
    admin_url = urlunsplit(("postgresql", parts.netloc, "/postgres", "", ""))
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    try:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(drop)
            connection.execute(create)
    except psycopg.Error as exc:
        raise RuntimeError(f"Cannot create database {name!r} on {parts.hostname}: {exc}") from exc
    try:
        yield urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(drop)


# --- Django subprocesses ---------------------------------------------------------------------


def django_env(database_url: str, settings_module: str = SETTINGS_MODULE, **extra: str) -> dict:
    """The environment for `manage.py` and the server: this one, pointed at `database_url`."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": settings_module,
        # Development mode: no secrets required and no HTTPS redirect on 127.0.0.1.
        "ENVIRONMENT": "development",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        "RATE_LIMIT_ENABLED": "false",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        **extra,
    }


def run_on_migrated_database(name: str, run, **settings: str) -> None:
    """Create the throwaway database `name`, set Django up on it, migrate, call `run(env)`,
    and drop it afterwards (the in-process benchmarks of jobs and ATS)."""
    source_url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    with throwaway_database(name, source_url) as database_url:
        env = django_env(database_url, **settings)
        os.environ.update(env)
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections

        try:
            print("Migrating a throwaway database...", file=sys.stderr, flush=True)
            call_command("migrate", interactive=False, verbosity=0)
            run(env)
        finally:
            connections.close_all()


def django_environment(**extra) -> dict:
    """What the figures were measured on (database, cache, versions, cores); Django set up."""
    import platform

    import django
    from django.conf import settings
    from django.db import connection

    return {
        "vendor": connection.vendor,
        "database_version": ".".join(str(part) for part in connection.get_database_version()),
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        **extra,
        "python": platform.python_version(),
        "django": django.get_version(),
        "cpu_count": os.cpu_count(),
    }


def django_shell(env: dict, code: str) -> dict:
    """Run `code` in `manage.py shell`; it sets `result` (JSON-serialisable), returned here."""
    script = f"{code}\nimport json\nprint({_RESULT_MARKER!r} + json.dumps(result))\n"
    completed = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"manage.py shell failed:\n{completed.stdout}{completed.stderr}")
    for line in reversed(completed.stdout.splitlines()):
        if line.startswith(_RESULT_MARKER):
            return json.loads(line.removeprefix(_RESULT_MARKER))
    raise RuntimeError(f"manage.py shell printed no result:\n{completed.stdout}")


# --- Server ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Server:
    base_url: str
    process: subprocess.Popen

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _uvicorn_command() -> list[str]:
    script = Path(sys.executable).parent / "uvicorn"
    return [str(script)] if script.exists() else [sys.executable, "-m", "uvicorn"]


@contextmanager
def start_server(
    env: dict,
    settings_module: str = SETTINGS_MODULE,
    *,
    app: str = "config.asgi:application",
    startup_timeout: float = 30.0,
    port: int | None = None,
    options: dict | None = None,
) -> Iterator[Server]:
    """Run one uvicorn worker on 127.0.0.1 (`port`, else a free one) until `/health` answers;
    always stop it. `options` are more uvicorn settings, e.g. `{"ws_per_message_deflate":
    False}` for `--ws-per-message-deflate false`.

    The server gets its own session, so Ctrl-C reaches only this process, whose `finally`
    then stops the server. If the server logged an error, the end of its log is shown.
    """
    port = port or free_port()
    command = [
        *_uvicorn_command(),
        app,
        "--host", HOST,
        "--port", str(port),
        "--workers", "1",
        "--log-level", "warning",
        "--no-access-log",
    ]  # fmt: skip
    for name, value in (options or {}).items():
        command += [f"--{name.replace('_', '-')}", str(value).lower()]
    server_env = {**env, "DJANGO_SETTINGS_MODULE": settings_module}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=server_env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            server = Server(base_url=f"http://{HOST}:{port}", process=process)
            _wait_until_healthy(server, startup_timeout, log)
            yield server
        finally:
            _stop(process)
            output = _read_log(log)
            if any(mark in output for mark in ("Traceback", "ERROR", "CRITICAL")):
                print(f"--- server log (last lines) ---\n{output}", file=sys.stderr)


def _wait_until_healthy(server: Server, timeout: float, log) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"The server exited during startup:\n{_read_log(log)}")
        try:
            if httpx.get(server.url("/health"), timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"The server did not answer /health within {timeout:.0f} s.")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _read_log(log, lines: int = 40) -> str:
    log.flush()
    log.seek(0)
    text = log.read().decode(errors="replace").strip()
    return "\n".join(text.splitlines()[-lines:])


# --- Load ------------------------------------------------------------------------------------


@dataclass
class LoadResult:
    """One measured phase. Latencies (seconds, sorted) and req/s count 2xx responses only."""

    latencies: list[float]
    requests: int
    statuses: Counter = field(default_factory=Counter)
    elapsed: float = 0.0
    server_cpu: float | None = None  # share of one core, 1.0 = 100 %
    client_cpu: float | None = None

    @property
    def ok(self) -> int:
        return len(self.latencies)

    @property
    def errors(self) -> int:
        return self.requests - self.ok

    @property
    def error_statuses(self) -> dict[str, int]:
        return {str(key): n for key, n in self.statuses.items() if not _is_success(key)}

    @property
    def throughput(self) -> float:
        return self.ok / self.elapsed if self.elapsed else 0.0

    def percentile_ms(self, pct: float) -> float:
        return percentile(self.latencies, pct) * 1000

    def row(self, name: str) -> list[str]:
        """A row under `LOAD_HEADERS`."""
        return [
            name,
            str(self.requests),
            str(self.errors),
            f"{self.throughput:.0f}",
            *(f"{self.percentile_ms(pct):.2f}" for pct in (50, 95, 99)),
            _share(self.server_cpu),
            _share(self.client_cpu),
        ]

    def as_dict(self) -> dict:
        return {
            "requests": self.requests,
            "errors": self.errors,
            "error_statuses": self.error_statuses,
            "elapsed_s": round(self.elapsed, 3),
            "requests_per_s": round(self.throughput, 1),
            **{f"p{pct}_ms": round(self.percentile_ms(pct), 3) for pct in (50, 95, 99)},
            "server_cpu": self.server_cpu,
            "client_cpu": self.client_cpu,
        }


LOAD_HEADERS = [
    "endpoint", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "server CPU",
    "client CPU",
]  # fmt: skip


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f} %"


def _is_success(status) -> bool:
    return isinstance(status, int) and 200 <= status < 300


def run_load(
    url: str,
    headers: dict | None = None,
    *,
    duration: float,
    concurrency: int,
    warmup: float = 0.0,
    max_requests: int = DEFAULT_MAX_REQUESTS,
    server_pid: int | None = None,
) -> LoadResult:
    """GET `url` from `concurrency` keep-alive connections for `warmup` + `duration` seconds.

    Only the `duration` phase is measured; each phase also stops after `max_requests`.
    Non-2xx responses and transport errors count as errors. With `server_pid`, the CPU the
    server and this process used during the measured phase is reported too.
    """
    if httpx.URL(url).host != HOST:
        raise ValueError(f"Benchmarks only target {HOST}, not {url}.")
    return asyncio.run(
        _load(url, headers or {}, duration, concurrency, warmup, max_requests, server_pid)
    )


async def _load(url, headers, duration, concurrency, warmup, max_requests, server_pid):
    # One single-connection client per worker: a shared pool costs the client O(connections)
    # per request, and the client shares the CPU with the server.
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    clients = [
        httpx.AsyncClient(limits=limits, timeout=REQUEST_TIMEOUT, headers=headers)
        for _ in range(concurrency)
    ]
    try:
        if warmup > 0:
            await _phase(clients, url, warmup, max_requests)
        this = psutil.Process()
        server = psutil.Process(server_pid) if server_pid else None
        # The server is a child of this process: count this process's own CPU only.
        client_before, server_before = _cpu_seconds(this), _cpu_seconds(server, tree=True)
        result = await _phase(clients, url, duration, max_requests)
        client_used = _cpu_seconds(this) - client_before
        server_used = _cpu_seconds(server, tree=True) - server_before
    finally:
        await asyncio.gather(*(client.aclose() for client in clients))
    result.client_cpu = round(client_used / result.elapsed, 3)
    if server is not None:
        result.server_cpu = round(server_used / result.elapsed, 3)
    return result


async def _phase(clients, url, duration, max_requests) -> LoadResult:
    latencies: list[float] = []
    statuses: Counter = Counter()
    issued = 0
    deadline = time.perf_counter() + duration

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal issued
        while issued < max_requests and time.perf_counter() < deadline:
            issued += 1
            started = time.perf_counter()
            try:
                response = await client.get(url)
            except httpx.HTTPError as exc:
                statuses[type(exc).__name__] += 1
                continue
            latency = time.perf_counter() - started
            statuses[response.status_code] += 1
            if _is_success(response.status_code):
                latencies.append(latency)

    started = time.perf_counter()
    await asyncio.gather(*(worker(client) for client in clients))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return LoadResult(latencies, sum(statuses.values()), statuses, elapsed)


def _cpu_seconds(process: psutil.Process | None, tree: bool = False) -> float:
    """User + system CPU seconds of a process (all its threads), and its children if `tree`."""
    if process is None:
        return 0.0
    total = 0.0
    for proc in [process, *(process.children(recursive=True) if tree else [])]:
        try:
            times = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


# --- Figures ---------------------------------------------------------------------------------


def percentile(sorted_values: Sequence[float], pct: float) -> float:
    """The `pct` percentile (0-100) of sorted values, interpolating linearly; 0.0 when empty."""
    if not sorted_values:
        return 0.0
    rank = (len(sorted_values) - 1) * pct / 100
    lower = int(rank)
    upper = min(lower + 1, len(sorted_values) - 1)
    fraction = rank - lower
    return sorted_values[lower] + (sorted_values[upper] - sorted_values[lower]) * fraction


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], file=None) -> None:
    """Print an aligned table: the first column left-aligned, the others right-aligned."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        first, *rest = (str(cell) for cell in cells)
        parts = [first.ljust(widths[0])]
        parts += [cell.rjust(width) for cell, width in zip(rest, widths[1:], strict=True)]
        return "  ".join(parts).rstrip()

    print(line(headers), file=file)
    for row in rows:
        print(line(row), file=file)


def ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None
