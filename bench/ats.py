"""Applicant tracking at scale: one job with thousands of applications, and what the
recruiter's board, lists and analytics cost.

    .venv/bin/python bench/ats.py [--applications 5000] [--registered 300] [--json PATH]

Builds a throwaway database (a separate database on the PostgreSQL server named by
BENCH_DATABASE_URL or DATABASE_URL, else SQLite), migrates it, creates a recruiter, one
posting and --registered candidates with stored, parsed resumes whose fit with the posting is
computed by the matching engine; the other applications are anonymous applicants carrying one
of those resumes' text, profile and fit. Stages follow a realistic funnel, each with its
history rows (dated over the last 90 days). Then, for each endpoint below: the SQL queries one
request runs (in this process, counted), and p50/p95 over HTTP on one uvicorn worker, first
on one connection (the time a request takes) and then on --concurrency connections.

- GET /api/v1/ats/pipeline?job_id=            the board's data (50 cards per stage)
- GET /api/v1/jobs/{id}/applications          a page of 20
- GET /api/v1/ats/candidates?job_id=          a page of 20, best fit first
- GET /api/v1/ats/analytics?job_id=           funnel, conversion, times, sources
- GET /recruiter/jobs/{id}/pipeline/          the board page (session cookie)

See bench/README.md.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import httpx

# Run as a script, this file's directory is on sys.path, not the project's (whose `ats`
# package this file's name would otherwise shadow).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    LOAD_HEADERS,
    LoadResult,
    django_environment,
    print_table,
    run_benchmark,
    run_load,
    run_on_migrated_database,
    start_server,
)

# Django is set up once the throwaway database exists, so project imports live in functions.
DATABASE_NAME = "hirewise_bench_ats"
SEED = 20250105
INSERT_BATCH = 1_000
HISTORY_DAYS = 90
ACCESS_LIFETIME_MINUTES = 24 * 60

# The final stage of each application and its share: most are still early or rejected.
STAGE_MIX = {
    "applied": 0.33,
    "under_review": 0.20,
    "interview_scheduled": 0.07,
    "interviewed": 0.05,
    "offer": 0.02,
    "hired": 0.01,
    "rejected": 0.29,
    "withdrawn": 0.03,
}
SOURCE_MIX = {"job_board": 0.6, "share_link": 0.2, "referral": 0.12, "import": 0.08}

JOB_DESCRIPTION = """Senior Backend Engineer
We build the payment APIs behind thousands of online shops.
You will design and run Python services, own them from design to on-call and keep our
PostgreSQL queries fast on large tables.
Requirements: Python, Django, PostgreSQL, REST, Docker, AWS, 5+ years of experience.
Nice to have: Kafka, Redis, Celery, Kubernetes, Terraform.
"""
SKILL_POOL = [
    "Python", "Django", "PostgreSQL", "REST", "Docker", "AWS", "Kafka", "Redis", "Celery",
    "Kubernetes", "Terraform", "Flask", "FastAPI", "Go", "Java", "Spring Boot", "React",
    "TypeScript", "JavaScript", "SQL", "Linux", "Git", "GraphQL", "MongoDB", "Azure",
]  # fmt: skip
FIRST_NAMES = [
    "Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia", "Tim",
    "Frances", "Edsger", "Katherine", "Guido", "Hedy", "Donald", "Sophie", "John", "Anita",
    "Niklaus", "Karen", "Bjarne", "Shafi", "Leslie", "Mary", "Yukihiro", "Lynn", "James",
]  # fmt: skip
LAST_NAMES = [
    "Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson",
    "Perlman", "Berners-Lee", "Allen", "Dijkstra", "Johnson", "van Rossum", "Lamarr", "Knuth",
    "Wilson", "McCarthy", "Borg", "Wirth", "Jones", "Stroustrup", "Goldwasser", "Lamport",
]  # fmt: skip
EMPLOYERS = ["Acme Payments", "Northwind", "Globex", "Initech", "Umbrella Labs", "Hooli"]


@dataclass
class Figures:
    meta: dict = field(default_factory=dict)
    generation: list[dict] = field(default_factory=list)
    stages: dict = field(default_factory=dict)
    endpoints: list[dict] = field(default_factory=list)
    single: dict[str, LoadResult] = field(default_factory=dict)
    concurrent: dict[str, LoadResult] = field(default_factory=dict)


def _timed(figures: Figures, step: str, rows: int):
    """A context manager appending the step's seconds to the generation table."""

    class _Step:
        def __enter__(self):
            print(f"{step}...", file=sys.stderr, flush=True)
            self.started = time.perf_counter()

        def __exit__(self, *exc):
            seconds = time.perf_counter() - self.started
            figures.generation.append(
                {
                    "step": step,
                    "rows": rows,
                    "seconds": round(seconds, 2),
                    "rows_per_s": round(rows / seconds) if seconds else 0,
                }
            )

    return _Step()


