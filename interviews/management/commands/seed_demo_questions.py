from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from interviews.models import Question
from interviews.services.questions import APPROVE, questions_generate, questions_review
from jobs.models import Job

DEMO_RECRUITER = "recruiter@demo.hirewise.local"
DEMO_EXPERT = "expert@demo.hirewise.local"
DEMO_SOURCE = "demo"
# The demo candidate's two saved postings: the first gets an approved bank to practise and
# screen with, the second leaves drafts in the demo expert's queue.
DEMO_JOBS = ("demo-001", "demo-028")
DRAFTS_PER_JOB = 5
APPROVED = 3


class Command(BaseCommand):
    help = "Draft questions for two demo postings and approve some as the demo expert."

    def handle(self, *args, **options):
        if settings.ENVIRONMENT == "production":
            raise CommandError("Demo data is not created in production.")
        recruiter = User.objects.filter(email=DEMO_RECRUITER).first()
        expert = User.objects.filter(email=DEMO_EXPERT).first()
        jobs = list(Job.objects.filter(source=DEMO_SOURCE, source_job_id__in=DEMO_JOBS))
        if recruiter is None or expert is None or not jobs:
            raise CommandError("Run manage.py seed_demo and seed_demo_jobs first.")
        if Question.objects.filter(job__in=jobs).exists():
            self.stdout.write("The demo questions already exist; nothing to add.")
            return
        jobs.sort(key=lambda job: DEMO_JOBS.index(job.source_job_id))
        banks = [self._drafts(recruiter, job) for job in jobs]
        decisions = [{"question_id": q.pk, "action": APPROVE} for q in banks[0][:APPROVED]]
        questions_review(user=expert, decisions=decisions)
        self.stdout.write(
            f"Demo questions: {sum(map(len, banks))} drafted, {len(decisions)} approved."
        )

    def _drafts(self, recruiter, job) -> list[Question]:
        drafts, _meta = questions_generate(
            user=recruiter, job=job, difficulty="medium", count=DRAFTS_PER_JOB
        )
        return drafts
