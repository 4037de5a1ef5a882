import factory

from jobs.derived import jobs_derive
from jobs.models import Job, JobStatus, SavedJob
from tests.accounts.factories import CandidateFactory, RecruiterFactory

BACKEND_DESCRIPTION = """Senior Backend Engineer
We build payment APIs used by thousands of shops.
Requirements: Python, Django, PostgreSQL, AWS, Docker, 5+ years of experience.
Nice to have: Kafka, GraphQL.
"""


class JobFactory(factory.django.DjangoModelFactory):
    """A saved posting with its derived fields (skills read from the description, vector)."""

    class Meta:
        model = Job

    title = factory.Sequence(lambda n: f"Backend Engineer {n}")
    company = "Acme Payments"
    location = "London, UK"
    description = BACKEND_DESCRIPTION
    status = JobStatus.OPEN
    owner = factory.SubFactory(RecruiterFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        job = model_class(*args, **kwargs)
        jobs_derive([job], extract_skills=not job.required_skills)
        job.save()
        return job


class SavedJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedJob

    user = factory.SubFactory(CandidateFactory)
    job = factory.SubFactory(JobFactory)
