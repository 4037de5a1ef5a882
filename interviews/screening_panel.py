"""The screening panel on the recruiter's candidate page (registered into ats.hooks): the
application's screening sessions with scores, key points and integrity evidence, and the
invitation form for the job's owner."""

from django.urls import reverse

from accounts.models import Role
from ats.hooks import CandidatePanel
from interviews.models import InterviewSession, SessionStatus
from interviews.presenters import session_view
from interviews.selectors import approved_questions_for_job


def screening_panel(*, application, user) -> CandidatePanel:
    sessions = list(
        InterviewSession.objects.filter(application=application)
        .prefetch_related("answers")
        .order_by("-created_at")
    )
    views = [
        session_view(session, answers=list(session.answers.all()), for_owner=False)
        for session in sessions
    ]
    manages = application.job.owner_id == user.pk or user.role == Role.ADMIN
    is_open = any(session.status != SessionStatus.COMPLETED for session in sessions)
    return CandidatePanel(
        title="Screening interview",
        template="interviews/_screening_panel.html",
        data={
            "sessions": views,
            "can_invite": manages and not is_open and application.candidate_id is not None,
            "approved_questions": approved_questions_for_job(job=application.job).count(),
            "invite_url": reverse("interviews:invite", args=[application.pk]),
        },
    )
