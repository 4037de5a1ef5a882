"""A lived-in Hirewise for the dashboard journeys and the screenshots: the demo users (one
per role) with the demo postings and resume, plus applications at several stages, applicants
from other people, an earlier analysis for a score trend and saved jobs that close soon."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from accounts.models import User
from ats.models import Application
from ats.services.pipeline import application_move_stage
from ats.stages import Stage
from jobs.models import Job, SavedJob
from resumes.models import Analysis, AnalysisStatus, Resume
from tests.ats.factories import ApplicationFactory
from tests.e2e.conftest import password_hash
from tests.resumes.factories import AnalysisFactory

CANDIDATE = "candidate@demo.hirewise.local"
RECRUITER = "recruiter@demo.hirewise.local"
EXPERT = "expert@demo.hirewise.local"
ADMIN = "admin@demo.hirewise.local"
APPLICANTS = ["Noor Haddad", "Mateo Silva", "Aiko Tanaka", "Lena Fischer", "Kwame Mensah"]


def _seed_demo() -> None:
    for command in ("seed_demo", "seed_demo_resumes", "seed_demo_jobs", "seed_demo_questions"):
        call_command(command, verbosity=0)
    # The e2e sign-in uses its own password.
    User.objects.filter(email__endswith="@demo.hirewise.local").update(password=password_hash())


def _earlier_analysis(resume: Resume) -> None:
    """A first, weaker analysis a fortnight ago: the dashboard shows the trend."""
    analysis = AnalysisFactory(resume=resume, status=AnalysisStatus.COMPLETED, overall_score=54)
    Analysis.objects.filter(pk=analysis.pk).update(completed_at=timezone.now() - timedelta(days=14))


def _moved(application: Application, *stages: Stage) -> Application:
    for stage in stages:
        application_move_stage(application=application, to_stage=stage, actor=application.job.owner)
        application.refresh_from_db()
    return application


def _backdate(application: Application, days: int) -> None:
    when = timezone.now() - timedelta(days=days)
    Application.objects.filter(pk=application.pk).update(created_at=when, stage_changed_at=when)


def seed_showcase() -> dict[str, User]:
    """Seed from a worker thread: the seeding publishes to sockets through async_to_sync,
    which refuses to run in the thread where Playwright keeps its event loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_seed_in_own_thread).result()


def _seed_in_own_thread() -> dict[str, User]:
    try:
        return _seed()
    finally:
        connections.close_all()


def _seed() -> dict[str, User]:
    _seed_demo()
    users = {
        role: User.objects.get(email=email)
        for role, email in [
            ("candidate", CANDIDATE),
            ("recruiter", RECRUITER),
            ("domain_expert", EXPERT),
            ("admin", ADMIN),
        ]
    }
    candidate, recruiter = users["candidate"], users["recruiter"]
    resume = Resume.objects.filter(owner=candidate).first()
    _earlier_analysis(resume)
    jobs = list(Job.objects.filter(owner=recruiter, status="open").order_by("id")[:4])

    # The candidate's own applications, at different points of the funnel.
    _moved(ApplicationFactory(job=jobs[0], resume=resume), Stage.UNDER_REVIEW)
    _moved(
        ApplicationFactory(job=jobs[1], resume=resume),
        Stage.UNDER_REVIEW,
        Stage.INTERVIEW_SCHEDULED,
    )
    ApplicationFactory(job=jobs[2], resume=resume)

    # Other people's applications to the recruiter's postings: some waiting for days.
    waits = [(12, jobs[0]), (9, jobs[0]), (6, jobs[1]), (1, jobs[2]), (0, jobs[3])]
    for name, (days, job) in zip(APPLICANTS, waits, strict=True):
        application = ApplicationFactory(job=job, applicant_name=name, resume__owner__name=name)
        if days:
            _backdate(application, days)
    # The recruiter saw the dashboard two days ago: the last two applications are new.
    User.objects.filter(pk=recruiter.pk).update(
        dashboard_seen_at=timezone.now() - timedelta(days=2)
    )

    # Two of the candidate's saved jobs close soon.
    saved_jobs = SavedJob.objects.filter(user=candidate)[:2]
    for days, saved in zip((2, 6), saved_jobs, strict=True):
        Job.objects.filter(pk=saved.job_id).update(end_date=timezone.now() + timedelta(days=days))
    return users
