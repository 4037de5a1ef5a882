"""Jobs at scale: generated postings, search through the API next to its own SQL, matching,
and the job list next to a bare DRF list view.

    .venv/bin/python bench/jobs.py [--jobs 100000] [--search-jobs 1000000] [--json PATH]

Builds a throwaway database (a separate database on the PostgreSQL server named by
BENCH_DATABASE_URL or DATABASE_URL, else SQLite), migrates it, derives a few thousand
distinct synthetic postings with `jobs.derived.jobs_derive` and clones them (other
companies, locations, salaries, dates) up to the sizes asked for, then measures:

- match: `jobs.matching.match_jobs` in this process at 10k jobs and at --jobs (index build
  reported apart from the warm p50/p95), and POST /api/v1/jobs/match on the server;
- search: POST /api/v1/jobs/search p50/p95 for realistic queries next to the same SQL (the
  count and the page the view runs) through a cursor, with the ratio; again at
  --search-jobs when larger;
- list: GET /api/v1/jobs requests/s next to a bare DRF ListAPIView (`/bench/jobs`).

See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import warnings
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import httpx

# Run as a script, this file's directory is on sys.path, not the project's.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    LOAD_HEADERS,
    LoadResult,
    django_environment,
    percentile,
    print_table,
    ratio,
    run_benchmark,
    run_load,
    run_on_migrated_database,
    start_server,
)

# Django is set up once the throwaway database exists, so project imports live in functions.
DATABASE_NAME = "hirewise_bench_jobs"
SEED = 20240601
MATCH_SIZE_SMALL = 10_000
DERIVE_BATCH = 500
INSERT_CHUNK = 5_000
PAGE_SIZE = 20
MATCH_TARGET_MS = 50.0
SEARCH_TARGET_RATIO = 3.0
ACCESS_LIFETIME_MINUTES = 24 * 60
SHORT_CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
SHORT_CODE_MULTIPLIER = 2_654_435_761  # not a multiple of 31: i -> code is one-to-one

SEARCHES = {
    "python developer": {"q": "python developer"},
    "senior data engineer, Berlin": {"q": "senior data engineer", "location": "Berlin"},
    "react, remote": {"q": "react", "remote": True},
    "kubernetes + skill + salary": {
        "q": "kubernetes",
        "skills": ["Kubernetes"],
        "salary_min": 80_000,
    },
    '"machine learning" -intern': {"q": '"machine learning" -intern'},
    "filters only: contract, senior": {"job_type": ["contract"], "experience_level": ["senior"]},
    "skills only, by salary": {"skills": ["Python", "Django"], "sort_by": "salary"},
}

# --- Synthetic postings ----------------------------------------------------------------------

ROLES = [
    ("Backend Engineer", "Engineering",
     ["Python", "Django", "PostgreSQL", "Redis", "Docker", "AWS", "REST", "Celery", "Kafka"],
     ["design and run the APIs behind our product", "own services from design to on-call",
      "improve query performance on large tables"]),
    ("Python Developer", "Engineering",
     ["Python", "Flask", "FastAPI", "SQL", "Docker", "pytest", "Git", "Linux"],
     ["write clean, tested Python", "build internal tools and integrations",
      "review code and pair with colleagues"]),
    ("Java Developer", "Engineering",
     ["Java", "Spring Boot", "Hibernate", "PostgreSQL", "Kafka", "Maven", "Microservices"],
     ["build payment microservices in Java", "keep latency low under heavy load",
      "write integration tests"]),
    ("Go Engineer", "Engineering",
     ["Go", "gRPC", "Kubernetes", "PostgreSQL", "Prometheus", "Docker", "Linux"],
     ["build high-throughput services in Go", "instrument services with metrics",
      "design protobuf APIs"]),
    ("Frontend Developer", "Engineering",
     ["React", "TypeScript", "JavaScript", "CSS", "HTML", "Redux", "Jest", "GraphQL"],
     ["build accessible interfaces in React", "turn designs into fast pages",
      "own our component library"]),
    ("Full Stack Developer", "Engineering",
     ["JavaScript", "TypeScript", "Node.js", "React", "PostgreSQL", "Docker", "AWS"],
     ["ship features across the stack", "build APIs in Node.js and pages in React",
      "talk to customers about what they need"]),
    ("Vue.js Developer", "Engineering",
     ["Vue.js", "JavaScript", "TypeScript", "CSS", "Vite", "Cypress"],
     ["build our dashboard in Vue.js", "write end-to-end tests", "care about web performance"]),
    ("Data Engineer", "Data",
     ["Python", "Apache Spark", "Apache Airflow", "SQL", "dbt", "Snowflake", "Kafka", "AWS"],
     ["build batch and streaming pipelines", "model data for analysts",
      "keep data quality high with tests and monitoring"]),
    ("Data Scientist", "Data",
     ["Python", "pandas", "scikit-learn", "SQL", "Statistics", "Machine Learning", "Tableau"],
     ["run experiments and explain the results", "build forecasting models",
      "work with product managers on metrics"]),
    ("Machine Learning Engineer", "Data",
     ["Python", "PyTorch", "TensorFlow", "Machine Learning", "Kubernetes", "MLflow", "Docker"],
     ["train and serve machine learning models", "build feature pipelines",
      "monitor models in production"]),
    ("Data Analyst", "Data",
     ["SQL", "Excel", "Tableau", "Power BI", "Python", "Statistics"],
     ["answer business questions with data", "build dashboards", "define KPIs with teams"]),
    ("DevOps Engineer", "Platform",
     ["Kubernetes", "Terraform", "AWS", "Docker", "Linux", "Ansible", "Jenkins", "Prometheus"],
     ["run our Kubernetes clusters", "automate infrastructure with Terraform",
      "improve CI/CD pipelines"]),
    ("Site Reliability Engineer", "Platform",
     ["Linux", "Kubernetes", "Go", "Python", "Prometheus", "Grafana", "AWS", "Terraform"],
     ["keep production reliable", "own incident response and postmortems",
      "set and track SLOs"]),
    ("Cloud Engineer", "Platform",
     ["Azure", "Terraform", "PowerShell", "Kubernetes", "Networking", "Linux"],
     ["migrate workloads to the cloud", "design secure networks", "control cloud costs"]),
    ("Security Engineer", "Security",
     ["Linux", "Python", "AWS", "Penetration Testing", "SIEM", "Networking"],
     ["find and fix vulnerabilities", "run threat modelling sessions",
      "build security tooling"]),
    ("iOS Developer", "Mobile",
     ["Swift", "iOS", "Xcode", "SwiftUI", "REST", "Git"],
     ["build our iOS app in Swift", "ship weekly to the App Store", "write UI tests"]),
    ("Android Developer", "Mobile",
     ["Kotlin", "Android", "Java", "Jetpack Compose", "REST", "Git"],
     ["build our Android app in Kotlin", "improve app start time", "write UI tests"]),
    (".NET Developer", "Engineering",
     ["C#", ".NET", "ASP.NET", "SQL Server", "Azure", "Entity Framework"],
     ["build web services in C#", "modernise a legacy .NET application",
      "work with SQL Server"]),
    ("Ruby on Rails Developer", "Engineering",
     ["Ruby", "Ruby on Rails", "PostgreSQL", "Redis", "Sidekiq", "RSpec"],
     ["build features in Rails", "keep the test suite fast", "improve background jobs"]),
    ("PHP Developer", "Engineering",
     ["PHP", "Laravel", "MySQL", "JavaScript", "Docker", "Redis"],
     ["build our shop in Laravel", "optimise MySQL queries", "maintain payment integrations"]),
    ("QA Engineer", "Quality",
     ["Selenium", "Cypress", "Python", "Test Automation", "Jira", "SQL"],
     ["automate regression tests", "test releases before they ship",
      "improve test coverage with developers"]),
    ("Product Designer", "Design",
     ["Figma", "User Research", "Prototyping", "UX Design", "Design Systems"],
     ["design flows from research to pixels", "test prototypes with users",
      "grow our design system"]),
    ("Product Manager", "Product",
     ["Product Management", "Agile", "Scrum", "Jira", "SQL", "User Research"],
     ["own the roadmap of one product area", "write clear requirements",
      "measure what we ship"]),
    ("Embedded Software Engineer", "Hardware",
     ["C", "C++", "Embedded Systems", "RTOS", "Linux", "Python"],
     ["write firmware for our devices", "debug hardware with oscilloscopes",
      "optimise memory and power use"]),
]  # fmt: skip
LEVELS = [
    ("entry", "Junior ", (0, 1)),
    ("mid", "", (2, 4)),
    ("senior", "Senior ", (5, 7)),
    ("lead", "Lead ", (8, 10)),
]
PRODUCTS = [
    "a payments platform", "software for hospitals", "a logistics marketplace",
    "tools for online shops", "a learning app", "an energy trading platform",
    "a travel booking site", "accounting software", "a video streaming service",
    "a property search portal", "insurance software", "a food delivery app",
]  # fmt: skip
BENEFITS = [
    "flexible hours", "a learning budget", "private health insurance", "a pension plan",
    "four weeks of paid leave", "a home office allowance", "stock options",
    "a yearly team retreat", "parental leave", "a bike scheme",
]  # fmt: skip
TEAMS = ["Payments", "Platform", "Growth", "Search", "Core", "Risk", "Checkout", "Mobile"]
COMPANY_FIRST = [
    "Acme", "Blue", "Bright", "North", "Quantum", "Silver", "Green", "Swift", "Nimbus",
    "Atlas", "Orbit", "Pioneer", "Summit", "Vertex", "Harbor", "Falcon", "Cedar", "Nova",
    "Zenith", "Delta",
]  # fmt: skip
COMPANY_SECOND = [
    "Labs", "Systems", "Analytics", "Payments", "Health", "Logistics", "Software", "Cloud",
    "Robotics", "Media", "Energy", "Finance", "Commerce", "Networks", "Studios",
]  # fmt: skip
# (location, currency, salary factor)
LOCATIONS = [
    ("London, UK", "GBP", 0.85), ("Manchester, UK", "GBP", 0.7), ("Edinburgh, UK", "GBP", 0.7),
    ("Berlin, Germany", "EUR", 0.8), ("Munich, Germany", "EUR", 0.9),
    ("Hamburg, Germany", "EUR", 0.8), ("Paris, France", "EUR", 0.75),
    ("Amsterdam, Netherlands", "EUR", 0.85), ("Dublin, Ireland", "EUR", 0.9),
    ("Madrid, Spain", "EUR", 0.55), ("Lisbon, Portugal", "EUR", 0.45),
    ("Warsaw, Poland", "PLN", 3.0), ("Stockholm, Sweden", "SEK", 9.0),
    ("Zurich, Switzerland", "CHF", 1.3), ("New York, NY", "USD", 1.4),
    ("San Francisco, CA", "USD", 1.6), ("Austin, TX", "USD", 1.2), ("Seattle, WA", "USD", 1.5),
    ("Chicago, IL", "USD", 1.2), ("Boston, MA", "USD", 1.3), ("Toronto, Canada", "CAD", 1.2),
    ("Vancouver, Canada", "CAD", 1.2), ("Sydney, Australia", "AUD", 1.3),
    ("Singapore", "SGD", 1.3), ("Bangalore, India", "INR", 25.0),
]  # fmt: skip
BASE_SALARY = {"entry": 40_000, "mid": 60_000, "senior": 85_000, "lead": 110_000}
JOB_TYPES = ["full_time"] * 15 + ["contract"] * 3 + ["part_time", "temporary", "freelance"]
WORK_MODES = ["onsite"] * 5 + ["hybrid"] * 3 + ["remote"] * 2

# The resumes a match ranks jobs for (a candidate's own, parsed as uploaded text).
RESUMES = {
    "python backend": """Alex Rivera
