"""What the applicant tracking app does when an account event it depends on happens."""

from django.dispatch import receiver

from accounts.signals import email_verified
from ats.services.applications import applications_claim_by_email


@receiver(email_verified, dispatch_uid="ats.claim_applications_by_email")
def claim_applications_by_email(sender, user, **kwargs) -> None:
    applications_claim_by_email(user=user)
