from core.realtime.consumers import RealtimeConsumer
from core.realtime.groups import user_group


class NotificationConsumer(RealtimeConsumer):
    """`/ws/notifications/`: relays the signed-in user's notifications."""

    async def on_authenticated(self) -> None:
        await self.join(user_group(self.user.pk))
        await self.send_json({"type": "connection_success", "user_id": self.user.pk})
