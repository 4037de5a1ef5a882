"""The email a candidate gets when a recruiter invites them to a screening interview or a
live AI interview (the live one is also pushed to their open sockets)."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from accounts.notifications import notify_user
from interviews.models import InterviewSession, LiveInterview, LiveStatus, SessionStatus


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


def live_invitation_message(interview: LiveInterview) -> tuple[str, str]:
    """(subject, body): the job and the link to the live interview."""
    job = interview.job
    company = f" at {job.company}" if job and job.company else ""
    url = settings.SITE_URL + reverse("interviews:live_session", args=[interview.pk])
    name = interview.user.name
    lines = [
        f"Hello {name}," if name else "Hello,",
        "",
        f"You are invited to a live AI interview for the {interview.job_title} role{company}: "
        "five questions in conversation, about twenty minutes, whenever suits you. If the "
        "connection drops, reopen the link and it resumes where you were.",
        "",
        "Start it on Hirewise:",
        url,
        "",
        "— Hirewise",
    ]
    return f"Live interview: {interview.job_title}{company}", "\n".join(lines)


def live_invitation_notify(*, interview: LiveInterview) -> bool:
    """Email the invitation and push it to the candidate's open sockets; False when it was
    started or withdrawn meanwhile, or there is no address. An email failure (OSError)
    propagates so the task retries; a failed push is only logged."""
    if interview.status != LiveStatus.INVITED or not interview.user.email:
        return False
    subject, body = live_invitation_message(interview)
    send_mail(
        subject=subject,
        message=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[interview.user.email],
    )
    notify_user(
        user_id=interview.user_id,
        payload={
            "type": "live_interview_invited",
            "session_id": str(interview.pk),
            "job_title": interview.job_title,
            "url": reverse("interviews:live_session", args=[interview.pk]),
        },
    )
    return True
