"""`/ws/chat/`: the chat assistant over a socket; the conversation lives in the connection.

After authenticating (`{"type": "auth", "token"}` or the session cookie) the client gets a
`system` message; each `{"type": "message", "content"}` is answered with
`{"type": "message", "content", "sentiment", "metadata": {from_qa, similarity,
matched_question}, "timestamp"}`. Ping, size and rate limits are the realtime layer's.
"""

from channels.db import database_sync_to_async
from django.utils import timezone

from core.errors import InvalidInput
from core.realtime.consumers import RealtimeConsumer
from interviews.services.chat import MAX_HISTORY, MAX_INPUT, chat_reply, extended_history

GREETING = (
    "Connected to the Hirewise assistant. Ask about your resume, your analysis, your saved "
    "jobs or your applications."
)


def _now() -> str:
    return timezone.now().isoformat().replace("+00:00", "Z")


class ChatConsumer(RealtimeConsumer):
    handlers = {"message": "answer_message"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conversation: list[dict] = []

    async def on_authenticated(self) -> None:
        await self.send_json({"type": "system", "content": GREETING, "timestamp": _now()})

    async def answer_message(self, message: dict) -> None:
        content = message.get("content")
        if not isinstance(content, str) or not content.strip():
            raise InvalidInput({"content": ["Send the question as a non-empty string."]})
        if len(content) > MAX_INPUT:
            raise InvalidInput({"content": [f"Ask in at most {MAX_INPUT} characters."]})
        reply = await database_sync_to_async(chat_reply)(
            user=self.user, user_input=content, history=self.conversation
        )
        self.conversation = extended_history(self.conversation, content, reply)[-MAX_HISTORY:]
        await self.send_json(
            {
                "type": "message",
                "content": reply.response,
                "sentiment": reply.sentiment,
                "metadata": reply.metadata(),
                "timestamp": _now(),
            }
        )
