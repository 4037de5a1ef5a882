"""Personal data held by the applicant tracking app: a candidate's applications (with their
stage history) and the scorecards a reviewer wrote.

Erasing a candidate anonymises their applications rather than deleting them: the contact
details, cover letter, resume text and parsed profile are blanked, the uploaded file is
removed once the erasure commits, the stage notes and scorecard notes written about them are
cleared (ratings and recommendations stay) and the link to the account goes, while the row
keeps its job, source, stage, score and history dates, so the recruiter's funnel and hiring
figures stay as they were. The email key becomes a random value: the person could apply to
the same job again. Erasing a reviewer keeps their scorecards (the feedback belongs to the
hiring decision) without an author.
"""

import logging
import secrets

from django.db import transaction
from django.utils import timezone

from ats.identity import email_key
from ats.models import Application, Scorecard, StageChange
from ats.services.applications import application_read_resume_file
from ats.stages import Stage
from gdpr.registry import registry

logger = logging.getLogger(__name__)


def _at(value):
    return value.isoformat() if value else None


def export_applications(user) -> list[dict]:
    applications = (
        Application.objects.filter(candidate=user)
        .select_related("job")
        .prefetch_related("history")
        .order_by("created_at")
    )
    return [_export_application(application) for application in applications]


def _export_application(application: Application) -> dict:
    return {
        "id": str(application.pk),
        "job_id": application.job_id,
        "job_title": application.job.title,
        "company": application.job.company,
        "applied_at": _at(application.created_at),
        "name": application.applicant_name,
        "email": application.applicant_email,
        "phone": application.applicant_phone,
        "cover_letter": application.cover_letter,
        "resume_id": str(application.resume_id) if application.resume_id else None,
        "resume_file_name": application.resume_file_name,
        "resume_text": application.resume_text,
        "resume_profile": application.resume_profile,
        "source": application.source,
        "consent_at": _at(application.consent_at),
        "fit_score": application.fit_score,
        "stage": application.stage,
        "stage_changed_at": _at(application.stage_changed_at),
        "history": [
            {"from": change.from_stage, "to": change.to_stage, "at": _at(change.created_at)}
            for change in application.history.all()
        ],
    }


@transaction.atomic
def erase_applications(user) -> None:
    """Anonymise the user's applications; their files go once the erasure commits."""
    _anonymise_all(list(Application.objects.filter(candidate=user)), user=user)


def _anonymise_all(applications: list[Application], *, user=None) -> None:
    files = [
        application.resume_file.name for application in applications if application.resume_file
    ]
    rows = Application.objects.filter(pk__in=[application.pk for application in applications])
    rows.update(**ANONYMISED, updated_at=timezone.now())
    # The email key becomes random per row (the one-application-per-email rule stays met).
    for application in applications:
        application.email_key = secrets.token_hex(32)
    Application.objects.bulk_update(applications, ["email_key"], batch_size=500)
    StageChange.objects.filter(application__in=applications).update(note="")
    Scorecard.objects.filter(application__in=applications).update(notes="")
    if user is not None:
        StageChange.objects.filter(application__in=applications, actor=user).update(actor=None)
    if files:
        transaction.on_commit(lambda: _delete_files(files))


# What an anonymised application holds instead. The score stays for the statistics; the
# skills behind it (`fit`) came from the resume.
ANONYMISED = {
    "candidate": None,
    "resume": None,
    "applicant_name": "",
    "applicant_email": "",
    "applicant_phone": "",
    "cover_letter": "",
    "resume_text": "",
    "resume_profile": None,
    "resume_file": "",
    "resume_file_name": "",
    "resume_file_kind": "",
    "fit": None,
}


def _delete_files(names: list[str]) -> None:
    for name in names:
        try:
            Application._meta.get_field("resume_file").storage.delete(name)
        except OSError:
            logger.warning("Could not remove application file %s", name, exc_info=True)


