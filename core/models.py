from django.db import models

from core.durable import DurableJob


class OutboxStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    FAILED = "failed", "Failed"


class OutboxTask(DurableJob):
    """A background task without a row of its own (an email...), kept until it has run.

    Written in the transaction that asks for the task, so a broker outage, a lost message or a
    dead worker cannot lose it; deleted once the task succeeds.
    """

    task = models.CharField(max_length=200)
    args = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=12, choices=OutboxStatus.choices, default=OutboxStatus.QUEUED
    )
    error_message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["status", "progress_at"], name="outbox_sweep")]

    def __str__(self):
        return f"{self.task}{tuple(self.args)} ({self.status})"
