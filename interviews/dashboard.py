"""The interviews app's dashboard panels: a candidate's interviews to do and practice, a
recruiter's interviews this week."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from accounts.dashboard import Panel, register_dashboard_panel
from accounts.models import Role
from ats.models import Application
from ats.stages import Stage
from interviews.models import (
    InterviewSession,
    LiveInterview,
    LiveStatus,
    SessionStatus,
    SessionType,
)
from interviews.selectors import practice_stats, upcoming_meetings_for_candidate

LIST_SIZE = 5


def candidate_interviews_panel(*, request) -> Panel:
    """What the candidate is invited to (screenings, live interviews, booked video interviews)
    and how their practice goes."""
    user = request.user
    screenings = InterviewSession.objects.filter(
        user=user,
        session_type=SessionType.SCREENING,
        status__in=(SessionStatus.INVITED, SessionStatus.IN_PROGRESS),
    ).defer("plan", "summary")
    live = LiveInterview.objects.filter(user=user, status=LiveStatus.INVITED).only(
        "id", "job_title", "created_at"
    )
    meetings = upcoming_meetings_for_candidate(user)[:LIST_SIZE]
    # Applications at "interview scheduled" whose meeting is not booked yet.
    scheduled = (
        Application.objects.filter(candidate=user, stage=Stage.INTERVIEW_SCHEDULED)
        .exclude(pk__in=[meeting.application_id for meeting in meetings])
        .select_related("job")
    )
    stats = practice_stats(user=user)
    return Panel(
        title="Interviews and practice",
        template="interviews/panels/candidate.html",
        data={
            "screenings": list(screenings[:LIST_SIZE]),
            "live": list(live[:LIST_SIZE]),
            "meetings": meetings,
            "scheduled": list(scheduled[:LIST_SIZE]),
            "practice": stats,
        },
    )


def _week_start(now):
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return today - timedelta(days=today.weekday())


def recruiter_interviews_panel(*, request) -> Panel:
    """Applicants with an interview scheduled on the recruiter's postings, and the
    screenings and live interviews their applicants finished since Monday."""
    user = request.user
    since = _week_start(timezone.now())
    scheduled = (
        Application.objects.filter(job__owner=user, stage=Stage.INTERVIEW_SCHEDULED)
        .select_related("job")
        .order_by("stage_changed_at")
    )
    finished = Q(application__job__owner=user, status="completed", completed_at__gte=since)
    return Panel(
        title="Interviews this week",
        template="interviews/panels/recruiter.html",
        data={
            "scheduled_count": scheduled.count(),
            "scheduled": list(scheduled[:LIST_SIZE]),
            "screenings_done": InterviewSession.objects.filter(finished).count(),
            "live_done": LiveInterview.objects.filter(finished).count(),
            "since": since,
        },
    )


def register_interview_panels() -> None:
    register_dashboard_panel(
        "interviews.candidate", role=Role.CANDIDATE, order=30, provider=candidate_interviews_panel
    )
    register_dashboard_panel(
        "interviews.recruiter", role=Role.RECRUITER, order=30, provider=recruiter_interviews_panel
    )
