import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from resumes.files import check_upload
from resumes.models import Analysis, AnalysisStatus
from resumes.services.resumes import resume_extract, resume_store
from tests.accounts.factories import CandidateFactory

SAMPLE_RESUME = """Jane Doe
jane.doe@example.com | +44 20 7946 0958 | London, UK
linkedin.com/in/janedoe | github.com/janedoe

Summary
Backend engineer with six years of experience building Python services.

Experience
Senior Software Engineer at Acme Analytics
Jan 2021 - Present
- Led the migration of 14 services to Kubernetes, cutting deploy time by 60%
- Built a Django REST API used by 2,000 customers
- Responsible for code reviews

Software Engineer at Brightside Labs
Mar 2018 - Dec 2020
- Developed data pipelines in Python and PostgreSQL processing 5M rows a day
- Helped with the on-call rotation

Education
BSc Computer Science, University of Leeds, 2014 - 2018

Skills
Python, Django, PostgreSQL, Docker, Kubernetes, Redis, Git, Agile

Languages
English (native), Spanish (B2)
"""

JOB_DESCRIPTION = """Senior Backend Engineer
We build payment APIs. You will design Python and Django services on AWS.
Requirements: Python, Django, PostgreSQL, AWS, Terraform, 5+ years of experience.
Nice to have: Kafka, GraphQL.
"""


class ResumeFactory(factory.django.DjangoModelFactory):
    """A parsed TXT resume stored through the real upload path."""

    class Meta:
        model = "resumes.Resume"

    owner = factory.SubFactory(CandidateFactory)

    @classmethod
    def _create(cls, model_class, owner, text=SAMPLE_RESUME, name="resume.txt", **kwargs):
        upload = check_upload(SimpleUploadedFile(name, text.encode(), "text/plain"))
        resume = resume_store(owner=owner, upload=upload, **kwargs)
        return resume_extract(resume=resume)


class AnalysisFactory(factory.django.DjangoModelFactory):
    """An analysis row in a given state, without running the pipeline."""

    class Meta:
        model = Analysis

    resume = factory.SubFactory(ResumeFactory)
    owner = factory.SelfAttribute("resume.owner")
    status = AnalysisStatus.QUEUED
