"""The email a candidate gets when a recruiter invites them to a screening interview."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from interviews.models import InterviewSession, SessionStatus


def invitation_message(session: InterviewSession) -> tuple[str, str]:
    """(subject, body): the job, how many questions, and the link to take it."""
    job = session.job
    company = f" at {job.company}" if job and job.company else ""
    url = settings.SITE_URL + reverse("interviews:practice_session", args=[session.pk])
    name = session.user.name
    lines = [
        f"Hello {name}," if name else "Hello,",
        "",
        f"You are invited to a short written screening interview for the {session.job_role} "
        f"role{company}: {session.total_questions} question"
        f"{'s' if session.total_questions != 1 else ''}, answered one at a time whenever "
        "suits you.",
        "",
        "Start it on Hirewise:",
        url,
        "",
        "— Hirewise",
    ]
    return f"Screening interview: {session.job_role}{company}", "\n".join(lines)


def screening_invitation_notify(*, session: InterviewSession) -> bool:
    """Email the invitation; False when it was taken or withdrawn meanwhile, or no address.
    An email failure (OSError) propagates so the task retries."""
    if session.status != SessionStatus.INVITED or not session.user.email:
        return False
    subject, body = invitation_message(session)
    send_mail(
        subject=subject,
        message=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[session.user.email],
    )
    return True
