"""Benchmark `GET /api/v1/auth/me` (JWT) against a bare DRF view on the same uvicorn server.

    .venv/bin/python bench/api.py [--duration 10] [--concurrency 16] [--warmup 2] [--json PATH]

Builds a throwaway database (SQLite, or a separate database on the PostgreSQL server named by
DATABASE_URL), migrates it, creates one candidate and mints an access token, starts one
uvicorn worker on 127.0.0.1 and loads each endpoint in turn. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import httpx

# Run as a script, this file's directory is on sys.path, not the project's.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    DEFAULT_MAX_REQUESTS,
    LOAD_HEADERS,
    LoadResult,
    Server,
    django_env,
    django_shell,
    print_table,
    raise_on_sigterm,
    ratio,
    run_load,
    start_server,
    throwaway_database,
)

DATABASE_NAME = "hirewise_bench"
BENCH_EMAIL = "bench@hirewise.local"
ME_PATH = "/api/v1/auth/me"
BARE_PATH = "/bench/bare"
# Far beyond any run, so the token cannot expire mid-benchmark.
ACCESS_LIFETIME_MINUTES = 24 * 60

SETUP = f"""
import platform

import django
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from accounts.models import Role, User
from accounts.tokens import token_pair

call_command("migrate", interactive=False, verbosity=0)
user = User.objects.create_user(
    {BENCH_EMAIL!r}, "bench-password-not-secret", name="Bench Candidate", role=Role.CANDIDATE
)
result = {{
    "token": token_pair(user)["access_token"],
    "vendor": connection.vendor,
    "database_name": str(connection.settings_dict["NAME"]),
    "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
    "database_version": ".".join(str(part) for part in connection.get_database_version()),
    "python": platform.python_version(),
    "django": django.get_version(),
}}
"""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--duration", type=float, default=10.0, help="measured seconds per endpoint"
    )
    parser.add_argument("--concurrency", type=int, default=16, help="keep-alive connections")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds first")
    parser.add_argument(
        "--max-requests",
        type=int,
        default=DEFAULT_MAX_REQUESTS,
        help="stop a phase after this many requests even before --duration",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write results as JSON")
    args = parser.parse_args(argv)
    if args.duration <= 0 or args.concurrency < 1 or args.warmup < 0 or args.max_requests < 1:
        parser.error("--duration, --concurrency, --max-requests must be positive; --warmup >= 0.")
    return args


def check_endpoints(server: Server, headers: dict) -> None:
    """Fail before measuring anything if either endpoint does not answer as expected."""
    me = httpx.get(server.url(ME_PATH), headers=headers, timeout=10)
    if me.status_code != 200 or me.json().get("email") != BENCH_EMAIL:
        raise RuntimeError(f"GET {ME_PATH} answered {me.status_code}: {me.text[:300]}")
    bare = httpx.get(server.url(BARE_PATH), timeout=10)
    if bare.status_code != 200 or bare.json() != {"ok": True}:
        raise RuntimeError(f"GET {BARE_PATH} answered {bare.status_code}: {bare.text[:300]}")


def benchmark(args: argparse.Namespace) -> tuple[dict, dict[str, LoadResult]]:
    with throwaway_database(DATABASE_NAME) as database_url:
        env = django_env(database_url, ACCESS_TOKEN_LIFETIME_MINUTES=str(ACCESS_LIFETIME_MINUTES))
        print("Migrating a throwaway database and minting a token...", file=sys.stderr)
        setup = django_shell(env, SETUP)
        with start_server(env) as server:
            headers = {"Authorization": f"Bearer {setup.pop('token')}"}
            check_endpoints(server, headers)
            results = {}
            for name, path, endpoint_headers in [
                ("auth/me", ME_PATH, headers),
                ("bare", BARE_PATH, {}),
            ]:
                print(f"Loading {path}...", file=sys.stderr)
                results[name] = run_load(
                    server.url(path),
                    endpoint_headers,
                    duration=args.duration,
                    concurrency=args.concurrency,
                    warmup=args.warmup,
                    max_requests=args.max_requests,
                    server_pid=server.process.pid,
                )
    return setup, results


def report(args: argparse.Namespace, meta: dict, results: dict[str, LoadResult]) -> dict:
    me, bare = results["auth/me"], results["bare"]
    ratios = {
        "throughput": ratio(me.throughput, bare.throughput),
        "p50": ratio(me.percentile_ms(50), bare.percentile_ms(50)),
    }
    print()
    print(f"GET {ME_PATH} (JWT, candidate) vs a bare DRF view ({BARE_PATH}), one uvicorn worker")
    print(
        f"database: {meta['vendor']} {meta['database_version']}, throwaway "
        f"{meta['database_name']}; cache: {meta['cache']}"
    )
    print(f"Python {meta['python']}, Django {meta['django']}")
    print(
        f"load: {args.concurrency} keep-alive connection(s), {args.duration:g} s per endpoint "
        f"after {args.warmup:g} s warm-up"
    )
    print(
        f"note: client and server share this machine's {os.cpu_count()} cores; "
        "compare the rows, do not read them as capacity"
    )
    print()
    print_table(LOAD_HEADERS, [result.row(name) for name, result in results.items()])
    print()
    throughput, p50 = _times(ratios["throughput"]), _times(ratios["p50"])
    print(f"auth/me vs bare: {throughput} throughput, p50 {p50}")
    for name, result in results.items():
        if result.errors:
            statuses = ", ".join(f"{key} x{n}" for key, n in result.error_statuses.items())
            print(f"errors on {name}: {statuses}")
    return {
        "benchmark": "api",
        "settings": vars(args) | {"json": str(args.json) if args.json else None},
        "environment": meta | {"cpu_count": os.cpu_count()},
        "results": {name: result.as_dict() for name, result in results.items()},
        "ratios": {key: round(value, 3) if value else None for key, value in ratios.items()},
    }


def _times(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    raise_on_sigterm()
    try:
        meta, results = benchmark(args)
    except KeyboardInterrupt:
        print("Interrupted; server stopped and throwaway database removed.", file=sys.stderr)
        return 130
    except (RuntimeError, ValueError) as exc:  # setup, server or endpoint check failed
        print(f"Benchmark failed: {exc}", file=sys.stderr)
        return 1
    summary = report(args, meta, results)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
        print(f"\nwrote {args.json}")
    return 1 if any(result.errors for result in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
