from celery import shared_task

from interviews.video.emails import addressee, change_for, meeting_email
from interviews.video.models import VideoMeeting


@shared_task
def send_meeting_email(meeting_id: str, recipient: str, method: str) -> None:
    """Email one person the meeting as it stands now (interviews.video.emails). Run from the
    outbox, which retries on a mail server's OSError; a deleted meeting is skipped."""
    meeting = (
        VideoMeeting.objects.select_related(
            "application__job", "application__candidate", "organizer"
        )
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        return
    to = addressee(meeting, recipient)
    if to is None:
        return
    change = change_for(method, meeting.sequence)
    meeting_email(meeting, to=to, change=change, method=method).send()