alex.rivera@example.com | London, UK

Summary
Backend engineer with six years of experience building Python services.

Experience
Senior Software Engineer at Northwind Payments
Jan 2021 - Present
- Built Django REST APIs on PostgreSQL serving 3M requests a day
- Moved services to Docker and Kubernetes on AWS

Software Engineer at Brightside Labs
Mar 2018 - Dec 2020
- Wrote data pipelines in Python with Celery and Redis

Skills
Python, Django, PostgreSQL, Redis, Docker, Kubernetes, AWS, Celery, Git
""",
    "react frontend": """Sam Okafor
sam.okafor@example.com | Berlin, Germany

Experience
Frontend Developer at Orbit Commerce
Jun 2020 - Present
- Built the checkout in React and TypeScript; cut page load time by 40%
- Wrote Jest and Cypress tests; introduced a component library

Junior Developer at Blue Media
Sep 2018 - May 2020
- Built pages in JavaScript, HTML and CSS

Skills
React, TypeScript, JavaScript, Redux, GraphQL, CSS, HTML, Jest, Cypress
""",
    "data engineer": """Priya Natarajan
priya.n@example.com | Amsterdam, Netherlands

Experience
Data Engineer at Atlas Logistics
Feb 2019 - Present
- Built Apache Spark and Airflow pipelines moving 2TB a day into Snowflake
- Modelled data with dbt and SQL for 40 analysts
- Streamed events through Kafka

