"""Applying to a job and withdrawing: one application per job and email, nothing half-written.

A signed-in candidate applies with one of their stored resumes; anyone else (or a signed-in
user without one) sends a resume file, which passes the same checks as a resume upload and is
kept Fernet-encrypted under a random name with its text and parsed profile.
"""

import logging
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from ats.errors import (
    AlreadyApplied,
    ConsentRequired,
    NoResumeFile,
    ResumeRequired,
    WithdrawByCandidateOnly,
)
from ats.identity import email_key
from ats.models import Application, ApplicationSource, StageChange
from ats.services.pipeline import application_move_stage
from ats.stages import Stage
from ats.tasks import tell_recruiter_of_application
from core.outbox import outbox_enqueue
from gdpr.audit import audit_record
from gdpr.crypto import decrypt_bytes, encrypt_bytes
from gdpr.models import AuditAction
from jobs.errors import JobNotFound
from jobs.matching.service import job_compatibility
from jobs.selectors import jobs_open
from resumes.errors import ResumeNotReadable
from resumes.extraction import extract_text
from resumes.files import check_upload
from resumes.models import CONTENT_TYPES, Resume
from resumes.parsing import parse_resume
from resumes.selectors import resume_get
from resumes.services.resumes import resume_read_original

logger = logging.getLogger(__name__)

# The rate-limit group both the API and the apply page count in (bucket "apply_ip").
APPLY_RATE_GROUP = "apply"
MAX_NAME = 150
MAX_EMAIL = 254
MAX_PHONE = 40
MAX_COVER_LETTER = 10_000
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()./-]{5,40}$")
# Sources an applicant may name; imports are written by recruiters' tools, not by applying.
APPLICANT_SOURCES = (
    ApplicationSource.JOB_BOARD,
    ApplicationSource.SHARE_LINK,
    ApplicationSource.REFERRAL,
)


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    phone: str


@transaction.atomic
def application_apply(
    *, job, user=None, data: dict, upload=None, source: str = ApplicationSource.JOB_BOARD
) -> Application:
    """Apply to an open job with a stored resume (signed in) or an uploaded file.

    Checks in the order a person fixes them: the job (404), consent (400), contact details
    and cover letter (400), the chosen resume (404), a second application with this email
    (409), then the file (413, 415, 400). The fit score comes from the matching engine.
    """
    if not jobs_open().filter(pk=job.pk).exists():
        raise JobNotFound()
    if not data.get("consent"):
        raise ConsentRequired()
    signed_in = user is not None and user.is_authenticated
    candidate = user if signed_in else None
    contact = _contact(data, user=candidate)
    cover_letter = _cover_letter(data.get("cover_letter"))
    _check_source(source)
    resume = None
    if candidate is not None and data.get("resume_id"):
        resume = resume_get(user=candidate, resume_id=data["resume_id"])
    elif upload is None:
        raise ResumeRequired()
    key = email_key(contact.email)
    if Application.objects.filter(job=job, email_key=key).exists():
        raise AlreadyApplied()
    application = Application(
        job=job,
        candidate=candidate,
        resume=resume,
        applicant_name=contact.name,
        applicant_email=contact.email,
        email_key=key,
        applicant_phone=contact.phone,
        cover_letter=cover_letter,
        source=source,
        consent_at=timezone.now(),
    )
    encrypted = None if resume is not None else _read_file(application, upload)
    probe = resume or Resume(text=application.resume_text, parsed_data=application.resume_profile)
    application.fit_score, application.fit = application_fit(resume=probe, job=job)
    return _save(application, encrypted=encrypted, actor=candidate)


def fit_basis(*, resume, job) -> str:
    """What a fit was computed from: it stays valid until the posting or the resume changes."""
    resume_changed = getattr(resume, "updated_at", None)
    return f"{job.updated_at.isoformat()}|{resume_changed.isoformat() if resume_changed else ''}"


def application_fit(*, resume, job) -> tuple[int | None, dict | None]:
    """The match score and what explains it; (None, None) for a resume without text."""
    try:
        result = job_compatibility(resume=resume, job=job)
    except ResumeNotReadable:
        return None, None
    match = result["skill_match_analysis"]
    return result["score"], {
        "basis": fit_basis(resume=resume, job=job),
        "breakdown": result["breakdown"],
        "matched_skills": match["matched_skills"],
        "missing_required_skills": match["missing_required_skills"],
        "missing_preferred_skills": match["missing_preferred_skills"],
        "reasons": result["reasons"],
    }


def application_withdraw(*, application: Application, user, note: str = "") -> StageChange:
    """The candidate takes their application back (from any stage that allows it)."""
    if application.candidate_id is None or application.candidate_id != user.pk:
        raise WithdrawByCandidateOnly()
    return application_move_stage(
        application=application, to_stage=Stage.WITHDRAWN, actor=user, note=note
    )


def application_read_resume_file(*, application: Application) -> bytes:
    """The original bytes of an uploaded resume file (decrypted); b"" when none was sent."""
    if not application.resume_file:
        return b""
    with application.resume_file.open("rb") as stored:
        return decrypt_bytes(stored.read())


@dataclass(frozen=True)
class ResumeDownload:
    content: bytes
    content_type: str
    filename: str


