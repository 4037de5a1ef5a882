from channels.db import database_sync_to_async

from core.realtime.consumers import RealtimeConsumer
from resumes.models import FINISHED_STATUSES
from resumes.progress import analysis_group, progress_message
from resumes.selectors import analysis_get


@database_sync_to_async
def _current_state(*, user, analysis_id) -> dict:
    """The analysis's progress message; Http404 when it is not this user's."""
    return progress_message(analysis_get(user=user, analysis_id=analysis_id))


class AnalysisProgressConsumer(RealtimeConsumer):
    """`/ws/analyses/{id}/`: the current state at once, then every step until it finishes.

    The socket joins the group before reading the state, so no step falls between the two;
    a step read from the database may then also arrive from the group, late, so a step
    behind the one already sent is dropped.
    """

    async def on_authenticated(self) -> None:
        analysis_id = self.scope["url_route"]["kwargs"]["analysis_id"]
        await self.join(analysis_group(analysis_id))
        self.progress = -1
        await self.relay(await _current_state(user=self.user, analysis_id=analysis_id))

    async def relay(self, payload: dict) -> None:
        if payload["progress"] < self.progress:
            return
        self.progress = payload["progress"]
        await self.send_json(payload)
        if payload["state"] in FINISHED_STATUSES:
            await self.close()
