"""`RealtimeConsumer`: the base of every socket. Subclasses add only what is theirs.

Protocol, in JSON text frames:
- authenticate with `?token=`, an `Authorization: Bearer` header or the session cookie when
  connecting, or with a first message `{"type": "auth", "token": "<access token>"}` within
  `REALTIME_AUTH_TIMEOUT_SECONDS`; anything else first, or a bad token, is answered with an
  `error` and the close code 4401;
- `{"type": "ping"}` → `{"type": "pong"}`;
- every problem is an `{"type": "error", "error_code": ..., "detail": ...}` message: too
  large (`REALTIME_MAX_MESSAGE_BYTES`), too many (`REALTIME_MESSAGES_PER_MINUTE`), not JSON,
  no `type`, a type nobody handles, or a `DomainError` a handler raised (its documented
  body). The socket stays open.

The socket is always accepted before it is refused, so the client sees the close code
(a refused handshake reaches browsers as 1006 with no code). Once closed, the consumer
leaves its groups and drops anything still on its way out, so nothing is sent after
`websocket.close`.

A subclass sets `handlers = {"message type": "method name"}`, implements
`on_authenticated()` (join groups with `join()`, send the current state; raise `Http404` or
`PermissionDenied` to close with 4404 or 4403) and, to reshape what `publish()` sends its
groups, `relay()`.
"""

import asyncio
import json
import logging

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404

from core.errors import DomainError
from core.realtime import codes
from core.realtime.auth import handshake_token, user_for_token
from core.realtime.limits import MessageRate

logger = logging.getLogger(__name__)


def error_message(error_code: str, detail: str) -> dict:
    return {"type": "error", "error_code": error_code, "detail": detail}


