import uuid

from django.conf import settings
from django.db import models

from core.durable import DurableJob
from gdpr.fields import EncryptedTextField


class AuditAction(models.TextChoices):
    """Every action the audit log records; `audit_record` accepts no other."""

    ACCOUNT_REGISTERED = "account.registered", "Account registered"
    ACCOUNT_CREATED = "account.created", "Account created by an admin"
    ACCOUNT_ACCESS_CHANGED = "account.access_changed", "Role or access changed"
    ACCOUNT_PROFILE_UPDATED = "account.profile_updated", "Profile updated"
    ACCOUNT_EMAIL_VERIFIED = "account.email_verified", "Email verified"
    ACCOUNT_DELETED = "account.deleted", "Account deleted"
    AUTH_LOGIN = "auth.login", "Signed in"
    AUTH_LOGIN_FAILED = "auth.login_failed", "Sign-in failed"
    AUTH_PASSWORD_RESET = "auth.password_reset", "Password reset"
    RESUME_UPLOADED = "resume.uploaded", "Resume uploaded"
    RESUME_DELETED = "resume.deleted", "Resume deleted"
    RESUME_ORIGINAL_DOWNLOADED = "resume.original_downloaded", "Resume file downloaded"
    APPLICATION_SUBMITTED = "application.submitted", "Application submitted"
    APPLICATION_CLAIMED = "application.claimed", "Application joined the verified account"
    APPLICATION_RESUME_DOWNLOADED = "application.resume_downloaded", "Applicant's resume downloaded"
    JOB_DELETED = "job.deleted", "Job deleted"
    QUESTION_APPROVED = "question.approve", "Interview question approved"
    QUESTION_REJECTED = "question.reject", "Interview question rejected"
    QUESTION_EDITED_AND_APPROVED = "question.edit_approve", "Interview question edited and approved"
    QUESTION_RETIRED = "question.retire", "Interview question retired"
    SCREENING_INVITED = "screening.invited", "Applicant invited to a screening interview"
    LIVE_INTERVIEW_INVITED = "live_interview.invited", "Applicant invited to a live AI interview"
    LIVE_INTERVIEW_COMPLETED = "live_interview.completed", "Live AI interview completed"
    LIVE_INTERVIEW_DELETED = "live_interview.deleted", "Live AI interview deleted"
    MEETING_SCHEDULED = "meeting.scheduled", "Video interview scheduled"
    MEETING_RESCHEDULED = "meeting.rescheduled", "Video interview rescheduled"
    MEETING_CANCELLED = "meeting.cancelled", "Video interview cancelled"
    FOOTPRINT_SCANNED = "footprint.scanned", "Developer footprint scanned"
    FOOTPRINT_SHARING_CHANGED = "footprint.sharing_changed", "Footprint sharing changed"
    FOOTPRINT_DELETED = "footprint.deleted", "Footprint scan deleted"
    GDPR_EXPORT_REQUESTED = "gdpr.export_requested", "Data export requested"
    GDPR_EXPORT_DOWNLOADED = "gdpr.export_downloaded", "Data export downloaded"
    GDPR_ERASURE_PREVIEWED = "gdpr.erasure_previewed", "Erasure preview shown"
    GDPR_ERASED = "gdpr.erased", "Personal data erased"
    GDPR_REQUEST_RECEIVED = "gdpr.request_received", "Data request received"
    GDPR_REQUEST_CONFIRMED = "gdpr.request_confirmed", "Data request confirmed by email"
    GDPR_REQUEST_COMPLETED = "gdpr.request_completed", "Data request completed"
    CONSENT_GIVEN = "consent.given", "Consent given"
    CONSENT_WITHDRAWN = "consent.withdrawn", "Consent withdrawn"
    RETENTION_CHANGED = "retention.changed", "Retention settings changed"
    RETENTION_PURGED = "retention.purged", "Retention purge ran"
    AUDIT_EXPORTED = "audit.exported", "Audit log downloaded"


