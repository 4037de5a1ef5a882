import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from gdpr.fields import EncryptedTextField


class MeetingProvider(models.TextChoices):
    ZOOM = "zoom", "Zoom"
    JITSI = "jitsi", "Jitsi"


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    ENDED = "ended", "Ended"
    CANCELLED = "cancelled", "Cancelled"


class VideoMeeting(models.Model):
    """A video interview of one application: when, who, and the room's link.

    `sequence` is the calendar invitation's revision (RFC 5545 SEQUENCE): each reschedule or
    cancellation raises it, so calendars replace the earlier invitation instead of adding one.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        "ats.Application", on_delete=models.CASCADE, related_name="video_meetings"
    )
    organizer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organized_meetings",
    )
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="video_interviews", blank=True
    )
    title = models.CharField(max_length=200)
    provider = models.CharField(max_length=8, choices=MeetingProvider.choices)
    # Zoom's meeting id; empty for a Jitsi room, whose name is in the link.
    external_id = models.CharField(max_length=64, blank=True)
    join_url = models.URLField(max_length=500)
    # Zoom's start_url signs the host in: a credential, so kept encrypted.
    host_url = EncryptedTextField(blank=True, default="")
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField()
    timezone = models.CharField(max_length=64, default="UTC")
    status = models.CharField(
        max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    sequence = models.PositiveIntegerField(default=0)
    ended_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1), name="video_meeting_has_duration"
            )
        ]
        indexes = [
            models.Index(fields=["application", "starts_at"], name="video_meeting_application"),
            models.Index(fields=["status", "starts_at"], name="video_meeting_status"),
            models.Index(fields=["provider", "external_id"], name="video_meeting_external"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%Y-%m-%d %H:%M} UTC)"


class MeetingRecording(models.Model):
    """One file of a Zoom cloud recording, as `recording.completed` reported it."""

    meeting = models.ForeignKey(VideoMeeting, on_delete=models.CASCADE, related_name="recordings")
    external_id = models.CharField(max_length=100)
    recording_type = models.CharField(max_length=60, blank=True)
    file_type = models.CharField(max_length=20, blank=True)
    file_size = models.PositiveBigIntegerField(null=True, blank=True)
    play_url = models.URLField(max_length=1000, blank=True)
    download_url = models.URLField(max_length=1000, blank=True)
    recording_start = models.DateTimeField(null=True, blank=True)
    recording_end = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recording_start", "id"]
        constraints = [
            # Zoom redelivers webhooks: a file is recorded once.
            models.UniqueConstraint(fields=["meeting", "external_id"], name="video_recording_once")
        ]

    def __str__(self) -> str:
        return f"{self.recording_type or self.file_type} of {self.meeting_id}"
