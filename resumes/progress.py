"""Analysis progress fan-out: the database holds the state, the channel layer relays it."""

from core.realtime.groups import group_name
from core.realtime.publish import publish
from resumes.models import Analysis


def analysis_group(analysis_id) -> str:
    return group_name("analysis", analysis_id)


def progress_message(analysis: Analysis) -> dict:
    """What `/ws/analyses/{id}/` sends: `{job_id, state, progress, message}`."""
    message = analysis.error_message if analysis.status == "failed" else analysis.current_step
    return {
        "job_id": str(analysis.pk),
        "state": analysis.status,
        "progress": analysis.progress,
        "message": message,
    }


def progress_publish(analysis: Analysis) -> None:
    """Best effort: the step is saved already, and a socket reconnecting reads it first."""
    publish(analysis_group(analysis.pk), progress_message(analysis))
