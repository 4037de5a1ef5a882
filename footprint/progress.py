"""Scan progress fan-out: the database holds the state; the owner's sockets
(`/ws/notifications/`, the user's group) receive each step."""

from core.realtime.groups import user_group
from core.realtime.publish import publish
from footprint.models import FootprintScan, ScanStatus


def progress_message(scan: FootprintScan) -> dict:
    """`{type: "footprint_progress", scan_id, state, progress, message}`."""
    message = scan.error_message if scan.status == ScanStatus.FAILED else scan.current_step
    return {
        "type": "footprint_progress",
        "scan_id": str(scan.pk),
        "state": scan.status,
        "progress": scan.progress,
        "message": message,
    }


def progress_publish(scan: FootprintScan) -> None:
    """Best effort: the step is saved already, and a page reloading reads it first."""
    publish(user_group(scan.owner_id), progress_message(scan))
