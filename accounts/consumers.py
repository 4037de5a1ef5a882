from channels.db import database_sync_to_async

from accounts.notifications import unread_count
from core.realtime.consumers import RealtimeConsumer
from core.realtime.groups import user_group


class NotificationConsumer(RealtimeConsumer):
    """`/ws/notifications/`: relays the signed-in user's notifications.

    The greeting carries the unread count so the header's bell is filled by the socket,
    not by a query on every page render.
    """

    async def on_authenticated(self) -> None:
        await self.join(user_group(self.user.pk))
        unread = await database_sync_to_async(unread_count)(self.user)
        await self.send_json(
            {"type": "connection_success", "user_id": self.user.pk, "unread": unread}
        )
