"""`make fuzz`: does the API keep the promises of its OpenAPI schema under generated input?

Schemathesis runs every check against every operation of `/api/v1/schema/`, once signed in
as the demo candidate and once as the demo recruiter, on a server of its own: a throwaway
database (SQLite, or `hirewise_fuzz` on the PostgreSQL server of `DATABASE_URL`) migrated
and seeded with the demo users, postings and resume; one uvicorn worker on a free port of
127.0.0.1 (8100-8199); rate limits off; uploads in a temporary folder. Everything is
removed afterwards. Prints the failures per role and exits 1 if there is any.

    .venv/bin/python bench/fuzz.py --max-examples 5 --workers 2
"""

from __future__ import annotations

import argparse
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import HOST, ROOT, django_env, raise_on_sigterm, start_server, throwaway_database

ROLES = {
    "candidate": "candidate@demo.hirewise.local",
    "recruiter": "recruiter@demo.hirewise.local",
}
DEMO_PASSWORD = "hirewise-demo-2026"  # noqa: S105 - the demo users' published password
SEEDS = ("seed_demo", "seed_demo_jobs", "seed_demo_resumes")
PORTS = range(8100, 8200)
# The business rules a schema cannot state, per operation; see the file.
CONFIG = Path(__file__).with_name("schemathesis.toml")
# Schemathesis's closing line: "==== 57 failures, 2 warnings in 268.54s ====" (or "No issues").
CLOSING = re.compile(r"^=+ (.*) in [\d.]+s =+$")


def fuzz_port() -> int:
    """The first free loopback port of PORTS."""
    for port in PORTS:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port on {HOST} between {PORTS.start} and {PORTS.stop - 1}.")


def prepare(env: dict) -> None:
    for command in ("migrate", *SEEDS):
        completed = subprocess.run(
            [sys.executable, "manage.py", command, "--verbosity", "0"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            raise RuntimeError(f"manage.py {command} failed:\n{completed.stderr}")


def access_token(base_url: str, email: str) -> str:
    response = httpx.post(
        f"{base_url}/api/v1/auth/login",
        json={"email": email, "password": DEMO_PASSWORD},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()["access_token"]


def schemathesis(base_url: str, token: str, args: argparse.Namespace, log: Path) -> str:
    """Run every check on every operation with this token; the report goes to `log`."""
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "--config-file", str(CONFIG),
        "run",
        f"{base_url}/api/v1/schema/",
        "--checks", "all",
        "--header", f"Authorization: Bearer {token}",
        "--max-examples", str(args.max_examples),
        "--workers", str(args.workers),
        "--seed", str(args.seed),
        "--request-timeout", "60",
        # Bodies with many patterned text fields (a job posting) generate slowly; not a bug.
        "--suppress-health-check", "too_slow",
        "--generation-database", "none",
        "--no-color",
    ]  # fmt: skip
    with log.open("w") as out:
        subprocess.run(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, check=False)
    return log.read_text()


def failures(report: str) -> int:
    """Unique failures and errors from the closing line; a report without one counts as 1."""
    closing = [match.group(1) for line in report.splitlines() if (match := CLOSING.match(line))]
    if not closing:
        return 1
    found = re.findall(r"(\d+) (?:failures?|errors?)\b", closing[-1])
    return sum(int(number) for number in found)


def run(args: argparse.Namespace) -> int:
    results = {}
    started = time.monotonic()
    with (
        throwaway_database("hirewise_fuzz") as database_url,
        tempfile.TemporaryDirectory(prefix="hirewise-fuzz-media-") as media,
    ):
        env = django_env(
            database_url,
            settings_module="config.settings",
            MEDIA_ROOT=media,
            # One token per role lasts the whole run.
            ACCESS_TOKEN_LIFETIME_MINUTES="600",  # noqa: S106 - a lifetime, not a password
        )
        print("Migrating and seeding a throwaway database...", flush=True)
        prepare(env)
        with start_server(env, "config.settings", port=fuzz_port()) as server:
            print(f"Fuzzing {server.base_url}/api/v1/schema/", flush=True)
            for role, email in ROLES.items():
                log = Path(args.log_dir) / f"fuzz-{role}.log"
                token = access_token(server.base_url, email)
                results[role] = failures(schemathesis(server.base_url, token, args, log))
                print(f"  as {role}: {results[role]} failures (report: {log})", flush=True)
    total = sum(results.values())
    print(f"fuzz: {total} failures in {time.monotonic() - started:.0f} s")
    return 1 if total else 0


def main() -> int:
    raise_on_sigterm()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=10, help="per operation and phase")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026, help="same seed, same cases")
    parser.add_argument("--log-dir", default=tempfile.gettempdir())
    args = parser.parse_args()
    try:
        return run(args)
    except KeyboardInterrupt:
        print("Interrupted; server stopped and throwaway database removed.", file=sys.stderr)
        return 130
    except (RuntimeError, httpx.HTTPError) as exc:
        print(f"fuzz failed: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
