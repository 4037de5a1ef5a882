"""The jobs app's panel on the candidate dashboard: saved jobs that close soon."""

from datetime import timedelta

from django.utils import timezone

from accounts.dashboard import Panel, register_dashboard_panel
from accounts.models import Role
from jobs.models import JobStatus, SavedJob

CLOSING_WITHIN = timedelta(days=14)
LIST_SIZE = 5


def _days_between(now, end) -> int:
    return (timezone.localdate(end) - timezone.localdate(now)).days


def saved_jobs_panel(*, request) -> Panel:
    now = timezone.now()
    saved = SavedJob.objects.filter(user=request.user)
    closing = (
        saved.filter(
            job__status=JobStatus.OPEN,
            job__end_date__gte=now,
            job__end_date__lte=now + CLOSING_WITHIN,
        )
        .select_related("job")
        .order_by("job__end_date")[:LIST_SIZE]
    )
    return Panel(
        title="Saved jobs closing soon",
        template="jobs/panels/saved_closing.html",
        data={
            "saved": saved.count(),
            "closing": [
                {"job": entry.job, "days_left": _days_between(now, entry.job.end_date)}
                for entry in closing
            ],
            "days": CLOSING_WITHIN.days,
        },
    )


def register_job_panels() -> None:
    register_dashboard_panel("jobs.saved", role=Role.CANDIDATE, order=40, provider=saved_jobs_panel)
