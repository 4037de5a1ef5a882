"""Privacy at scale: a data export and an erasure for a person with a long history.

    .venv/bin/python bench/privacy.py [--resumes 50] [--applications 500] [--sessions 50]
                                      [--expired 100000] [--kept 10000] [--json PATH]

Builds a throwaway database (a separate database on the PostgreSQL server named by
BENCH_DATABASE_URL or DATABASE_URL, else SQLite), migrates it, then runs each scenario in
this process and prints its figures: seconds and SQL queries. Queries are also counted for a
person with a tenth of the data: a count that grows with the rows is an N+1.

Scenarios (one function each, listed in SCENARIOS; `main` runs them all):
- export:  the export job (`gdpr.export.export_build`) for the person: every app's data as
           JSON + CSV and their original files, zipped and encrypted;
- erasure: the erasure preview, then the erasure (`gdpr.erasure.user_erase`) of the same
           person: every app erases or anonymises through the registry;
- retention purge: --expired rejected or withdrawn applications of applicants without an
           account, closed 200 to 400 days ago (past the 180-day default), each with its
           history row, and --kept recent ones; the purge (`gdpr.retention.purge_expired`)
           as a dry run, then for real, checking that exactly the expired rows went.

See bench/README.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# Run as a script, this file's directory is on sys.path, not the project's.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    django_environment,
    print_table,
    run_benchmark,
    run_on_migrated_database,
)

# Django is set up once the throwaway database exists, so project imports live in functions.
DATABASE_NAME = "hirewise_bench_privacy"
ANSWERS_PER_SESSION = 5
SMALL_SHARE = 10  # the small person holds a tenth of the data, for the N+1 check
RETENTION_SEED = 20261207
INSERT_BATCH = 2_000


@dataclass
class Figures:
    meta: dict = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)

    def add(self, scenario: str, person: str, seconds: float, queries: int, **extra):
        self.rows.append(
            {
                "scenario": scenario,
                "person": person,
                "seconds": round(seconds, 3),
                "queries": queries,
                **extra,
            }
        )


@dataclass(frozen=True)
class Size:
    resumes: int
    applications: int
    sessions: int

    def smaller(self) -> Size:
        return Size(*(max(1, count // SMALL_SHARE) for count in (
            self.resumes, self.applications, self.sessions
        )))  # fmt: skip

    def words(self) -> str:
        return (
            f"{self.resumes} resumes, {self.applications} applications, "
            f"{self.sessions} interview sessions"
        )


def measured(run):
    """(seconds, queries, result) of `run()`; queries counted on the default connection."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = run()
        seconds = time.perf_counter() - started
    return seconds, len(queries), result


# --- The person ------------------------------------------------------------------------------


