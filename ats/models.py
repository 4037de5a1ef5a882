import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from ats.stages import Stage
from gdpr.fields import EncryptedJSONField, EncryptedTextField


def applicant_file_name(instance, filename: str) -> str:
    """A random name: nothing the applicant sent reaches the file system path."""
    return f"applications/{uuid.uuid4().hex}.bin"


class ApplicationSource(models.TextChoices):
    JOB_BOARD = "job_board", "Job board"
    SHARE_LINK = "share_link", "Share link"
    IMPORT = "import", "Import"
    REFERRAL = "referral", "Referral"


class Application(models.Model):
    """One applicant for one job: a signed-in candidate with a stored resume, or an anonymous
    applicant whose contact details and resume file are kept encrypted here."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # PROTECT: a job with applicants is closed, not deleted (their history must stay).
    job = models.ForeignKey("jobs.Job", on_delete=models.PROTECT, related_name="applications")
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
    )
    resume = models.ForeignKey(
        "resumes.Resume",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
    )
    applicant_name = EncryptedTextField()
    applicant_email = EncryptedTextField()
    # A keyed hash of the normalised email: one application per job and email, without
    # storing the email in clear (ats.identity.email_key).
    email_key = models.CharField(max_length=64, editable=False)
    applicant_phone = EncryptedTextField(blank=True, default="")
    # Anonymous applicants' resume: the file (Fernet-encrypted), its text and parsed profile.
    resume_file = models.FileField(upload_to=applicant_file_name, max_length=200, blank=True)
    resume_file_name = models.CharField(max_length=255, blank=True)
    resume_file_kind = models.CharField(max_length=8, blank=True)
    resume_text = EncryptedTextField(blank=True, default="")
    resume_profile = EncryptedJSONField(null=True, blank=True)
    cover_letter = EncryptedTextField(blank=True, default="")
    source = models.CharField(
        max_length=16, choices=ApplicationSource.choices, default=ApplicationSource.JOB_BOARD
    )
    consent_at = models.DateTimeField()
    # From the matching engine at apply time: 0-100 and its breakdown and skills.
    fit_score = models.PositiveSmallIntegerField(null=True, blank=True)
    fit = models.JSONField(null=True, blank=True)
    stage = models.CharField(max_length=24, choices=Stage.choices, default=Stage.APPLIED)
    stage_changed_at = models.DateTimeField(auto_now_add=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["job", "email_key"], name="ats_one_application_per_email"
            )
        ]
        indexes = [
            models.Index(fields=["job", "stage"], name="ats_job_stage"),
            models.Index(fields=["job", "-fit_score"], name="ats_job_fit"),
            models.Index(fields=["candidate", "-created_at"], name="ats_candidate_recent"),
            models.Index(fields=["stage", "stage_changed_at"], name="ats_stage_changed"),
        ]

    def __str__(self) -> str:
        return f"Application {str(self.pk)[:8]} to {self.job_id} ({self.stage})"


class StageChange(models.Model):
    """One move of an application, written in the same transaction as the move."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    from_stage = models.CharField(max_length=24, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=24, choices=Stage.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    note = EncryptedTextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["application", "created_at"], name="ats_history_order")]

    def __str__(self) -> str:
        return f"{self.from_stage or 'new'} -> {self.to_stage}"


class Recommendation(models.TextChoices):
    STRONG_NO = "strong_no", "Strong no"
    NO = "no", "No"
    YES = "yes", "Yes"
    STRONG_YES = "strong_yes", "Strong yes"


class Scorecard(models.Model):
    """Structured feedback on an application by one reviewer (one scorecard each, editable)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="scorecards"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    ratings = models.JSONField(default=dict)  # {criterion: 1..5}
    recommendation = models.CharField(max_length=12, choices=Recommendation.choices)
    notes = EncryptedTextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "author"],
                condition=Q(author__isnull=False),
                name="ats_one_scorecard_per_author",
            )
        ]

    def __str__(self) -> str:
        return f"Scorecard by {self.author_id} on {self.application_id}"
