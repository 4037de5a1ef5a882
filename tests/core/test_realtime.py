"""The base socket consumer: every way to authenticate, heartbeat, limits, bad messages.

Exercised through `/ws/notifications/` on the real ASGI stack, and through a small consumer
of this module's own for per-type handlers and refusals.
"""

from datetime import timedelta

import pytest
from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path
from rest_framework_simplejwt.tokens import AccessToken

from accounts.tokens import token_pair
from core.errors import ConflictError
from core.realtime.consumers import RealtimeConsumer
from tests.accounts.factories import CandidateFactory
from tests.sockets import ORIGIN, WAIT, refused, socket_to

pytestmark = pytest.mark.django_db(transaction=True)
NOTIFICATIONS = "/ws/notifications/"


@pytest.fixture
def user():
    return CandidateFactory()


@pytest.fixture
def token(user):
    return token_pair(user)["access_token"]


async def signed_in(socket) -> dict:
    connected, _ = await socket.connect(timeout=WAIT)
    assert connected
    return await socket.receive_json_from(timeout=WAIT)


# --- Authentication ----------------------------------------------------------------------


async def test_a_query_token_authenticates(user, token):
    socket = socket_to(f"{NOTIFICATIONS}?token={token}")
    assert await signed_in(socket) == {
        "type": "connection_success",
        "user_id": user.pk,
        "unread": 0,
    }
    await socket.disconnect()


async def test_an_authorization_header_authenticates(user, token):
    socket = socket_to(NOTIFICATIONS, headers=[(b"authorization", f"Bearer {token}".encode())])
    assert (await signed_in(socket))["user_id"] == user.pk
    await socket.disconnect()


