"""Push a message to every open socket of one user (the `user.<id>` channel-layer group)."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def notify_user(*, user_id: int, payload: dict) -> None:
    async_to_sync(get_channel_layer().group_send)(
        user_group(user_id), {"type": "user.notification", "payload": payload}
    )