class RealtimeConsumer(AsyncWebsocketConsumer):
    handlers: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = None
        self.closed = False
        self._groups: set[str] = set()
        self._auth_deadline: asyncio.Task | None = None
        self._rate = MessageRate(settings.REALTIME_MESSAGES_PER_MINUTE)

    # --- Hooks for subclasses ------------------------------------------------------------

    async def on_authenticated(self) -> None:
        """Called once `self.user` is known: join groups and send the current state."""

    async def relay(self, payload: dict) -> None:
        """A message `publish()`ed to one of this socket's groups; sent as it is."""
        await self.send_json(payload)

    # --- Sending, groups and closing -----------------------------------------------------

    async def send_json(self, content: dict) -> None:
        if self.closed:  # a group message can still arrive between close and disconnect
            return
        await self.send(text_data=json.dumps(content))

    async def send_error(self, error_code: str, detail: str) -> None:
        await self.send_json(error_message(error_code, detail))

    async def join(self, group: str) -> None:
        await self.channel_layer.group_add(group, self.channel_name)
        self._groups.add(group)

    async def close(self, code=None, reason=None) -> None:
        if self.closed:
            return
        self.closed = True  # from here on, send_json drops what the groups still deliver
        await super().close(code=code, reason=reason)
        await self._leave()

    async def refuse(self, code: int, error_code: str, detail: str) -> None:
        """Tell the client why, then close with `code`."""
        await self.send_error(error_code, detail)
        await self.close(code=code)

    async def _leave(self) -> None:
        if self._auth_deadline is not None:
            self._auth_deadline.cancel()
        for group in self._groups:
            await self.channel_layer.group_discard(group, self.channel_name)
        self._groups.clear()

    # --- Dispatch ------------------------------------------------------------------------

    async def dispatch(self, message: dict) -> None:
        """Channels' dispatch without its per-message `aclose_old_connections()`.

        That call hops to the one thread every socket's `database_sync_to_async` work runs
        on, so a ping waited behind other sockets' queries (bench/sockets.py). Handlers reach
        the database only through `database_sync_to_async`, which closes stale connections
        itself before and after each call.
        """
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    # --- Connection ----------------------------------------------------------------------

    async def connect(self) -> None:
        await self.accept()
        token = handshake_token(self.scope)
        session_user = self.scope.get("user")
        if token:
            await self._authenticate(await user_for_token(token))
        elif session_user is not None and session_user.is_authenticated:
            await self._authenticate(session_user)
        else:
            self._auth_deadline = asyncio.create_task(self._expire_unauthenticated())

    async def disconnect(self, code) -> None:
        self.closed = True
        await self._leave()

    async def realtime_relay(self, event: dict) -> None:
        if not self.closed:
            await self.relay(event["payload"])

    async def _expire_unauthenticated(self) -> None:
        await asyncio.sleep(settings.REALTIME_AUTH_TIMEOUT_SECONDS)
        self._auth_deadline = None  # this task is ending; closing must not cancel it
        await self.refuse(
            codes.UNAUTHENTICATED,
            codes.ERROR_UNAUTHENTICATED,
            'No credentials in time: send {"type": "auth", "token": ...} first.',
        )

    async def _authenticate(self, user) -> None:
        if self.closed:  # the auth deadline passed while the token was being checked
            return
        if user is None or not user.is_authenticated:
            await self.refuse(
                codes.UNAUTHENTICATED,
                codes.ERROR_UNAUTHENTICATED,
                "The token is invalid or expired. Sign in again.",
            )
            return
        if self._auth_deadline is not None:
            self._auth_deadline.cancel()
            self._auth_deadline = None
        self.user = user
        try:
            await self.on_authenticated()
        except Http404:
            await self.refuse(codes.NOT_FOUND, codes.ERROR_NOT_FOUND, "Not found.")
        except PermissionDenied:
            await self.refuse(codes.FORBIDDEN, codes.ERROR_FORBIDDEN, "You may not follow this.")

    # --- Receiving -----------------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None) -> None:
        if self.closed:
            return
        size = len(text_data.encode()) if text_data is not None else len(bytes_data or b"")
        if size > settings.REALTIME_MAX_MESSAGE_BYTES:
            await self.send_error(
                codes.ERROR_MESSAGE_TOO_LARGE,
                f"Messages are limited to {settings.REALTIME_MAX_MESSAGE_BYTES} bytes; "
                f"this one has {size}.",
            )
            return
        if not self._rate.allow():
            await self.send_error(
                codes.ERROR_RATE_LIMITED,
                f"Too many messages: at most {settings.REALTIME_MESSAGES_PER_MINUTE} a minute. "
                "This one was dropped.",
            )
            return
        message, problem = _parse(text_data)
        if self.user is None:
            await self._receive_unauthenticated(message)
        elif problem:
            await self.send_error(*problem)
        else:
            await self._dispatch(message)

    async def _receive_unauthenticated(self, message: dict | None) -> None:
        token = message.get("token") if message and message["type"] == "auth" else None
        if isinstance(token, str) and token:
            await self._authenticate(await user_for_token(token))
            return
        await self.refuse(
            codes.UNAUTHENTICATED,
            codes.ERROR_UNAUTHENTICATED,
            'Authenticate first: send {"type": "auth", "token": ...}.',
        )

    async def _dispatch(self, message: dict) -> None:
        kind = message["type"]
        if kind == "ping":
            await self.send_json({"type": "pong"})
        elif kind == "auth":
            await self.send_error(
                codes.ERROR_ALREADY_AUTHENTICATED, "This socket is already authenticated."
            )
        elif kind in self.handlers:
            await self._handle(kind, message)
        else:
            known = ", ".join(["ping", *self.handlers])
            await self.send_error(
                codes.ERROR_UNKNOWN_TYPE, f"Unknown message type {kind!r}. Known: {known}."
            )

    async def _handle(self, kind: str, message: dict) -> None:
        try:
            await getattr(self, self.handlers[kind])(message)
        except DomainError as error:  # a refusal a person reads, as the API would word it
            await self.send_json({"type": "error", **error.as_payload()})
        except Exception:  # one bad message must not take the connection down
            logger.exception("Socket handler for %r failed", kind)
            await self.send_error(codes.ERROR_SERVER, "Something went wrong on our side.")


def _parse(text_data: str | None) -> tuple[dict | None, tuple[str, str] | None]:
    """The message object, or the error code and detail saying why there is none."""
    if text_data is None:
        return None, (codes.ERROR_INVALID_MESSAGE, "Send JSON text frames, not binary ones.")
    try:
        message = json.loads(text_data)
    except ValueError:
        return None, (codes.ERROR_INVALID_JSON, "The message is not valid JSON.")
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        return None, (
            codes.ERROR_INVALID_MESSAGE,
            'A message is a JSON object with a "type", e.g. {"type": "ping"}.',
        )
    return message, None
