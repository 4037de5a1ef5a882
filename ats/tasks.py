from celery import shared_task

from ats.models import Application, StageChange
from ats.notifications import new_application_notify, stage_change_notify


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_stage_email(stage_change_id: int) -> None:
    """Tell the candidate about one move of their application (ats.notifications)."""
    change = (
        StageChange.objects.select_related("application__job", "application__candidate")
        .filter(pk=stage_change_id)
        .first()
    )
    if change is None:
        return
    stage_change_notify(change=change)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def tell_recruiter_of_application(application_id: str) -> None:
    """Tell the job's owner about a new application (ats.notifications)."""
    application = Application.objects.select_related("job__owner").filter(pk=application_id).first()
    if application is None:
        return
    new_application_notify(application=application)