def build_person(size: Size, tag: str):
    """A candidate with `size` of data: stored, parsed resumes with an analysis each,
    applications (with history) to as many jobs, and practice sessions with answers."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import Role, User
    from ats.identity import email_key
    from ats.models import Application, StageChange
    from interviews.models import Answer, InterviewSession
    from jobs.models import Job, JobStatus
    from resumes.files import check_upload
    from resumes.models import Analysis, AnalysisStatus
    from resumes.services.resumes import resume_extract, resume_store

    print(f"Building a person ({tag}): {size.words()}...", file=sys.stderr, flush=True)
    email = f"bench-{tag}@example.test"
    user = User(email=email, name=f"Bench Person {tag}", role=Role.CANDIDATE, phone="+44 1")
    user.set_unusable_password()
    user.save()
    recruiter = User(email=f"recruiter-{tag}@example.test", name="Recruiter", role=Role.RECRUITER)
    recruiter.set_unusable_password()
    recruiter.save()
    resumes = []
    for index in range(size.resumes):
        text = f"{user.name}\n{email} | +44 1\n\nSKILLS\nPython, Django, SQL\n\nResume {index}\n"
        upload = SimpleUploadedFile(f"resume-{index}.txt", text.encode(), "text/plain")
        resume = resume_extract(resume=resume_store(owner=user, upload=check_upload(upload)))
        resumes.append(resume)
    now = timezone.now()
    with transaction.atomic():
        Analysis.objects.bulk_create(
            Analysis(
                owner=user,
                resume=resume,
                status=AnalysisStatus.COMPLETED,
                progress=100,
                result={"ats_score": {"overall": 70}},
                completed_at=now,
            )
            for resume in resumes
        )
        jobs = Job.objects.bulk_create(
            Job(
                title=f"Engineer {index}",
                company="Bench",
                status=JobStatus.OPEN,
                owner=recruiter,
                short_code=f"{tag[:2]}{index:07d}",
            )
            for index in range(size.applications)
        )
        applications = Application.objects.bulk_create(
            Application(
                job=job,
                candidate=user,
                resume=resumes[index % len(resumes)],
                applicant_name=user.name,
                applicant_email=email,
                email_key=email_key(email),
                applicant_phone=user.phone,
                cover_letter=f"Dear hiring team, {user.name}",
                consent_at=now,
                stage="applied",
                stage_changed_at=now,
            )
            for index, job in enumerate(jobs)
        )
        StageChange.objects.bulk_create(
            StageChange(application=application, to_stage="applied", actor=user)
            for application in applications
        )
        sessions = InterviewSession.objects.bulk_create(
            InterviewSession(
                user=user,
                session_type="practice",
                job_role="Backend engineer",
                difficulty="medium",
                total_questions=ANSWERS_PER_SESSION,
                plan=[{"text": f"Question {n}", "id": f"q{n}"} for n in range(ANSWERS_PER_SESSION)],
            )
            for _ in range(size.sessions)
        )
        Answer.objects.bulk_create(
            Answer(
                session=session,
                position=n,
                question_id=f"q{n}",
                answer_text=f"{user.name} answers question {n}.",
                time_taken_seconds=60,
                overall_score=7.0,
                scores={"relevance": 7},
                result={"feedback": []},
                sentiment="neutral",
            )
            for session in sessions
            for n in range(ANSWERS_PER_SESSION)
        )
    return user


# --- Scenarios -------------------------------------------------------------------------------


def scenario_export(figures: Figures, people: dict) -> None:
    """The export job for each person: seconds, queries, the zip's size and entries."""
    import io
    import zipfile

    from gdpr.crypto import decrypt_bytes
    from gdpr.export import export_build, export_request

    for tag, (user, _) in people.items():
        export = export_request(user=user)
        seconds, queries, _ = measured(lambda export=export: export_build(export_id=str(export.pk)))
        export.refresh_from_db()
        with export.archive.open("rb") as stored:
            content = decrypt_bytes(stored.read())
        entries = len(zipfile.ZipFile(io.BytesIO(content)).namelist())
        figures.add(
            "export", tag, seconds, queries, zip_kib=round(len(content) / 1024), entries=entries
        )


def scenario_erasure(figures: Figures, people: dict) -> None:
    """The preview, then the erasure, of each person."""
    from gdpr.erasure import user_erase
    from gdpr.registry import registry

    for tag, (user, _) in people.items():
        seconds, queries, lines = measured(lambda user=user: registry.preview_erasure(user))
        figures.add("erasure preview", tag, seconds, queries, kinds=len(lines))
        seconds, queries, erased = measured(lambda user=user: user_erase(user=user))
        figures.add("erasure", tag, seconds, queries, kinds=len(erased))


def seed_closed_applications(*, expired: int, kept: int) -> None:
    """`expired` applications closed past retention and `kept` closed recently, anonymous,
    to one job, each with its history row (bulk inserts, dates as given)."""
    import random
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from accounts.models import Role, User
    from ats.identity import email_key
    from ats.models import Application, StageChange
    from jobs.models import Job, JobStatus

    print(f"Seeding {expired:,} expired and {kept:,} kept applications...", file=sys.stderr)
    rng = random.Random(RETENTION_SEED)
    recruiter = User(email="retention@example.test", name="Recruiter", role=Role.RECRUITER)
    recruiter.set_unusable_password()
    recruiter.save()
    job = Job.objects.create(
        title="Support Engineer", company="Bench Retail", status=JobStatus.OPEN, owner=recruiter
    )
    now = timezone.now()
    _allow_explicit_dates(Application, StageChange)
    total = expired + kept
    for start in range(0, total, INSERT_BATCH):
        applications, changes = [], []
        for number in range(start, min(start + INSERT_BATCH, total)):
            age = rng.uniform(200, 400) if number < expired else rng.uniform(1, 150)
            closed_at = now - timedelta(days=age)
            email = f"applicant{number}@example.org"
            stage = "rejected" if number % 10 else "withdrawn"
            application = Application(
                job=job,
                applicant_name=f"Applicant {number}",
                applicant_email=email,
                email_key=email_key(email),
                consent_at=closed_at - timedelta(days=10),
                stage=stage,
                stage_changed_at=closed_at,
                created_at=closed_at - timedelta(days=10),
                updated_at=closed_at,
            )
            applications.append(application)
            changes.append(StageChange(
                application=application, from_stage="applied", to_stage=stage, created_at=closed_at
            ))  # fmt: skip
        with transaction.atomic():
            Application.objects.bulk_create(applications)
            StageChange.objects.bulk_create(changes)