Skills
Python, SQL, Apache Spark, Apache Airflow, dbt, Snowflake, Kafka, AWS
""",
    "devops": """Jordan Lee
jordan.lee@example.com | Remote

Experience
Site Reliability Engineer at Summit Cloud
2017 - Present
- Ran 30 Kubernetes clusters on AWS provisioned with Terraform and Ansible
- Built Prometheus and Grafana monitoring; on-call lead

Skills
Kubernetes, Terraform, AWS, Docker, Linux, Ansible, Prometheus, Grafana, Python, Go
""",
}


@dataclass
class Template:
    """A derived posting every clone copies: the text, skills and vector."""

    title: str
    department: str
    description: str
    experience_level: str
    required_skills: list[str]
    preferred_skills: list[str]
    skill_keys: list[str]
    vector: bytes
    vector_backend: str


@dataclass
class Figures:
    """Everything measured, for the report and --json."""

    meta: dict = field(default_factory=dict)
    generation: list[dict] = field(default_factory=list)
    match: list[dict] = field(default_factory=list)
    match_api: dict = field(default_factory=dict)
    search: dict[int, list[dict]] = field(default_factory=dict)
    list_load: dict[str, LoadResult] = field(default_factory=dict)


def build_templates(count: int, rng: random.Random) -> list[Template]:
    """`count` distinct postings (role x level x skills x duties), derived in batches."""
    from jobs.derived import jobs_derive

    templates = []
    for start in range(0, count, DERIVE_BATCH):
        jobs = [
            _template_job(number, rng) for number in range(start, min(count, start + DERIVE_BATCH))
        ]
        jobs_derive(jobs)
        templates += [
            Template(
                title=job.title,
                department=job.department,
                description=job.description,
                experience_level=job.experience_level,
                required_skills=job.required_skills,
                preferred_skills=job.preferred_skills,
                skill_keys=job.skill_keys,
                vector=bytes(job.vector),
                vector_backend=job.vector_backend,
            )
            for job in jobs
        ]
    return templates


def _template_job(number: int, rng: random.Random):
    from jobs.models import Job

    title, department, pool, duties = ROLES[number % len(ROLES)]
    level, prefix, (low_years, high_years) = LEVELS[(number // len(ROLES)) % len(LEVELS)]
    skills = rng.sample(pool, k=min(len(pool), rng.randint(4, 6)))
    required, preferred = skills[:-2], skills[-2:]
    years = rng.randint(low_years, high_years)
    experience = f", {years}+ years of experience" if years else ""
    lines = [
        f"{prefix}{title}",
        f"We build {rng.choice(PRODUCTS)} and are hiring for our {rng.choice(TEAMS)} team.",
        "What you will do:",
        *(f"- {duty}" for duty in rng.sample(duties, k=len(duties))),
        f"Requirements: {', '.join(required)}{experience}.",
        f"Nice to have: {', '.join(preferred)}.",
        f"We offer {', '.join(rng.sample(BENEFITS, k=3))}.",
    ]
    return Job(
        title=f"{prefix}{title}",
        department=department,
        experience_level=level,
        description="\n".join(lines),
    )


def short_code(number: int) -> str:
    value = (number + 1) * SHORT_CODE_MULTIPLIER % len(SHORT_CODE_ALPHABET) ** 7
    digits = []
    for _ in range(7):
        value, digit = divmod(value, len(SHORT_CODE_ALPHABET))
        digits.append(SHORT_CODE_ALPHABET[digit])
    return "".join(digits)


COLUMNS = (
    "title", "company", "location", "job_type", "work_mode", "experience_level", "department",
    "description", "required_skills", "preferred_skills", "skill_keys", "skills_edited",
    "salary_min", "salary_max", "salary_currency", "salary_period", "salary_text", "source",
    "source_job_id", "apply_url", "posted_at", "end_date", "status", "owner_id", "short_code",
    "vector", "vector_backend", "created_at", "updated_at",
)  # fmt: skip


class Cloner:
    """Rows for jobs number `start` onwards: a template with its own company, place, pay, date."""

    def __init__(self, templates: list[Template], owner_id: int, seed: int):
        from django.utils import timezone

        self.templates = templates
        # What every clone of a template shares, as COPY takes it (JSON lists as text).
        self.fixed = [
            {
                "experience_level": t.experience_level,
                "department": t.department,
                "description": t.description,
                "required_skills": json.dumps(t.required_skills),
                "preferred_skills": json.dumps(t.preferred_skills),
                "skill_keys": json.dumps(t.skill_keys),
                "skills_edited": False,
                "salary_period": "year",
                "salary_text": "",
                "source": "hirewise",
                "source_job_id": "",
                "apply_url": "",
                "end_date": None,
                "status": "open",
                "owner_id": owner_id,
                "vector": t.vector,
                "vector_backend": t.vector_backend,
            }
            for t in templates
        ]
        self.seed = seed
        self.now = timezone.now()

    def rows(self, start: int, stop: int):
        rng = random.Random(self.seed + start)
        for number in range(start, stop):
            index = rng.randrange(len(self.templates))
            template = self.templates[index]
            location, currency, factor = rng.choice(LOCATIONS)
            work_mode = rng.choice(WORK_MODES)
            if work_mode == "remote" and rng.random() < 0.5:
                location = "Remote"
            title = template.title
            if rng.random() < 0.5:
                title = f"{title}, {rng.choice(TEAMS)}"
            low = high = None
            if rng.random() < 0.8:
                base = BASE_SALARY[template.experience_level] * factor * rng.uniform(0.85, 1.2)
                low, high = int(round(base, -3)), int(round(base * rng.uniform(1.1, 1.35), -3))
            posted = self.now - timedelta(seconds=rng.randrange(180 * 24 * 3600))
            values = {
                "title": title,
                "company": f"{rng.choice(COMPANY_FIRST)} {rng.choice(COMPANY_SECOND)}",
                "location": location,
                "job_type": rng.choice(JOB_TYPES),
                "work_mode": work_mode,
                "salary_min": low,
                "salary_max": high,
                "salary_currency": currency,
                "posted_at": posted,
                "created_at": posted,
                "updated_at": posted,
                "short_code": short_code(number),
            }
            yield tuple(
                values[name] if name in values else self.fixed[index][name] for name in COLUMNS
            )


def insert_jobs(cloner: Cloner, start: int, stop: int) -> None:
    """Jobs `start`..`stop` into the table: COPY on PostgreSQL, bulk_create elsewhere."""
    from django.db import connection, transaction

    from jobs.freshness import jobs_changed

    for chunk in range(start, stop, INSERT_CHUNK):
        rows = cloner.rows(chunk, min(stop, chunk + INSERT_CHUNK))
        with transaction.atomic():
            if connection.vendor == "postgresql":
                _copy(rows)
            else:
                _bulk_create(rows)
    jobs_changed()


def _copy(rows) -> None:
    from django.db import connection

    statement = f"COPY jobs_job ({', '.join(COLUMNS)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def _bulk_create(rows) -> None:
    from jobs.models import Job

    jobs = []
    for row in rows:
        values = dict(zip(COLUMNS, row, strict=True))
        for name in ("required_skills", "preferred_skills", "skill_keys"):
            values[name] = json.loads(values[name])
        jobs.append(Job(**values))
    Job.objects.bulk_create(jobs)


def analyse() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        # VACUUM as autovacuum would: the visibility map lets counts use index-only scans.
        cursor.execute(
            "VACUUM ANALYZE jobs_job" if connection.vendor == "postgresql" else "ANALYZE"
        )


def grow(figures: Figures, cloner: Cloner, have: int, want: int) -> int:
    """Insert jobs up to `want`; returns the new count."""
    if want <= have:
        return have
    print(f"Inserting jobs {have:,} to {want:,}...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    insert_jobs(cloner, have, want)
    inserted = time.perf_counter() - started
    started = time.perf_counter()
    analyse()
    figures.generation.append(
        {
            "step": f"insert {have:,} -> {want:,}",
            "rows": want - have,
            "seconds": round(inserted, 2),
            "rows_per_s": round((want - have) / inserted),
            "analyze_s": round(time.perf_counter() - started, 2),
        }
    )
    return want


# --- Setup -----------------------------------------------------------------------------------


def setup_users() -> dict:
    """A recruiter who owns the jobs, and a candidate with the resumes and a token."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accounts.models import Role, User
    from accounts.tokens import token_pair
    from resumes.files import check_upload
    from resumes.services.resumes import resume_extract, resume_store

    recruiter = User.objects.create_user(
        "bench-recruiter@hirewise.local", "bench-password-not-secret", name="Bench Recruiter",
        role=Role.RECRUITER,
    )  # fmt: skip
    candidate = User.objects.create_user(
        "bench-candidate@hirewise.local", "bench-password-not-secret", name="Bench Candidate",
        role=Role.CANDIDATE,
    )  # fmt: skip
    resumes = {}
    for name, text in RESUMES.items():
        upload = SimpleUploadedFile(f"{name}.txt", text.encode(), "text/plain")
        stored = resume_store(owner=candidate, upload=check_upload(upload))
        resumes[name] = resume_extract(resume=stored)
    return {
        "recruiter": recruiter,
        "candidate": candidate,
        "resumes": resumes,
        "token": token_pair(candidate)["access_token"],
    }


