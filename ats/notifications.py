"""What a candidate hears when their application moves, and what a recruiter hears when one
arrives: a plain-text email, and a notification (kept in their centre, pushed to their open
sockets) when they have an account.

Only the moves in ats.stages.CANDIDATE_NOTIFIED are told. The recruiters' notes and reasons
stay internal: no message quotes them.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from accounts.notifications import notification_send
from ats.models import Application, StageChange
from ats.stages import CANDIDATE_NOTIFIED, Stage


@dataclass(frozen=True)
class StageMessage:
    subject: str
    body: str


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    user_id: int | None  # an account to notify and link to, or None for an anonymous applicant


# Per stage: the subject (before " at <company>") and the paragraph. {title} and {org} are
# filled in; {org} is the company, or "the hiring team" when the posting names none.
_TEXTS = {
    Stage.INTERVIEW_SCHEDULED: (
        "Interview invitation: {title}",
        "Good news: {org} would like to interview you for the {title} role. They will be in "
        "touch shortly to agree on a time that suits you.",
    ),
    Stage.OFFER: (
        "An offer for {title}",
        "Congratulations: {org} has decided to make you an offer for the {title} role. They "
        "will contact you with the details.",
    ),
    Stage.HIRED: (
        "Welcome aboard: {title}",
        "It is official: you are hired as {title} at {org}. Congratulations, and all the best "
        "in your new role.",
    ),
    Stage.REJECTED: (
        "Your application for {title}",
        "Thank you for applying for the {title} role at {org}, and for the time you gave it. "
        "After careful consideration they have decided not to go further with your "
        "application this time. We wish you every success in your search.",
    ),
}


def stage_recipient(application: Application) -> Recipient | None:
    """The candidate's account when it is active, else the address stored at apply time."""
    candidate = application.candidate
    if candidate is not None and candidate.is_active and candidate.email:
        name = candidate.name or application.applicant_name
        return Recipient(name, candidate.email, candidate.pk)
    if application.applicant_email:
        return Recipient(application.applicant_name, application.applicant_email, None)
    return None


def application_portal_path(application: Application) -> str:
    return reverse("ats:my_application", kwargs={"application_id": application.pk})


def stage_message(*, application: Application, stage: str, recipient: Recipient) -> StageMessage:
    """The email for a move to `stage` (one of CANDIDATE_NOTIFIED)."""
    job = application.job
    subject, paragraph = _TEXTS[Stage(stage)]
    values = {"title": job.title, "org": job.company or "the hiring team"}
    subject = subject.format(**values) + (f" at {job.company}" if job.company else "")
    greeting = f"Hello {recipient.name}," if recipient.name else "Hello,"
    lines = [greeting, "", paragraph.format(**values)]
    if recipient.user_id is not None:
        url = settings.SITE_URL + application_portal_path(application)
        lines += ["", "Follow your application on Hirewise:", url]
    return StageMessage(subject=subject, body="\n".join([*lines, "", "— Hirewise"]))


def stage_payload(*, application: Application, stage: str) -> dict:
    """The socket message: enough for a client to show a toast and link to the page."""
    return {
        "type": "application.stage_changed",
        "application_id": str(application.pk),
        "job_id": application.job_id,
        "job_title": application.job.title,
        "company": application.job.company,
        "stage": stage,
        "stage_label": Stage(stage).label,
        "url": application_portal_path(application),
    }


def stage_change_notify(*, change: StageChange) -> bool:
    """Email the candidate about `change` and notify them (centre and open sockets).

    False when there is nothing to send: a stage they are not told about, a move that has
    been overtaken by a later one, or no address. An email failure (OSError) propagates so
    the task retries; a socket failure is only logged, the email is what counts.
    """
    application = change.application
    if change.to_stage not in CANDIDATE_NOTIFIED or application.stage != change.to_stage:
        return False
    recipient = stage_recipient(application)
    if recipient is None:
        return False
    message = stage_message(application=application, stage=change.to_stage, recipient=recipient)
    send_mail(
        subject=message.subject,
        message=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[recipient.email],
    )
    if recipient.user_id is not None:
        payload = stage_payload(application=application, stage=change.to_stage)
        notification_send(
            user_id=recipient.user_id,
            kind=payload["type"],
            text=message.subject,
            url=payload["url"],
            payload=payload,
        )
    return True


# --- The recruiter: a new application --------------------------------------------------------


def new_application_message(application: Application) -> StageMessage:
    """The owner's email: who applied to which posting, with their fit, and the board's link."""
    job = application.job
    board = settings.SITE_URL + reverse("ats:board", kwargs={"job_id": job.pk})
    fit = f" (fit {application.fit_score}/100)" if application.fit_score is not None else ""
    body = "\n".join(
        [
            f"{application.applicant_name} applied to {job.title}{fit}.",
            "",
            "See them on the pipeline board:",
            board,
            "",
            "— Hirewise",
        ]
    )
    return StageMessage(subject=f"New application: {job.title}", body=body)


def new_application_payload(application: Application) -> dict:
    return {
        "type": "application.received",
        "application_id": str(application.pk),
        "job_id": application.job_id,
        "job_title": application.job.title,
        "applicant_name": application.applicant_name,
        "url": reverse("ats:board", kwargs={"job_id": application.job_id}),
    }


def new_application_notify(*, application: Application) -> bool:
    """Email the job's owner and notify them (centre and open sockets); False when the owner
    is gone."""
    owner = application.job.owner
    if owner is None or not owner.is_active or not owner.email:
        return False
    message = new_application_message(application)
    send_mail(
        subject=message.subject,
        message=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[owner.email],
    )
    payload = new_application_payload(application)
    notification_send(
        user_id=owner.pk,
        kind=payload["type"],
        text=f"{application.applicant_name} applied to {application.job.title}",
        url=payload["url"],
        payload=payload,
    )
    return True