@transaction.atomic
def application_resume_download(*, application: Application, user, ip=None) -> ResumeDownload:
    """The applicant's resume file as sent (stored resume or upload), audited as a read of
    personal data; 404 no_resume_file when there is none."""
    if application.resume is not None:
        resume = application.resume
        download = ResumeDownload(
            resume_read_original(resume=resume), resume.content_type, resume.original_name
        )
    elif application.resume_file:
        download = ResumeDownload(
            application_read_resume_file(application=application),
            CONTENT_TYPES[application.resume_file_kind],
            application.resume_file_name or f"resume.{application.resume_file_kind}",
        )
    else:
        raise NoResumeFile()
    audit_record(
        action=AuditAction.APPLICATION_RESUME_DOWNLOADED, actor=user, target=application, ip=ip
    )
    return download


def _contact(data: dict, *, user) -> Contact:
    """The account's name and email (and phone, unless one is sent) for a signed-in user;
    else the ones sent, checked."""
    phone = str(data.get("phone") or "").strip()
    errors: dict[str, list[str]] = {}
    if phone and (len(phone) > MAX_PHONE or not PHONE_PATTERN.match(phone)):
        errors["phone"] = ["Give a phone number of digits, spaces and + ( ) - . only."]
    if user is not None:
        phone = phone or user.phone
        contact = Contact(name=user.name or user.email, email=user.email, phone=phone)
    else:
        contact = Contact(
            name=str(data.get("name") or "").strip(),
            email=str(data.get("email") or "").strip(),
            phone=phone,
        )
        errors |= _contact_errors(contact)
    if errors:
        raise ValidationError(errors)
    return contact


def _contact_errors(contact: Contact) -> dict[str, list[str]]:
    errors = {}
    if not contact.name:
        errors["name"] = ["Give your name."]
    elif len(contact.name) > MAX_NAME:
        errors["name"] = [f"Give at most {MAX_NAME} characters."]
    if not contact.email:
        errors["email"] = ["Give your email address."]
    else:
        try:
            validate_email(contact.email)
        except DjangoValidationError:
            errors["email"] = ["Enter a valid email address."]
        if len(contact.email) > MAX_EMAIL:
            errors["email"] = [f"Give at most {MAX_EMAIL} characters."]
    return errors


def _cover_letter(value) -> str:
    text = str(value or "").strip()
    if len(text) > MAX_COVER_LETTER:
        raise ValidationError(
            {"cover_letter": [f"Give at most {MAX_COVER_LETTER:,} characters ({len(text):,})."]}
        )
    return text


def _check_source(source: str) -> None:
    if source not in APPLICANT_SOURCES:
        allowed = ", ".join(APPLICANT_SOURCES)
        raise ValidationError({"source": [f"Choose one of: {allowed}."]})


def _read_file(application: Application, upload) -> bytes:
    """Check the upload like a resume upload, read its text and profile into the
    application, and return the bytes encrypted (stored only when the rows are written)."""
    checked = check_upload(upload)
    extracted = extract_text(checked.data, checked.kind)
    application.resume_file_name = checked.name
    application.resume_file_kind = checked.kind
    application.resume_text = extracted.text
    application.resume_profile = parse_resume(extracted.text)
    return encrypt_bytes(checked.data)


def _save(application: Application, *, encrypted: bytes | None, actor) -> Application:
    """Write the file, the application and its first history row together, or none of them.

    The database refuses a second application with the same email (the race the check
    before cannot see): that is 409 too, and the file goes.
    """
    if encrypted is not None:
        application.resume_file.save("resume.bin", ContentFile(encrypted), save=False)
    try:
        with transaction.atomic():
            application.save(force_insert=True)
            StageChange.objects.create(
                application=application, from_stage="", to_stage=Stage.APPLIED, actor=actor
            )
            audit_record(
                action=AuditAction.APPLICATION_SUBMITTED,
                actor=actor,
                target=application,
                metadata={"job_id": application.job_id, "source": application.source},
            )
            outbox_enqueue(tell_recruiter_of_application, str(application.pk))
    except IntegrityError as exc:
        _delete_file(application)
        duplicate = Application.objects.filter(
            job_id=application.job_id, email_key=application.email_key
        )
        if duplicate.exists():
            raise AlreadyApplied() from exc
        raise
    except BaseException:
        _delete_file(application)
        raise
    return application


def _delete_file(application: Application) -> None:
    if not application.resume_file:
        return
    try:
        application.resume_file.delete(save=False)
    except OSError:
        logger.warning("Could not remove application file %s", application.resume_file.name)


@transaction.atomic
def applications_claim_by_email(*, user) -> int:
    """Attach the applications sent without an account from the user's email, now verified,
    to the account: they join its history. Returns how many joined."""
    claimed = list(
        Application.objects.select_for_update()
        .filter(candidate__isnull=True, email_key=email_key(user.email))
        .values_list("pk", flat=True)
    )
    Application.objects.filter(pk__in=claimed).update(candidate=user, updated_at=timezone.now())
    for application_id in claimed:
        audit_record(
            action=AuditAction.APPLICATION_CLAIMED,
            actor=user,
            object_type=Application._meta.label_lower,
            object_id=str(application_id),
        )
    return len(claimed)
