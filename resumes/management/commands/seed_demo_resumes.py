from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from core.background import drain
from resumes.files import check_upload
from resumes.job_targets import job_target_resolve
from resumes.models import Resume
from resumes.services.analyses import analysis_start
from resumes.services.resumes import resume_upload

DEMO_CANDIDATE = "candidate@demo.hirewise.local"
DEMO_RESUME = """Casey Candidate
Backend Engineer
Lisbon, Portugal | candidate@demo.hirewise.local | +351 21 000 0000
linkedin.com/in/casey-candidate | github.com/caseycandidate

SUMMARY
Backend engineer with five years of experience building Python services for online retail.

EXPERIENCE
Backend Engineer at Tidewater Commerce
Mar 2022 - Present
- Led the move of the order service to Django REST Framework, serving 3,000 requests a second
- Responsible for the PostgreSQL schema and its migrations
- Helped the team adopt Docker for local development

Software Developer at Harbourline Logistics
Jan 2020 - Feb 2022
- Built shipment tracking APIs in Python and Flask used by 40 partner companies
- Worked on a Redis cache that was cutting response times
- I wrote the on-call runbooks

EDUCATION
BSc Computer Science, University of Porto, 2016 - 2019

SKILLS
Python, Django, Flask, PostgreSQL, Redis, Docker, Git, REST APIs, Agile

LANGUAGES
Portuguese (native), English (C1)
"""
DEMO_JOB = """Senior Python Engineer
We build payment infrastructure. You will design Django services on AWS with our platform team.
Requirements: Python, Django, PostgreSQL, AWS, Kubernetes, Terraform and 5+ years of experience.
Nice to have: Kafka, GraphQL, Go.
"""


class Command(BaseCommand):
    help = "Give the demo candidate a resume with a completed analysis (once). Development only."

    def handle(self, *args, **options):
        if settings.ENVIRONMENT == "production":
            raise CommandError("Demo data is not created in production.")
        candidate = User.objects.filter(email=DEMO_CANDIDATE).first()
        if candidate is None:
            raise CommandError("Run manage.py seed_demo first: the demo candidate is missing.")
        if Resume.objects.filter(owner=candidate).exists():
            self.stdout.write("The demo candidate already has resumes; nothing to add.")
            return
        with transaction.atomic():
            upload = SimpleUploadedFile("casey-candidate.txt", DEMO_RESUME.encode(), "text/plain")
            resume = resume_upload(owner=candidate, upload=check_upload(upload))
            job = job_target_resolve(user=candidate, description=DEMO_JOB)
            analysis_start(owner=candidate, resume=resume, job=job)
        drain()
        self.stdout.write("Demo candidate: one resume, analysed against a sample job.")
