import factory
from django.utils import timezone

from ats.identity import email_key
from ats.models import Application, Scorecard, StageChange
from ats.stages import Stage
from tests.jobs.factories import JobFactory
from tests.resumes.factories import ResumeFactory


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A signed-in candidate's application with a stored resume, and its first history row."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    job = factory.SubFactory(JobFactory)
    resume = factory.SubFactory(ResumeFactory)
    candidate = factory.SelfAttribute("resume.owner")
    applicant_name = factory.SelfAttribute("candidate.name")
    applicant_email = factory.SelfAttribute("candidate.email")
    email_key = factory.LazyAttribute(lambda application: email_key(application.applicant_email))
    consent_at = factory.LazyFunction(timezone.now)
    stage = Stage.APPLIED

    @factory.post_generation
    def first_history_row(application, create, extracted, **kwargs):
        if create:
            StageChange.objects.create(
                application=application, to_stage=Stage.APPLIED, actor=application.candidate
            )


class ScorecardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scorecard

    application = factory.SubFactory(ApplicationFactory)
    author = factory.SelfAttribute("application.job.owner")
    ratings = factory.LazyFunction(lambda: {"technical skills": 4, "communication": 3})
    recommendation = "yes"
