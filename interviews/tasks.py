from celery import shared_task

from interviews.models import InterviewSession, LiveInterview
from interviews.notifications import live_invitation_notify, screening_invitation_notify


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_screening_invitation(session_id: str) -> None:
    """Email one screening invitation (interviews.notifications); gone sessions are skipped."""
    session = InterviewSession.objects.select_related("user", "job").filter(pk=session_id).first()
    if session is not None:
        screening_invitation_notify(session=session)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_live_interview_invitation(interview_id: str) -> None:
    """Email one live-interview invitation; gone interviews are skipped."""
    interview = LiveInterview.objects.select_related("user", "job").filter(pk=interview_id).first()
    if interview is not None:
        live_invitation_notify(interview=interview)