def environment() -> dict:
    from ai.similarity import backend_name

    return django_environment(similarity_backend=backend_name())


# --- Match -----------------------------------------------------------------------------------


def measure_match(figures: Figures, users: dict, jobs: int, samples: int) -> None:
    """Index build time, then warm match_jobs latency over every resume, in this process."""
    from jobs.matching.index import match_index
    from jobs.matching.service import match_jobs

    print(f"Matching in-process at {jobs:,} jobs...", file=sys.stderr, flush=True)
    index = match_index()
    index.reset()
    started = time.perf_counter()
    snapshot = index.snapshot()
    build = time.perf_counter() - started
    resumes = list(users["resumes"].values())
    for resume in resumes:  # first calls read each resume's profile and vector caches
        match_jobs(resume=resume, limit=PAGE_SIZE, user=users["candidate"])
    timings = []
    for _ in range(samples):
        for resume in resumes:
            started = time.perf_counter()
            result = match_jobs(resume=resume, limit=PAGE_SIZE, user=users["candidate"])
            timings.append(time.perf_counter() - started)
    timings.sort()
    figures.match.append(
        {
            "jobs": jobs,
            "indexed": _snapshot_size(snapshot),
            "index_build_s": round(build, 3),
            "calls": len(timings),
            "p50_ms": round(percentile(timings, 50) * 1000, 2),
            "p95_ms": round(percentile(timings, 95) * 1000, 2),
            "results": len(_match_items(result)),
        }
    )


