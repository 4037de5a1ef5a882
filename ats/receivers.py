"""What the applicant tracking app does when an event it depends on happens (an account's,
a posting's)."""

from django.dispatch import receiver

from accounts.signals import email_verified
from ats.scoring_tasks import rescore_job_applications
from ats.services.applications import applications_claim_by_email
from core.outbox import outbox_enqueue
from jobs.signals import job_content_changed


@receiver(email_verified, dispatch_uid="ats.claim_applications_by_email")
def claim_applications_by_email(sender, user, **kwargs) -> None:
    applications_claim_by_email(user=user)


@receiver(job_content_changed, dispatch_uid="ats.rescore_after_job_edit")
def rescore_after_job_edit(sender, job, **kwargs) -> None:
    """An edited posting: its applicants' fits are scored again in the background (durable)."""
    outbox_enqueue(rescore_job_applications, job.pk)