# --- Synthetic applicants --------------------------------------------------------------------


def resume_text(index: int, rng: random.Random) -> tuple[str, str]:
    """A plain-text resume with its own mix of skills and years; returns (name, text)."""
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    skills = rng.sample(SKILL_POOL, rng.randint(4, 12))
    years = rng.randint(1, 14)
    start = 2025 - years
    middle = start + max(1, years // 2)
    first, second = rng.sample(EMPLOYERS, 2)
    text = "\n".join(
        [
            name,
            "Software Engineer",
            f"London, UK | candidate{index}@example.com | +44 20 7946 {index % 10_000:04d}",
            "",
            "SUMMARY",
            f"Engineer with {years} years of experience building web services with "
            f"{', '.join(skills[:3])}.",
            "",
            "EXPERIENCE",
            f"Software Engineer at {first}",
            f"Jan {middle} \u2013 Present",
            f"- Built services in {skills[0]} and {skills[1]} used by thousands of customers",
            f"- Ran {skills[2]} in production and cut response times by {rng.randint(10, 60)}%",
            "",
            f"Developer at {second}",
            f"Mar {start} \u2013 Dec {middle - 1}",
            f"- Maintained applications written in {skills[-1]}",
            "",
            "EDUCATION",
            f"BSc Computer Science, University of Leeds, {start - 3} \u2013 {start}",
            "",
            "SKILLS",
            ", ".join(skills),
        ]
    )
    return name, text


def _weighted(rng: random.Random, mix: dict[str, float]) -> str:
    return rng.choices(list(mix), weights=list(mix.values()))[0]


def stage_path(final: str, rng: random.Random) -> list[str]:
    """The stages an application went through to reach `final` (a valid path)."""
    funnel = ["applied", "under_review", "interview_scheduled", "interviewed", "offer", "hired"]
    if final in funnel:
        path = funnel[: funnel.index(final) + 1]
        if final in ("offer", "hired") and rng.random() < 0.2:
            path.remove("interview_scheduled")  # straight from review to an offer
            path.remove("interviewed")
        return path
    left_from = rng.choices(funnel[:5], weights=[50, 30, 8, 8, 4])[0]
    return [*funnel[: funnel.index(left_from) + 1], final]


# --- Setup -----------------------------------------------------------------------------------


def setup_people(figures: Figures, registered: int) -> dict:
    """The recruiter, their posting, and `registered` candidates with parsed resumes."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accounts.models import Role, User
    from jobs.derived import jobs_derive
    from jobs.models import Job, JobStatus
    from resumes.files import check_upload
    from resumes.services.resumes import resume_extract, resume_store

    recruiter = User.objects.create_user(
        "bench-recruiter@hirewise.local", None, name="Bench Recruiter", role=Role.RECRUITER
    )
    job = Job(
        title="Senior Backend Engineer",
        company="Bench Payments",
        location="London, UK",
        description=JOB_DESCRIPTION,
        status=JobStatus.OPEN,
        owner=recruiter,
    )
    jobs_derive([job], extract_skills=True)
    job.save()
    profiles = [resume_text(index, random.Random(SEED + index)) for index in range(registered)]
    with _timed(figures, f"{registered} candidates with stored, parsed resumes", registered):
        candidates = []
        for index, (name, _) in enumerate(profiles):
            # No password hashing: nobody signs in as them.
            user = User(email=f"candidate{index}@example.com", name=name, role=Role.CANDIDATE)
            user.set_unusable_password()
            candidates.append(user)
        candidates = User.objects.bulk_create(candidates)
        resumes = []
        for user, (_, text) in zip(candidates, profiles, strict=True):
            upload = SimpleUploadedFile("resume.txt", text.encode(), "text/plain")
            stored = resume_store(owner=user, upload=check_upload(upload))
            resumes.append(resume_extract(resume=stored))
    return {"recruiter": recruiter, "job": job, "resumes": resumes}


def build_applications(figures: Figures, people: dict, total: int, rng: random.Random) -> None:
    """`total` applications to the job: one per registered candidate, the rest anonymous
    applicants with a registered candidate's resume text; stages and history as in life."""
    from django.db import transaction
    from django.utils import timezone

    from ats.identity import email_key
    from ats.models import Application, StageChange
    from ats.services.applications import application_fit, fit_basis
    from resumes.models import Resume

    job, recruiter, resumes = people["job"], people["recruiter"], people["resumes"]
    with _timed(figures, f"fit of {len(resumes)} resumes (matching engine)", len(resumes)):
        fits = [application_fit(resume=resume, job=job) for resume in resumes]
    anonymous_basis = fit_basis(resume=Resume(), job=job)
    now = timezone.now()
    counts: dict[str, int] = dict.fromkeys(STAGE_MIX, 0)
    history_rows = 0
    with _timed(figures, f"{total:,} applications with their history", total):
        _allow_explicit_dates(Application, StageChange)
        for start in range(0, total, INSERT_BATCH):
            applications, changes = [], []
            for number in range(start, min(total, start + INSERT_BATCH)):
                resume_index = number % len(resumes)
                resume = resumes[resume_index]
                score, fit = fits[resume_index]
                registered = number < len(resumes)
                final = _weighted(rng, STAGE_MIX)
                counts[final] += 1
                path = stage_path(final, rng)
                moments = _moments(len(path), now, rng)
                if registered:
                    name, email = resume.owner.name, resume.owner.email
                else:
                    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                    email = f"applicant{number}@example.org"
                application = Application(
                    job=job,
                    candidate=resume.owner if registered else None,
                    resume=resume if registered else None,
                    applicant_name=name,
                    applicant_email=email,
                    email_key=email_key(email),
                    resume_text="" if registered else resume.text,
                    resume_profile=None if registered else resume.parsed_data,
                    cover_letter=f"I would like to join {job.company}." if number % 3 else "",
                    source=_weighted(rng, SOURCE_MIX),
                    consent_at=moments[0],
                    fit_score=score,
                    fit=fit if registered else {**(fit or {}), "basis": anonymous_basis},
                    stage=final,
                    stage_changed_at=moments[-1],
                    created_at=moments[0],
                    updated_at=moments[-1],
                )
                applications.append(application)
                previous = ""
                for stage, moment in zip(path, moments, strict=True):
                    actor = (
                        application.candidate if stage in ("applied", "withdrawn") else recruiter
                    )
                    changes.append(
                        StageChange(
                            application=application,
                            from_stage=previous,
                            to_stage=stage,
                            actor=actor,
                            created_at=moment,
                        )
                    )
                    previous = stage
            with transaction.atomic():
                Application.objects.bulk_create(applications)
                StageChange.objects.bulk_create(changes)
            history_rows += len(changes)
    figures.stages = {"final": counts, "history_rows": history_rows}


def _allow_explicit_dates(*models) -> None:
    """Seeding only: let bulk_create keep the dates given instead of now."""
    for model in models:
        for model_field in model._meta.get_fields():
            if getattr(model_field, "auto_now_add", False):
                model_field.auto_now_add = False


def _moments(count: int, now, rng: random.Random) -> list:
    """`count` increasing moments: applied in the last HISTORY_DAYS days, then a move every
    few days, never after now."""
    applied = now - timedelta(days=rng.uniform(count * 3, HISTORY_DAYS))
    moments = [applied]
    for _ in range(count - 1):
        moments.append(min(now, moments[-1] + timedelta(days=rng.uniform(0.5, 6))))
    return moments


def analyse() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in ("ats_application", "ats_stagechange", "jobs_job", "resumes_resume"):
                cursor.execute(f"VACUUM ANALYZE {table}")
        else:
            cursor.execute("ANALYZE")


# --- Measure ---------------------------------------------------------------------------------


def endpoints(job_id: int) -> dict[str, tuple[str, str]]:
    """name -> (path, how it authenticates: "jwt" or "session")."""
    return {
        "API pipeline board": (f"/api/v1/ats/pipeline?job_id={job_id}", "jwt"),
        "API job applications (20)": (f"/api/v1/jobs/{job_id}/applications?page_size=20", "jwt"),
        "API candidates (20)": (f"/api/v1/ats/candidates?job_id={job_id}&page_size=20", "jwt"),
        "API analytics": (f"/api/v1/ats/analytics?job_id={job_id}", "jwt"),
        "board page": (f"/recruiter/jobs/{job_id}/pipeline/", "session"),
    }


def credentials(recruiter) -> dict[str, dict]:
    """Headers for each way in: a JWT, and a session cookie from a real sign-in."""
    from django.conf import settings
    from django.test import Client

    from accounts.tokens import token_pair

    browser = Client(SERVER_NAME="localhost")
    browser.force_login(recruiter)
    session = browser.cookies[settings.SESSION_COOKIE_NAME].value
    return {
        "jwt": {"Authorization": f"Bearer {token_pair(recruiter)['access_token']}"},
        "session": {"Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"},
    }


def count_queries(path: str, headers: dict) -> tuple[int, int, int]:
    """(status, SQL queries, response bytes) of one GET in this process (warm)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(SERVER_NAME="localhost", headers=headers)
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return response.status_code, len(captured), len(response.content)


def measure(figures: Figures, server, people: dict, args) -> None:
    headers = credentials(people["recruiter"])
    for name, (path, auth) in endpoints(people["job"].pk).items():
        status, queries, size = count_queries(path, headers[auth])
        over_http = httpx.get(server.url(path), headers=headers[auth], timeout=60)
        if status != 200 or over_http.status_code != 200:
            raise RuntimeError(
                f"{name}: in-process {status}, over HTTP {over_http.status_code}: "
                f"{over_http.text[:300]}"
            )
        figures.endpoints.append(
            {"endpoint": name, "path": path, "queries": queries, "bytes": size}
        )
        print(f"Loading {name}...", file=sys.stderr, flush=True)
        load = {"duration": args.duration, "warmup": args.warmup, "server_pid": server.process.pid}
        figures.single[name] = run_load(server.url(path), headers[auth], concurrency=1, **load)
        if args.concurrency > 1:
            figures.concurrent[name] = run_load(
                server.url(path), headers[auth], concurrency=args.concurrency, **load
            )


# --- Run and report --------------------------------------------------------------------------


def benchmark(args, figures: Figures) -> None:
    run_on_migrated_database(
        DATABASE_NAME,
        lambda env: _run(args, figures, env),
        ACCESS_TOKEN_LIFETIME_MINUTES=str(ACCESS_LIFETIME_MINUTES),
    )


def _run(args, figures: Figures, env: dict) -> None:
    import warnings

    # WhiteNoise warns when collectstatic never ran; no static file is measured.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    figures.meta = django_environment()
    rng = random.Random(SEED)
    people = setup_people(figures, min(args.registered, args.applications))
    build_applications(figures, people, args.applications, rng)
    analyse()
    with start_server(env) as server:
        measure(figures, server, people, args)


def report(args, figures: Figures) -> dict:
    meta = figures.meta
    print()
    print(f"database: {meta['vendor']} {meta['database_version']} (throwaway {DATABASE_NAME}); "
          f"cache: {meta['cache']}")  # fmt: skip
    print(f"Python {meta['python']}, Django {meta['django']}, {meta['cpu_count']} cores shared by "
          "client, server and database")  # fmt: skip
    print("\nGeneration")
    print_table(
        ["step", "rows", "seconds", "rows/s"],
        [[g["step"], f"{g['rows']:,}", f"{g['seconds']:.1f}", f"{g['rows_per_s']:,}"]
         for g in figures.generation],
    )  # fmt: skip
    final = figures.stages.get("final", {})
    print(f"\n{args.applications:,} applications to one job, "
          f"{figures.stages.get('history_rows', 0):,} history rows; now in: "
          + ", ".join(f"{stage} {count:,}" for stage, count in final.items()))  # fmt: skip
    print("\nSQL queries per request (counted in-process, warm) and response size")
    print_table(
        ["endpoint", "queries", "KiB", "path"],
        [[e["endpoint"], str(e["queries"]), f"{e['bytes'] / 1024:.1f}", e["path"]]
         for e in figures.endpoints],
    )  # fmt: skip
    print(f"\nOne connection, {args.duration:g} s each (the time one request takes)")
    print_table(LOAD_HEADERS, [result.row(name) for name, result in figures.single.items()])
    if figures.concurrent:
        print(f"\n{args.concurrency} connections, {args.duration:g} s each")
        print_table(LOAD_HEADERS, [result.row(name) for name, result in figures.concurrent.items()])
    return {
        "benchmark": "ats",
        "settings": vars(args) | {"json": str(args.json) if args.json else None},
        "environment": meta,
        "generation": figures.generation,
        "stages": figures.stages,
        "endpoints": [
            {
                **endpoint,
                "one_connection": figures.single[endpoint["endpoint"]].as_dict(),
                "concurrent": (
                    figures.concurrent[endpoint["endpoint"]].as_dict()
                    if endpoint["endpoint"] in figures.concurrent
                    else None
                ),
            }
            for endpoint in figures.endpoints
        ],
    }


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=5_000, help="applications to the job")
    parser.add_argument(
        "--registered", type=int, default=300, help="of them, candidates with stored resumes"
    )
    parser.add_argument("--duration", type=float, default=5.0, help="load seconds per endpoint")
    parser.add_argument("--warmup", type=float, default=1.0, help="warm-up seconds per endpoint")
    parser.add_argument("--concurrency", type=int, default=4, help="connections, second pass")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write results as JSON")
    args = parser.parse_args(argv)
    if args.applications < 1 or args.registered < 1 or args.duration <= 0:
        parser.error("--applications, --registered and --duration must be positive.")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    figures = Figures()
    return run_benchmark(lambda: benchmark(args, figures), lambda: report(args, figures), args.json)


if __name__ == "__main__":
    sys.exit(main())