def _snapshot_size(snapshot) -> int | None:
    active = getattr(snapshot, "active", None)
    return int(active.sum()) if active is not None else None


def _match_items(body) -> list:
    if isinstance(body, dict):
        for key in ("results", "items", "matches", "jobs"):
            if isinstance(body.get(key), list):
                return body[key]
    return []


def measure_match_api(figures: Figures, server, users: dict, samples: int) -> None:
    headers = {"Authorization": f"Bearer {users['token']}"}
    bodies = [
        {"resume_id": str(resume.pk), "limit": PAGE_SIZE} for resume in users["resumes"].values()
    ]
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=60) as client:
        started = time.perf_counter()
        first = client.post("/api/v1/jobs/match", json=bodies[0])
        cold = time.perf_counter() - started
        if first.status_code != 200:
            figures.match_api = {"error": f"HTTP {first.status_code}: {first.text[:200]}"}
            return
        timings = _timed_posts(client, "/api/v1/jobs/match", bodies, samples)
    figures.match_api = {
        "first_call_s": round(cold, 3),
        "calls": len(timings),
        "p50_ms": round(percentile(timings, 50) * 1000, 2),
        "p95_ms": round(percentile(timings, 95) * 1000, 2),
        "results": len(_match_items(first.json())),
    }


def _timed_posts(client, path: str, bodies: list[dict], samples: int) -> list[float]:
    """Seconds per POST, sorted; `client` is an httpx client or DRF's in-process APIClient."""

    def post(body):
        if isinstance(client, httpx.Client):
            client.post(path, json=body).raise_for_status()
        elif client.post(path, body, format="json").status_code != 200:
            raise RuntimeError(f"POST {path} failed in-process for {body}")

    for body in bodies:  # warm
        post(body)
    timings = []
    for _ in range(samples):
        for body in bodies:
            started = time.perf_counter()
            post(body)
            timings.append(time.perf_counter() - started)
    return sorted(timings)


