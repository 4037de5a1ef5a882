"""The ATS's panels on the role dashboards (accounts.dashboard): a candidate's applications,
a recruiter's open postings, new applicants and the ones waiting longest for a decision."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from accounts.dashboard import Panel, last_visit, register_dashboard_panel
from accounts.models import Role
from ats.models import StageChange
from ats.selectors import applications_managed_by, applications_of_candidate
from ats.stages import Stage
from jobs.models import JobStatus

RECENT_CHANGES = 5
CHANGES_WITHIN = timedelta(days=30)
# A first visit counts the last week's applications as new.
FIRST_VISIT_WINDOW = timedelta(days=7)
LIST_SIZE = 5
POSTINGS_SHOWN = 8
# Stages where the next move is the recruiter's.
AWAITING_DECISION = (Stage.APPLIED, Stage.UNDER_REVIEW, Stage.INTERVIEWED)
# The board columns a posting's row shows; the final stages are summed as "closed".
OPEN_STAGES = (
    Stage.APPLIED,
    Stage.UNDER_REVIEW,
    Stage.INTERVIEW_SCHEDULED,
    Stage.INTERVIEWED,
    Stage.OFFER,
)
FINAL_STAGES = (Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN)


def candidate_applications_panel(*, request) -> Panel:
    """Applications by stage, and the latest moves the candidate was not there for."""
    user = request.user
    by_stage = dict(
        applications_of_candidate(user=user).order_by().values_list("stage").annotate(n=Count("pk"))
    )
    changes = (
        StageChange.objects.filter(
            application__candidate=user,
            created_at__gte=timezone.now() - CHANGES_WITHIN,
        )
        .exclude(from_stage="")
        .select_related("application__job")
        .order_by("-created_at", "-id")[:RECENT_CHANGES]
    )
    return Panel(
        title="Your applications",
        template="ats/panels/candidate_applications.html",
        data={
            "total": sum(by_stage.values()),
            "stages": [
                {"value": stage.value, "label": stage.label, "count": by_stage[stage]}
                for stage in Stage
                if by_stage.get(stage)
            ],
            "changes": [
                {
                    "job": change.application.job,
                    "application_id": change.application_id,
                    "stage": Stage(change.to_stage),
                    "at": change.created_at,
                }
                for change in changes
            ],
        },
    )


def recruiter_postings_panel(*, request) -> Panel:
    """The open postings with the most applicants in play, each with its applicants per open
    stage: one aggregate query, and one count of every open posting."""
    per_stage = {
        stage.value: Count("applications", filter=Q(applications__stage=stage))
        for stage in OPEN_STAGES
    }
    open_postings = request.user.jobs.filter(status=JobStatus.OPEN)
    rows = (
        open_postings.values("id", "title")
        .annotate(
            active=Count("applications", filter=Q(applications__stage__in=OPEN_STAGES)),
            closed=Count("applications", filter=Q(applications__stage__in=FINAL_STAGES)),
            **per_stage,
        )
        .order_by("-active", "-id")[:POSTINGS_SHOWN]
    )
    postings = [
        {
            "id": row["id"],
            "title": row["title"],
            "stages": [row[stage.value] for stage in OPEN_STAGES],
            "closed": row["closed"],
        }
        for row in rows
    ]
    return Panel(
        title="Open postings",
        template="ats/panels/recruiter_postings.html",
        data={
            "postings": postings,
            "total": open_postings.count() if len(postings) == POSTINGS_SHOWN else len(postings),
            "stages": [stage.label for stage in OPEN_STAGES],
        },
        wide=True,
    )


def _own_applications(user):
    # Recruiters and experts: their own postings only (an admin's dashboard is operations).
    return applications_managed_by(user=user).filter(job__owner=user)


def recruiter_new_applications_panel(*, request) -> Panel:
    """Applications since the visit before this session began (kept for the session, so a
    reload does not empty the list)."""
    user = request.user
    since = last_visit(request)
    first_visit = since is None
    since = since or timezone.now() - FIRST_VISIT_WINDOW
    fresh = _own_applications(user).filter(created_at__gt=since).order_by("-created_at")
    return Panel(
        title="New since your last visit",
        template="ats/panels/recruiter_new.html",
        data={
            "count": fresh.count(),
            "latest": list(fresh[:LIST_SIZE]),
            "since": since,
            "first_visit": first_visit,
        },
    )


def recruiter_waiting_panel(*, request) -> Panel:
    waiting = (
        _own_applications(request.user)
        .filter(stage__in=AWAITING_DECISION, job__status=JobStatus.OPEN)
        .order_by("stage_changed_at", "created_at")
    )
    return Panel(
        title="Waiting longest for a decision",
        template="ats/panels/recruiter_waiting.html",
        data={"applications": list(waiting[:LIST_SIZE]), "now": timezone.now()},
    )


def register_ats_panels() -> None:
    register_dashboard_panel(
        "ats.candidate_applications",
        role=Role.CANDIDATE,
        order=20,
        provider=candidate_applications_panel,
    )
    register_dashboard_panel(
        "ats.recruiter_postings", role=Role.RECRUITER, order=10, provider=recruiter_postings_panel
    )
    register_dashboard_panel(
        "ats.recruiter_new",
        role=Role.RECRUITER,
        order=20,
        provider=recruiter_new_applications_panel,
    )
    register_dashboard_panel(
        "ats.recruiter_waiting", role=Role.RECRUITER, order=40, provider=recruiter_waiting_panel
    )