async def test_the_session_cookie_authenticates(user):
    client = Client()
    await database_sync_to_async(client.force_login)(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()

    socket = socket_to(NOTIFICATIONS, headers=[(b"cookie", cookie)])

    assert (await signed_in(socket))["user_id"] == user.pk
    await socket.disconnect()


async def test_a_first_auth_message_authenticates(user, token):
    socket = socket_to(NOTIFICATIONS)
    connected, _ = await socket.connect(timeout=WAIT)
    assert connected
    await socket.send_json_to({"type": "auth", "token": token})

    assert await socket.receive_json_from(timeout=WAIT) == {
        "type": "connection_success",
        "user_id": user.pk,
        "unread": 0,
    }
    await socket.send_json_to({"type": "ping"})
    assert await socket.receive_json_from(timeout=WAIT) == {"type": "pong"}
    await socket.disconnect()


def expired_token(user) -> str:
    token = AccessToken.for_user(user)
    token.set_exp(from_time=token.current_time - timedelta(hours=1))
    return str(token)


async def test_a_bad_or_expired_token_is_refused_with_4401(user):
    for bad in ("not-a-jwt", await database_sync_to_async(expired_token)(user)):
        socket = socket_to(f"{NOTIFICATIONS}?token={bad}")
        connected, _ = await socket.connect(timeout=WAIT)
        assert connected  # accepted first, so the client sees the close code

        error, code = await refused(socket)

        assert (error["type"], error["error_code"], code) == ("error", "unauthenticated", 4401)
        await socket.disconnect()


async def test_a_token_from_before_a_password_change_is_refused(user, token):
    user.set_password("a-new-long-password-2026")
    await database_sync_to_async(user.save)()
    socket = socket_to(f"{NOTIFICATIONS}?token={token}")
    await socket.connect(timeout=WAIT)

    _, code = await refused(socket)

    assert code == 4401
    await socket.disconnect()


async def test_a_bad_token_in_the_auth_message_is_refused_with_4401():
    socket = socket_to(NOTIFICATIONS)
    await socket.connect(timeout=WAIT)
    await socket.send_json_to({"type": "auth", "token": "not-a-jwt"})

    error, code = await refused(socket)

    assert (error["error_code"], code) == ("unauthenticated", 4401)
    await socket.disconnect()


@pytest.mark.parametrize("first", ['{"type": "ping"}', "not json", '{"type": "auth"}'])
async def test_anything_but_an_auth_message_first_is_refused_with_4401(first):
    socket = socket_to(NOTIFICATIONS)
    await socket.connect(timeout=WAIT)
    await socket.send_to(text_data=first)

    error, code = await refused(socket)

    assert (error["error_code"], code) == ("unauthenticated", 4401)
    assert '"auth"' in error["detail"]
    await socket.disconnect()


async def test_a_socket_that_never_authenticates_is_closed(settings):
    settings.REALTIME_AUTH_TIMEOUT_SECONDS = 0.01
    socket = socket_to(NOTIFICATIONS)
    await socket.connect(timeout=WAIT)

    error, code = await refused(socket)

    assert (error["error_code"], code) == ("unauthenticated", 4401)
    await socket.disconnect()


async def test_an_auth_message_on_an_authenticated_socket_is_an_error(token):
    socket = socket_to(f"{NOTIFICATIONS}?token={token}")
    await signed_in(socket)
    await socket.send_json_to({"type": "auth", "token": token})

    assert (await socket.receive_json_from(timeout=WAIT))["error_code"] == "already_authenticated"
    await socket.disconnect()


# --- Heartbeat, limits and bad messages -----------------------------------------------------


@pytest.fixture
async def open_socket(token):
    socket = socket_to(f"{NOTIFICATIONS}?token={token}")
    await signed_in(socket)
    yield socket
    await socket.disconnect()


async def answer(socket, text: str) -> dict:
    await socket.send_to(text_data=text)
    return await socket.receive_json_from(timeout=WAIT)


async def test_ping_is_answered_with_pong(open_socket):
    assert await answer(open_socket, '{"type": "ping"}') == {"type": "pong"}


async def test_an_oversized_message_is_refused_and_the_socket_stays_open(settings, open_socket):
    settings.REALTIME_MAX_MESSAGE_BYTES = 100
    text = '{"type": "ping", "pad": "' + "é" * 40 + '"}'  # 70 characters, 110 bytes

    error = await answer(open_socket, text)

    assert error["error_code"] == "message_too_large"
    assert "100 bytes" in error["detail"]
    assert await answer(open_socket, '{"type": "ping"}') == {"type": "pong"}


async def test_a_flood_is_answered_with_rate_limited_until_the_minute_has_passed(
    settings, monkeypatch, token
):
    settings.REALTIME_MESSAGES_PER_MINUTE = 3
    now = [1000.0]
    monkeypatch.setattr("core.realtime.limits.monotonic", lambda: now[0])
    socket = socket_to(f"{NOTIFICATIONS}?token={token}")
    await signed_in(socket)

    answers = [await answer(socket, '{"type": "ping"}') for _ in range(4)]

    assert answers[:3] == [{"type": "pong"}] * 3
    assert answers[3]["error_code"] == "rate_limited"
    assert "3 a minute" in answers[3]["detail"]
    now[0] += 60
    assert await answer(socket, '{"type": "ping"}') == {"type": "pong"}
    await socket.disconnect()


@pytest.mark.parametrize(
    ("text", "error_code"),
    [
        ("{not json", "invalid_json"),
        ('["ping"]', "invalid_message"),
        ('{"kind": "ping"}', "invalid_message"),
        ('{"type": "dance"}', "unknown_type"),
    ],
)
async def test_bad_messages_get_an_error_and_the_socket_stays_open(open_socket, text, error_code):
    error = await answer(open_socket, text)

    assert (error["type"], error["error_code"]) == ("error", error_code)
    assert error["detail"]
    assert await answer(open_socket, '{"type": "ping"}') == {"type": "pong"}


async def test_a_binary_frame_gets_an_error(open_socket):
    await open_socket.send_to(bytes_data=b"\x00\x01")

    assert (await open_socket.receive_json_from(timeout=WAIT))["error_code"] == "invalid_message"


# --- Subclasses: handlers per type and refusals -----------------------------------------------


class EchoConsumer(RealtimeConsumer):
    handlers = {"echo": "echo", "fail": "fail", "decline": "decline"}

    async def on_authenticated(self):
        if self.scope["url_route"]["kwargs"]["room"] == "closed":
            raise PermissionDenied

    async def echo(self, message):
        await self.send_json({"type": "echo", "text": message.get("text", "")})

    async def fail(self, message):
        raise RuntimeError("a bug in a handler")

    async def decline(self, message):
        raise ConflictError("The interview has ended.")


echo_application = AuthMiddlewareStack(
    URLRouter([path("ws/echo/<str:room>/", EchoConsumer.as_asgi())])
)


def echo_socket(room: str, token: str) -> WebsocketCommunicator:
    return WebsocketCommunicator(
        echo_application, f"/ws/echo/{room}/?token={token}", headers=[ORIGIN]
    )


async def test_a_subclass_handles_its_own_message_types(token):
    socket = echo_socket("open", token)
    await socket.connect(timeout=WAIT)

    assert await answer(socket, '{"type": "echo", "text": "hi"}') == {"type": "echo", "text": "hi"}
    unknown = await answer(socket, '{"type": "dance"}')
    assert "echo" in unknown["detail"] and "ping" in unknown["detail"]
    await socket.disconnect()


async def test_a_failing_handler_answers_an_error_instead_of_dropping_the_socket(token):
    socket = echo_socket("open", token)
    await socket.connect(timeout=WAIT)

    assert (await answer(socket, '{"type": "fail"}'))["error_code"] == "server_error"
    assert await answer(socket, '{"type": "ping"}') == {"type": "pong"}
    await socket.disconnect()


async def test_a_domain_error_from_a_handler_is_reported_like_the_api_reports_it(token):
    socket = echo_socket("open", token)
    await socket.connect(timeout=WAIT)

    error = await answer(socket, '{"type": "decline"}')

    assert (error["type"], error["error_code"]) == ("error", "conflict")
    assert error["detail"] == "The interview has ended."
    assert await answer(socket, '{"type": "ping"}') == {"type": "pong"}
    await socket.disconnect()


async def test_permission_denied_while_connecting_closes_with_4403(token):
    socket = echo_socket("closed", token)
    await socket.connect(timeout=WAIT)

    error, code = await refused(socket)

    assert (error["error_code"], code) == ("forbidden", 4403)
    await socket.disconnect()