# --- Search ----------------------------------------------------------------------------------


def search_statements(body: dict) -> list[tuple[str, tuple]]:
    """The SQL the search view runs for `body`: the paginator's count, then the page."""
    from django.contrib.auth.models import AnonymousUser
    from django.core.paginator import Paginator
    from django.db import connection

    from jobs.filters import job_filters_parse
    from jobs.selectors import jobs_list

    anonymous = AnonymousUser()
    jobs = jobs_list(user=anonymous, filters=job_filters_parse(body, user=anonymous))
    counted = []

    def capture(execute, sql, params, many, context):
        counted.append((sql, tuple(params or ())))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        Paginator(jobs, PAGE_SIZE).count  # noqa: B018 (the count query the view runs)
    page_sql, page_params = jobs[:PAGE_SIZE].query.sql_with_params()
    return [counted[-1], (page_sql, tuple(page_params))]


def raw_timings(statements: list[tuple[str, tuple]], samples: int) -> tuple[list[float], int]:
    from django.db import connection

    def once() -> int:
        with connection.cursor() as cursor:
            total = 0
            for number, (sql, params) in enumerate(statements):
                cursor.execute(sql, params)
                rows = cursor.fetchall()
                if number == 0:
                    total = rows[0][0]
            return total

    for _ in range(3):
        total = once()
    timings = []
    for _ in range(samples):
        started = time.perf_counter()
        once()
        timings.append(time.perf_counter() - started)
    return sorted(timings), total


