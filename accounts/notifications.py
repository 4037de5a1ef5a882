"""Push a message to every open socket of one user (the `user.<id>` channel-layer group)."""

from core.realtime.groups import user_group
from core.realtime.publish import publish


def notify_user(*, user_id: int, payload: dict) -> bool:
    """Best effort: False (logged) when the channel layer could not take it."""
    return publish(user_group(user_id), payload)