def _allow_explicit_dates(*models) -> None:
    """Seeding only: let bulk_create keep the dates given instead of now."""
    for model in models:
        for model_field in model._meta.get_fields():
            if getattr(model_field, "auto_now_add", False):
                model_field.auto_now_add = False


def scenario_retention_purge(figures: Figures, args) -> None:
    """The dry run, then the purge; exactly the expired applications and their history go."""
    from ats.models import Application, StageChange
    from gdpr.retention import purge_expired

    kept_before = Application.objects.count()
    seed_closed_applications(expired=args.expired, kept=args.kept)
    person = f"{args.expired:,} expired"
    seconds, queries, dry = measured(lambda: purge_expired(dry_run=True))
    counted = dry["kinds"]["closed_applications"]["count"]
    figures.add("retention purge: dry run", person, seconds, queries, rows=counted)
    history_before = StageChange.objects.count()
    seconds, queries, done = measured(lambda: purge_expired(dry_run=False))
    removed = done["kinds"]["closed_applications"]["count"]
    figures.add("retention purge", person, seconds, queries, rows=removed)
    left = Application.objects.count() - kept_before
    if not counted == removed == args.expired or left != args.kept:
        raise RuntimeError(
            f"The purge counted {counted:,}, removed {removed:,} of {args.expired:,} expired "
            f"applications and left {left:,} (expected {args.kept:,})."
        )
    if history_before - StageChange.objects.count() != args.expired:
        raise RuntimeError("The purge left history rows of purged applications behind.")


SCENARIOS = [scenario_export, scenario_erasure]


# --- Main ------------------------------------------------------------------------------------


def benchmark(args, figures: Figures) -> None:
    def run(env):
        full = Size(args.resumes, args.applications, args.sessions)
        people = {tag: (build_person(size, tag), size) for tag, size in (
            ("small", full.smaller()), ("full", full)
        )}  # fmt: skip
        figures.meta = django_environment(
            **{tag: size.words() for tag, (_, size) in people.items()}
        )
        for scenario in SCENARIOS:
            print(f"Running {scenario.__name__}...", file=sys.stderr, flush=True)
            scenario(figures, people)
        if args.expired:
            scenario_retention_purge(figures, args)

    # Emails (the export is ready) go nowhere: only the work is measured.
    run_on_migrated_database(DATABASE_NAME, run, EMAIL_URL="dummymail://")


def report(args, figures: Figures) -> dict:
    meta = figures.meta
    print(f"\n{meta.get('vendor')} {meta.get('database_version')}, {meta.get('cpu_count')} cores")
    print(f"full person: {meta.get('full')}; small person: {meta.get('small')}")
    extra_keys = sorted({key for row in figures.rows for key in row} - {
        "scenario", "person", "seconds", "queries"
    })  # fmt: skip
    print_table(
        ["scenario", "person", "seconds", "queries", *extra_keys],
        [
            [row["scenario"], row["person"], f"{row['seconds']:.3f}", str(row["queries"]),
             *(str(row.get(key, "")) for key in extra_keys)]
            for row in figures.rows
        ],
    )  # fmt: skip
    return {
        "benchmark": "privacy",
        "settings": vars(args) | {"json": str(args.json) if args.json else None},
        "environment": meta,
        "scenarios": figures.rows,
    }


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resumes", type=int, default=50, help="the person's stored resumes")
    parser.add_argument("--applications", type=int, default=500, help="their applications")
    parser.add_argument("--sessions", type=int, default=50, help="their interview sessions")
    parser.add_argument(
        "--expired", type=int, default=100_000, help="applications past retention (0: skip)"
    )
    parser.add_argument("--kept", type=int, default=10_000, help="recent ones, which stay")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write results as JSON")
    args = parser.parse_args(argv)
    if min(args.resumes, args.applications, args.sessions) < 1:
        parser.error("--resumes, --applications and --sessions must be positive.")
    if args.expired < 0 or args.kept < 0:
        parser.error("--expired and --kept must not be negative.")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    figures = Figures()
    return run_benchmark(lambda: benchmark(args, figures), lambda: report(args, figures), args.json)


if __name__ == "__main__":
    sys.exit(main())
