"""The video-interview panel on the recruiter's candidate page (registered into ats.hooks):
the application's meetings, and the schedule form for those who manage the job. The data is
plain values: the candidate API returns it as JSON."""

from django.urls import reverse
from django.utils.http import urlencode

from ats.hooks import CandidatePanel, MoveFollowUp
from ats.selectors import application_is_managed_by
from ats.stages import Stage
from interviews.video.selectors import meetings_for_application
from interviews.video.views import meeting_row


def video_panel(*, application, user) -> CandidatePanel:
    return CandidatePanel(
        title="Video interviews",
        template="interviews/video/_panel.html",
        data={
            "meetings": [
                meeting_row(meeting, user=user)
                for meeting in meetings_for_application(application=application)
            ],
            "application_id": str(application.pk),
            "can_schedule": application_is_managed_by(user=user, application=application),
            "schedule_url": reverse("video:schedule", args=[application.pk]),
            "here": reverse("ats:candidate", args=[application.pk]),
        },
    )


def schedule_after_move(*, application, user) -> MoveFollowUp | None:
    """After a move to "interview scheduled" on the board: the schedule form, which returns
    to the board, for those who may schedule."""
    if application.stage != Stage.INTERVIEW_SCHEDULED:
        return None
    if not application_is_managed_by(user=user, application=application):
        return None
    board = reverse("ats:board", args=[application.job_id])
    url = reverse("video:schedule", args=[application.pk])
    return MoveFollowUp(
        text="Pick a time: the applicant and interviewers get a calendar invitation.",
        url=f"{url}?{urlencode({'next': board})}",
        link_label="Schedule a video interview",
    )
