import json
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.models import User
from jobs.imports.service import jobs_import
from jobs.models import Job, SavedJob
from jobs.services.saved import job_save

DEMO_RECRUITER = "recruiter@demo.hirewise.local"
DEMO_CANDIDATE = "candidate@demo.hirewise.local"
DEMO_SOURCE = "demo"
DEMO_FEED = Path(__file__).resolve().parents[2] / "data" / "demo_jobs.json"
DEMO_SAVED = ("demo-001", "demo-028")


def demo_rows() -> list[dict]:
    """The demo feed, with each posting dated `posted_days_ago` before today."""
    now = timezone.now()
    rows = json.loads(DEMO_FEED.read_text(encoding="utf-8"))
    for row in rows:
        row["posted_at"] = (now - timedelta(days=row.pop("posted_days_ago"))).isoformat()
    return rows


class Command(BaseCommand):
    help = "Publish the demo recruiter's 30 postings and save two for the demo candidate."

    def handle(self, *args, **options):
        if settings.ENVIRONMENT == "production":
            raise CommandError("Demo data is not created in production.")
        recruiter = User.objects.filter(email=DEMO_RECRUITER).first()
        if recruiter is None:
            raise CommandError("Run manage.py seed_demo first: the demo recruiter is missing.")
        if Job.objects.filter(source=DEMO_SOURCE).exists():
            self.stdout.write("The demo postings already exist; nothing to add.")
            return
        report = jobs_import(owner=recruiter, rows=demo_rows(), source=DEMO_SOURCE)
        if report.failed:
            raise CommandError(f"Demo postings rejected: {report.errors}")
        self._save_for_candidate()
        self.stdout.write(f"Demo recruiter: {report.created} postings published.")

    def _save_for_candidate(self) -> None:
        candidate = User.objects.filter(email=DEMO_CANDIDATE).first()
        if candidate is None or SavedJob.objects.filter(user=candidate).exists():
            return
        for job in Job.objects.filter(source=DEMO_SOURCE, source_job_id__in=DEMO_SAVED):
            job_save(user=candidate, job=job)