def export_application_files(user):
    """Resume files sent with applications (not stored resumes), decrypted."""
    applications = Application.objects.filter(candidate=user).exclude(resume_file="")
    for application in applications.only("pk", "resume_file", "resume_file_name"):
        name = f"{application.pk}-{application.resume_file_name or 'resume'}"
        yield name, application_read_resume_file(application=application)


def export_scorecards(user) -> list[dict]:
    scorecards = Scorecard.objects.filter(author=user).select_related("application__job")
    return [
        {
            "id": scorecard.pk,
            "application_id": str(scorecard.application_id),
            "job_title": scorecard.application.job.title,
            "ratings": scorecard.ratings,
            "recommendation": scorecard.recommendation,
            "notes": scorecard.notes,
            "created_at": _at(scorecard.created_at),
            "updated_at": _at(scorecard.updated_at),
        }
        for scorecard in scorecards
    ]


def erase_scorecards(user) -> None:
    """Keep the feedback without its author."""
    Scorecard.objects.filter(author=user).update(author=None)


# Anonymous applicants (no account) find their applications by the email they gave.


def _sent_without_account(email: str):
    return Application.objects.filter(candidate__isnull=True, email_key=email_key(email))


def count_anonymous_applications(email: str) -> int:
    return _sent_without_account(email).count()


def export_anonymous_applications(email: str) -> list[dict]:
    applications = _sent_without_account(email).select_related("job").prefetch_related("history")
    return [_export_application(application) for application in applications]


@transaction.atomic
def erase_anonymous_applications(email: str) -> int:
    """Anonymise them as an account's erasure does; the recruiter's figures stay."""
    applications = list(_sent_without_account(email).select_for_update())
    _anonymise_all(applications)
    return len(applications)


# Retention: the data of applications that ended, and of applicants without an account.

PURGE_BATCH = 2000


def expired_closed_applications(cutoff):
    return Application.objects.filter(
        stage__in=[Stage.REJECTED, Stage.WITHDRAWN], stage_changed_at__lt=cutoff
    )


def expired_anonymous_applications(cutoff):
    return Application.objects.filter(candidate__isnull=True, created_at__lt=cutoff)


def purge_applications(expired) -> int:
    """Delete in batches (with their history and scorecards); files go after the commit."""
    removed = 0
    while batch := list(expired.order_by().values_list("pk", flat=True)[:PURGE_BATCH]):
        rows = Application.objects.filter(pk__in=batch)
        files = [name for name in rows.values_list("resume_file", flat=True) if name]
        # Only the keys: loading whole rows would decrypt every applicant's fields to delete them.
        rows.only("pk").delete()
        removed += len(batch)
        if files:
            transaction.on_commit(lambda files=files: _delete_files(files))
    return removed


registry.register(
    "applications",
    title="Job applications",
    export=export_applications,
    erase=erase_applications,
    count=lambda user: Application.objects.filter(candidate=user).count(),
    kept=(
        "Recruiters' hiring statistics (funnel, conversion, time to hire, sources) keep each "
        "application's job, stage, score and dates, with no name, contact details, cover "
        "letter or resume."
    ),
    files=export_application_files,
)
registry.register(
    "scorecards",
    title="Feedback you wrote on applicants",
    export=export_scorecards,
    erase=erase_scorecards,
    count=lambda user: Scorecard.objects.filter(author=user).count(),
    kept="Feedback is part of a hiring decision: it stays, without your name.",
)
registry.register_email_data(
    "applications",
    count=count_anonymous_applications,
    export=export_anonymous_applications,
    erase=erase_anonymous_applications,
)
registry.register_retention(
    "closed_applications",
    label="Rejected and withdrawn applications",
    default_days=180,
    expired=expired_closed_applications,
    purge=purge_applications,
)
registry.register_retention(
    "anonymous_applications",
    label="Applications sent without an account",
    default_days=365,
    expired=expired_anonymous_applications,
    purge=purge_applications,
)
