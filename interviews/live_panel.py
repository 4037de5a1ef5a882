"""The live interview panel on the recruiter's candidate page (registered into ats.hooks):
the application's live interviews with their analysis and transcript, and the invitation
button for the job's owner."""

from django.urls import reverse

from accounts.models import Role
from ats.hooks import CandidatePanel
from interviews.models import LiveInterview, LiveStatus
from interviews.presenters import live_exchanges


def live_interview_panel(*, application, user) -> CandidatePanel:
    interviews = list(LiveInterview.objects.filter(application=application).order_by("-created_at"))
    manages = application.job.owner_id == user.pk or user.role == Role.ADMIN
    is_open = any(interview.status != LiveStatus.COMPLETED for interview in interviews)
    return CandidatePanel(
        title="Live AI interview",
        template="interviews/_live_panel.html",
        data={
            "interviews": [
                {
                    "id": str(interview.pk),
                    "status": interview.status,
                    "questions_answered": interview.questions_answered,
                    "early_termination": interview.early_termination,
                    "completed_at": interview.completed_at,
                    "analysis": interview.analysis,
                    "exchanges": live_exchanges(interview),
                    "transcript": interview.transcript,
                }
                for interview in interviews
            ],
            "can_invite": manages and not is_open and application.candidate_id is not None,
            "invite_url": reverse("interviews:live_invite", args=[application.pk]),
        },
    )
