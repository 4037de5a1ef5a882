from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from accounts.consumers import UNAUTHENTICATED
from resumes.models import Analysis
from resumes.progress import analysis_group, progress_message

NOT_FOUND = 4404


@database_sync_to_async
def _current_state(user, analysis_id) -> dict | None:
    analysis = Analysis.objects.filter(pk=analysis_id, owner=user).first()
    return progress_message(analysis) if analysis is not None else None


class AnalysisProgressConsumer(AsyncJsonWebsocketConsumer):
    """`/ws/analyses/{id}/`: the current state at once, then every step until it finishes.

    The socket joins the group before reading the state, so no step falls between the two.
    """

    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=UNAUTHENTICATED)
            return
        self.group = analysis_group(self.scope["url_route"]["kwargs"]["analysis_id"])
        await self.channel_layer.group_add(self.group, self.channel_name)
        state = await _current_state(user, self.scope["url_route"]["kwargs"]["analysis_id"])
        if state is None:
            await self.close(code=NOT_FOUND)
            return
        await self.accept()
        await self._relay(state)

    async def disconnect(self, code):
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def analysis_progress(self, event):
        await self._relay(event["payload"])

    async def _relay(self, message: dict) -> None:
        await self.send_json(message)
        if message["state"] in {"completed", "failed"}:
            await self.close()
