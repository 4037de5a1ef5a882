from celery import shared_task

from interviews.models import InterviewSession
from interviews.notifications import screening_invitation_notify


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_screening_invitation(session_id: str) -> None:
    """Email one screening invitation (interviews.notifications); gone sessions are skipped."""
    session = InterviewSession.objects.select_related("user", "job").filter(pk=session_id).first()
    if session is not None:
        screening_invitation_notify(session=session)