class AuditLogEntry(models.Model):
    """Who did what to which object, when, and from where. Metadata never holds PII."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(max_length=64, choices=AuditAction.choices)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "audit log entry"
        verbose_name_plural = "audit log"
        indexes = [
            models.Index(fields=["-created_at"]),
            models.Index(fields=["action", "-created_at"]),
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["actor", "-created_at"]),
        ]

    def __str__(self):
        return f"{self.action} {self.object_type}:{self.object_id}"


class AppendOnlyError(Exception):
    """A consent record is evidence: once written it is never changed or removed."""


class ConsentQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Consent records cannot be changed; record a new decision.")

    def delete(self):
        raise AppendOnlyError("Consent records cannot be deleted; record a withdrawal.")

    def erase(self):
        """The one removal: the person's data is erased with their account."""
        return super().delete()


class ConsentRecord(models.Model):
    """One decision on one purpose, with the version and a SHA-256 of the text shown.

    The latest record per purpose is the person's current choice; earlier ones are history.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consent_records"
    )
    purpose = models.CharField(max_length=32)
    granted = models.BooleanField()
    text_version = models.CharField(max_length=16)
    text_sha256 = models.CharField(max_length=64)
    source = models.CharField(max_length=16, default="api")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "purpose", "-created_at"])]

    def __str__(self):
        return f"{self.purpose}: {'given' if self.granted else 'withdrawn'}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Consent records cannot be changed; record a new decision.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Consent records cannot be deleted; record a withdrawal.")


class RetentionSetting(models.Model):
    """How long one kind of data is kept, where an admin changed the declared default."""

    kind = models.CharField(max_length=48, unique=True)
    days = models.PositiveIntegerField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind"]

    def __str__(self):
        return f"{self.kind}: {self.days} days"


class RequestKind(models.TextChoices):
    EXPORT = "export", "Export"
    ERASURE = "erasure", "Erasure"


class RequestStatus(models.TextChoices):
    AWAITING_CONFIRMATION = "awaiting_confirmation", "Awaiting email confirmation"
    OPEN = "open", "Open"
    COMPLETED = "completed", "Completed"
    FAILED = "failed", "Failed"


OPEN_STATUSES = (RequestStatus.AWAITING_CONFIRMATION, RequestStatus.OPEN)


class DataSubjectRequest(models.Model):
    """A request from a person about their data, tracked until answered (GDPR art. 12: within
    a month of receipt). Once answered it holds no personal data beyond the account link."""

    kind = models.CharField(max_length=16, choices=RequestKind.choices)
    status = models.CharField(
        max_length=24, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    anonymous = models.BooleanField(default=False)
    # An anonymous applicant's address, kept only until the request is answered.
    email = EncryptedTextField(blank=True, default="")
    # What answers the request (say, an export job's id), for the admin to follow.
    reference = models.CharField(max_length=64, blank=True)
    outcome = models.CharField(max_length=255, blank=True)
    received_at = models.DateTimeField()
    due_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [models.Index(fields=["status", "due_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} request {self.pk} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Being prepared"
    READY = "ready", "Ready to download"
    FAILED = "failed", "Failed"
    EXPIRED = "expired", "Expired"


def export_file_name(instance, filename: str) -> str:
    return f"exports/{uuid.uuid4().hex}.bin"


class DataExport(DurableJob):
    """A copy of everything held about a person: a zip, encrypted on disk, downloadable
    through a signed link until `expires_at`; then the file goes (the row stays, expired)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    status = models.CharField(
        max_length=16, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    archive = models.FileField(upload_to=export_file_name, max_length=200, blank=True)
    size_bytes = models.PositiveBigIntegerField(null=True, blank=True)
    error_message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    downloaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="export_user_recent"),
            # The expiry task's query: ready exports by expiry.
            models.Index(
                fields=["expires_at"],
                name="export_ready_expiry",
                condition=models.Q(status="ready"),
            ),
        ]

    def __str__(self):
        return f"Data export {self.id} ({self.status})"
