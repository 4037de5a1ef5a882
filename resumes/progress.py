"""Analysis progress fan-out: the database holds the state, the channel layer relays it."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from resumes.models import Analysis


def analysis_group(analysis_id) -> str:
    return f"analysis.{analysis_id}"


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
    async_to_sync(get_channel_layer().group_send)(
        analysis_group(analysis.pk),
        {"type": "analysis.progress", "payload": progress_message(analysis)},
    )
