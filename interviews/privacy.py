"""Personal data held by the interviews app: a person's sessions with their answers (practice
and screening), their live AI interviews with the transcripts, their question library, and the
video meetings they were interviewed or interviewed in.

Erasure deletes them all, screening sessions included: an answer is the person's own words,
and the recruiter's decision is already recorded on the application's stage history. The
bank questions a person wrote are work product, not personal data, and stay. A candidate's
video meetings go with their recordings (the person's face and voice); an interviewer or
organiser is taken off the meetings, which stay for the candidate.
"""

from django.db.models import Q

from gdpr.registry import registry
from interviews.models import Answer, InterviewSession, LiveInterview, SavedQuestion
from interviews.video.models import VideoMeeting


def _at(value):
    return value.isoformat() if value else None


def export_sessions(user) -> list[dict]:
    sessions = InterviewSession.objects.filter(user=user).prefetch_related("answers")
    return [_export_session(session) for session in sessions.order_by("created_at")]


def _export_session(session: InterviewSession) -> dict:
    return {
        "id": str(session.pk),
        "session_type": session.session_type,
        "job_role": session.job_role,
        "job_id": session.job_id,
        "difficulty": session.difficulty,
        "status": session.status,
        "started_at": _at(session.started_at),
        "completed_at": _at(session.completed_at),
        "average_score": session.average_score,
        "recommendation": session.recommendation,
        "integrity_score": session.integrity_score,
        "answers": [
            {
                "question": session.plan[answer.position]["text"],
                "answer": answer.answer_text,
                "time_taken_seconds": answer.time_taken_seconds,
                "paste_count": answer.paste_count,
                "tab_switches": answer.tab_switches,
                "scores": answer.scores,
                "feedback": answer.result.get("feedback", []),
                "integrity_signals": answer.integrity_signals,
                "answered_at": _at(answer.answered_at),
            }
            for answer in session.answers.all()
        ],
    }


def export_library(user) -> list[dict]:
    return [
        {
            "question": entry.question,
            "answer": entry.answer,
            "category": entry.category,
            "difficulty": entry.difficulty,
            "tags": entry.tags,
            "job_title": entry.job_title,
            "company": entry.company,
            "saved_at": _at(entry.saved_at),
        }
        for entry in SavedQuestion.objects.filter(owner=user).order_by("saved_at")
    ]


def export_live_interviews(user) -> list[dict]:
    return [
        {
            "id": str(interview.pk),
            "job_title": interview.job_title,
            "job_id": interview.job_id,
            "application_id": str(interview.application_id) if interview.application_id else None,
            "status": interview.status,
            "started_at": _at(interview.started_at),
            "completed_at": _at(interview.completed_at),
            "early_termination": interview.early_termination,
            "transcript": interview.transcript,
            "analysis": interview.analysis,
        }
        for interview in LiveInterview.objects.filter(user=user).order_by("created_at")
    ]


def erase_live_interviews(user) -> None:
    LiveInterview.objects.filter(user=user).delete()


def erase_sessions(user) -> None:
    InterviewSession.objects.filter(user=user).delete()


def erase_library(user) -> None:
    SavedQuestion.objects.filter(owner=user).delete()


def _export_meeting(meeting: VideoMeeting, *, role: str) -> dict:
    return {
        "id": str(meeting.pk),
        "role": role,
        "job_title": meeting.application.job.title,
        "title": meeting.title,
        "provider": meeting.provider,
        "join_url": meeting.join_url,
        "starts_at": _at(meeting.starts_at),
        "duration_minutes": meeting.duration_minutes,
        "timezone": meeting.timezone,
        "status": meeting.status,
        "ended_at": _at(meeting.ended_at),
        "recordings": [recording.play_url for recording in meeting.recordings.all()],
    }


def export_meetings(user) -> list[dict]:
    meetings = VideoMeeting.objects.select_related("application__job").prefetch_related(
        "recordings"
    )
    as_candidate = meetings.filter(application__candidate=user).order_by("starts_at")
    as_interviewer = meetings.filter(interviewers=user).order_by("starts_at")
    return [_export_meeting(meeting, role="candidate") for meeting in as_candidate] + [
        _export_meeting(meeting, role="interviewer") for meeting in as_interviewer
    ]


def erase_meetings(user) -> None:
    VideoMeeting.objects.filter(application__candidate=user).delete()
    VideoMeeting.interviewers.through.objects.filter(user=user).delete()
    VideoMeeting.objects.filter(organizer=user).update(organizer=None)


registry.register(
    "interview_sessions",
    title="Interview sessions and answers",
    export=export_sessions,
    erase=erase_sessions,
    count=lambda user: InterviewSession.objects.filter(user=user).count(),
)
registry.register(
    "live_interviews",
    title="Live AI interviews and transcripts",
    export=export_live_interviews,
    erase=erase_live_interviews,
    count=lambda user: LiveInterview.objects.filter(user=user).count(),
)
registry.register(
    "question_library",
    title="Question library",
    export=export_library,
    erase=erase_library,
    count=lambda user: SavedQuestion.objects.filter(owner=user).count(),
)
registry.register(
    "video_meetings",
    title="Video interviews",
    export=export_meetings,
    erase=erase_meetings,
    count=lambda user: VideoMeeting.objects.filter(
        Q(application__candidate=user) | Q(interviewers=user)
    )
    .distinct()
    .count(),
)


def expired_transcripts(cutoff):
    """The answers of sessions that ended before the cutoff; the sessions keep their scores."""
    return Answer.objects.filter(session__completed_at__lt=cutoff)


registry.register_retention(
    "interview_transcripts",
    label="Interview answers (transcripts)",
    default_days=365,
    expired=expired_transcripts,
)


def expired_live_interviews(cutoff):
    """Live interviews that ended before the cutoff, with their transcripts and analysis (the
    hiring decision stays on the application's stage history)."""
    return LiveInterview.objects.filter(completed_at__lt=cutoff)


registry.register_retention(
    "live_interviews",
    label="Live AI interviews (transcripts and analysis)",
    default_days=365,
    expired=expired_live_interviews,
)