def measure_search(figures: Figures, server, jobs: int, samples: int) -> None:
    print(f"Searching at {jobs:,} jobs...", file=sys.stderr, flush=True)
    from rest_framework.test import APIClient

    # WhiteNoise warns when collectstatic never ran; the search answers no static files.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    rows = []
    local = APIClient(SERVER_NAME="localhost")  # the same view in this process: no HTTP, no ASGI
    with httpx.Client(base_url=server.base_url, timeout=60) as client:
        for name, body in SEARCHES.items():
            response = client.post("/api/v1/jobs/search", json=body)
            if response.status_code != 200:
                raise RuntimeError(
                    f"search {name!r} answered {response.status_code}: {response.text[:300]}"
                )
            api = _timed_posts(client, "/api/v1/jobs/search", [body], samples)
            view = _timed_posts(local, "/api/v1/jobs/search", [body], samples)
            raw, total = raw_timings(search_statements(body), samples)
            if total != response.json()["total"]:
                raise RuntimeError(
                    f"search {name!r}: the SQL counts {total}, the API {response.json()['total']}"
                )
            rows.append(
                {
                    "query": name,
                    "hits": total,
                    "api_p50_ms": round(percentile(api, 50) * 1000, 2),
                    "api_p95_ms": round(percentile(api, 95) * 1000, 2),
                    "view_p50_ms": round(percentile(view, 50) * 1000, 2),
                    "sql_p50_ms": round(percentile(raw, 50) * 1000, 2),
                    "sql_p95_ms": round(percentile(raw, 95) * 1000, 2),
                }
            )
    for row in rows:
        row["ratio_p50"] = _rounded(ratio(row["api_p50_ms"], row["sql_p50_ms"]))
        row["ratio_p95"] = _rounded(ratio(row["api_p95_ms"], row["sql_p95_ms"]))
    figures.search[jobs] = rows


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


# --- List ------------------------------------------------------------------------------------


def measure_list(figures: Figures, server, args) -> None:
    for name, path in (("GET /api/v1/jobs", "/api/v1/jobs"), ("bare ListAPIView", "/bench/jobs")):
        response = httpx.get(server.url(path), timeout=60)
        if response.status_code != 200 or len(response.json().get("items", ())) != PAGE_SIZE:
            raise RuntimeError(f"GET {path} answered {response.status_code}: {response.text[:300]}")
        print(f"Loading {path}...", file=sys.stderr, flush=True)
        figures.list_load[name] = run_load(
            server.url(path),
            duration=args.duration,
            concurrency=args.concurrency,
            warmup=args.warmup,
            server_pid=server.process.pid,
        )


# --- Run and report --------------------------------------------------------------------------


def benchmark(args, figures: Figures) -> None:
    run_on_migrated_database(
        DATABASE_NAME,
        lambda env: _run(args, figures, env),
        ACCESS_TOKEN_LIFETIME_MINUTES=str(ACCESS_LIFETIME_MINUTES),
    )


