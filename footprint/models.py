import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.durable import DurableJob, DurableKind
from gdpr.fields import EncryptedJSONField


class ScanStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    FETCHING = "fetching", "Reading public profiles"
    SCORING = "scoring", "Scoring"
    COMPLETED = "completed", "Completed"
    FAILED = "failed", "Failed"


RUNNING_STATUSES = (ScanStatus.FETCHING, ScanStatus.SCORING)
# What became of each source in a scan (`FootprintScan.sources[name]["status"]`).
SOURCE_STATES = ("ok", "failed", "skipped")


class FootprintScan(DurableJob):
    """One scan of a user's public GitHub and Stack Overflow profiles, with its scores.

    The public data read (names, emails, locations the profiles show) is personal, so it is
    kept encrypted; the scores and their numeric inputs are not.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="footprint_scans"
    )
    github_username = models.CharField(max_length=39, blank=True)
    stackoverflow_id = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=ScanStatus.choices, default=ScanStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    current_step = models.CharField(max_length=200, blank=True)
    error_message = models.TextField(blank=True)
    # Per source: {"status": "ok" | "failed" | "skipped", "message", "retry_at", "cached", "calls"}
    sources = models.JSONField(default=dict, blank=True)
    github_analysis = EncryptedJSONField(null=True, blank=True)
    stackoverflow_analysis = EncryptedJSONField(null=True, blank=True)
    privacy_report = EncryptedJSONField(null=True, blank=True)
    # {name: {"score", "formula", "inputs": [...], "not_visible": [...]}} for SCORE_NAMES
    scores = models.JSONField(default=dict, blank=True)
    skills = models.JSONField(default=list, blank=True)
    recommendations = models.JSONField(default=list, blank=True)
    visibility_score = models.PositiveSmallIntegerField(null=True, blank=True)
    activity_score = models.PositiveSmallIntegerField(null=True, blank=True)
    impact_score = models.PositiveSmallIntegerField(null=True, blank=True)
    expertise_score = models.PositiveSmallIntegerField(null=True, blank=True)
    professional_score = models.PositiveSmallIntegerField(null=True, blank=True)
    overall_score = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(github_username="") | models.Q(stackoverflow_id__isnull=False),
                name="footprint_scan_names_a_profile",
            )
        ]

    def __str__(self):
        return f"Footprint scan {self.pk} ({self.get_status_display()})"

    @property
    def scores_or_none(self) -> dict | None:
        """The scores once computed; None while the scan runs or after it failed."""
        return self.scores or None

    @property
    def is_finished(self) -> bool:
        return self.status in (ScanStatus.COMPLETED, ScanStatus.FAILED)


class FootprintSharing(models.Model):
    """Whether recruiters the candidate applied to see the candidate's latest scan."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="footprint_sharing",
    )
    share_with_recruiters = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Footprint sharing of {self.user_id}: {self.share_with_recruiters}"


SCAN_JOBS = DurableKind(
    name="footprint_scan",
    model=FootprintScan,
    task="footprint.tasks.run_scan",
    queued=ScanStatus.QUEUED,
    running=RUNNING_STATUSES,
    failed=ScanStatus.FAILED,
    noun="footprint scan",
    notify="footprint.progress.progress_publish",
    requeue_fields={"progress": 0, "current_step": "Interrupted; waiting for a worker"},
)