def _run(args, figures: Figures, env: dict) -> None:
    figures.meta = environment()
    users = setup_users()
    rng = random.Random(SEED)
    print(f"Deriving {args.templates:,} distinct postings...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    templates = build_templates(args.templates, rng)
    derived = time.perf_counter() - started
    figures.generation.append(
        {
            "step": f"derive {args.templates:,} templates",
            "rows": args.templates,
            "seconds": round(derived, 2),
            "rows_per_s": round(args.templates / derived),
        }
    )
    cloner = Cloner(templates, users["recruiter"].pk, SEED)
    have = 0
    for size in sorted({min(MATCH_SIZE_SMALL, args.jobs), args.jobs}):
        have = grow(figures, cloner, have, size)
        measure_match(figures, users, have, args.samples)
    with start_server(env) as server:
        measure_match_api(figures, server, users, args.samples)
        measure_search(figures, server, have, args.samples)
        measure_list(figures, server, args)
        if args.search_jobs > have:
            have = grow(figures, cloner, have, args.search_jobs)
            measure_search(figures, server, have, args.samples)


def report(args, figures: Figures) -> dict:
    meta = figures.meta
    print()
    print(
        f"database: {meta['vendor']} {meta['database_version']} (throwaway {DATABASE_NAME}); "
        f"cache: {meta['cache']}; similarity: {meta['similarity_backend']}"
    )
    print(f"Python {meta['python']}, Django {meta['django']}, {meta['cpu_count']} cores shared by "
          "client, server and database")  # fmt: skip
    print("\nGeneration")
    print_table(
        ["step", "rows", "seconds", "rows/s", "VACUUM ANALYZE s"],
        [[g["step"], f"{g['rows']:,}", f"{g['seconds']:.1f}", f"{g['rows_per_s']:,}",
          f"{g['analyze_s']:.1f}" if "analyze_s" in g else "-"] for g in figures.generation],
    )  # fmt: skip
    print(f"\nmatch_jobs in-process, limit {PAGE_SIZE}, {len(RESUMES)} resumes (target p95 <= "
          f"{MATCH_TARGET_MS:.0f} ms)")  # fmt: skip
    print_table(
        ["open jobs", "index build s", "calls", "p50 ms", "p95 ms", "target"],
        [[f"{m['jobs']:,}", f"{m['index_build_s']:.2f}", str(m["calls"]), f"{m['p50_ms']:.1f}",
          f"{m['p95_ms']:.1f}", "met" if m["p95_ms"] <= MATCH_TARGET_MS else "MISSED"]
         for m in figures.match],
    )  # fmt: skip
    api = figures.match_api
    if "error" in api:
        print(f"\nPOST /api/v1/jobs/match: {api['error']}")
    elif api:
        print(
            f"\nPOST /api/v1/jobs/match at {args.jobs:,} jobs: p50 {api['p50_ms']:.1f} ms, "
            f"p95 {api['p95_ms']:.1f} ms over {api['calls']} calls (first call, building the "
            f"server's index: {api['first_call_s']:.2f} s)"
        )
    for jobs, rows in figures.search.items():
        print(f"\nPOST /api/v1/jobs/search vs the same SQL through a cursor, {jobs:,} jobs, "
              f"one connection, {args.samples} calls each (target ratio <= "
              f"{SEARCH_TARGET_RATIO:.0f}x)")  # fmt: skip
        print_table(
            ["query", "hits", "API p50", "API p95", "view p50", "SQL p50", "SQL p95", "ratio p50",
             "ratio p95"],
            [[r["query"], f"{r['hits']:,}", f"{r['api_p50_ms']:.1f}", f"{r['api_p95_ms']:.1f}",
              f"{r['view_p50_ms']:.1f}", f"{r['sql_p50_ms']:.1f}", f"{r['sql_p95_ms']:.1f}",
              _times(r["ratio_p50"]), _times(r["ratio_p95"])] for r in rows],
        )  # fmt: skip
        ratios = [r["ratio_p50"] for r in rows if r["ratio_p50"]]
        if ratios:
            print(f"ratio p50: median {_times(statistics.median(ratios))}, worst "
                  f"{_times(max(ratios))}")  # fmt: skip
    if figures.list_load:
        print(f"\nGET job list, page of {PAGE_SIZE}, {args.jobs:,} jobs, {args.concurrency} "
              f"connections, {args.duration:g} s")  # fmt: skip
        print_table(LOAD_HEADERS, [result.row(name) for name, result in figures.list_load.items()])
        ours, bare = figures.list_load.values()
        print(f"API vs bare: {_times(ratio(ours.throughput, bare.throughput))} throughput, "
              f"p50 {_times(ratio(ours.percentile_ms(50), bare.percentile_ms(50)))}")  # fmt: skip
    return {
        "benchmark": "jobs",
        "settings": vars(args) | {"json": str(args.json) if args.json else None},
        "environment": meta,
        "generation": figures.generation,
        "match": figures.match,
        "match_api": figures.match_api,
        "search": {str(jobs): rows for jobs, rows in figures.search.items()},
        "list": {name: result.as_dict() for name, result in figures.list_load.items()},
    }


def _times(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=100_000, help="jobs for match and the list")
    parser.add_argument(
        "--search-jobs", type=int, default=0, help="grow to this many and search again"
    )
    parser.add_argument("--templates", type=int, default=3_000, help="distinct postings derived")
    parser.add_argument("--samples", type=int, default=30, help="timed calls per query/resume")
    parser.add_argument("--duration", type=float, default=5.0, help="list load seconds")
    parser.add_argument("--concurrency", type=int, default=8, help="list load connections")
    parser.add_argument("--warmup", type=float, default=1.0, help="list load warm-up seconds")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write results as JSON")
    args = parser.parse_args(argv)
    if args.jobs < PAGE_SIZE or args.templates < 1 or args.samples < 1:
        parser.error(f"--jobs must be at least {PAGE_SIZE}; --templates, --samples positive.")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    figures = Figures()
    return run_benchmark(lambda: benchmark(args, figures), lambda: report(args, figures), args.json)


if __name__ == "__main__":
    sys.exit(main())
