import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator

from accounts.notifications import notification_send, notifications_mark_read, notify_user
from accounts.tokens import token_pair
from config.asgi import application
from tests.accounts.factories import CandidateFactory
from tests.sockets import WAIT, refused, socket_to

pytestmark = pytest.mark.django_db(transaction=True)


def communicator(query: str = "", headers=()) -> WebsocketCommunicator:
    return socket_to(f"/ws/notifications/{query}", headers=headers)


@pytest.fixture
def user_and_token():
    user = CandidateFactory()
    return user, token_pair(user)["access_token"]


async def test_a_signed_in_socket_receives_its_users_notifications(user_and_token):
    user, token = user_and_token
    socket = communicator(f"?token={token}")
    connected, _ = await socket.connect()
    assert connected
    assert await socket.receive_json_from() == {
        "type": "connection_success",
        "user_id": user.pk,
        "unread": 0,
    }

    await sync_to_async(notify_user)(
        user_id=user.pk, payload={"type": "stage_changed", "to": "offer"}
    )
    assert await socket.receive_json_from(timeout=WAIT) == {"type": "stage_changed", "to": "offer"}

    await socket.send_json_to({"type": "ping"})
    assert await socket.receive_json_from() == {"type": "pong"}
    await socket.disconnect()


async def test_the_token_may_come_in_the_authorization_header(user_and_token):
    user, token = user_and_token
    socket = communicator(headers=[(b"authorization", f"Bearer {token}".encode())])
    connected, _ = await socket.connect()
    assert connected
    assert (await socket.receive_json_from())["user_id"] == user.pk
    await socket.disconnect()


async def test_another_users_notifications_do_not_arrive(user_and_token):
    _, token = user_and_token
    other = await sync_to_async(CandidateFactory)()
    socket = communicator(f"?token={token}")
    await socket.connect()
    await socket.receive_json_from()
    await sync_to_async(notify_user)(user_id=other.pk, payload={"secret": True})
    assert await socket.receive_nothing(timeout=0.3)
    await socket.disconnect()


async def test_a_socket_with_an_invalid_token_is_closed_with_4401():
    socket = communicator("?token=not-a-jwt")
    await socket.connect()

    error, code = await refused(socket)

    assert (error["error_code"], code) == ("unauthenticated", 4401)
    await socket.disconnect()


async def test_a_socket_without_credentials_waits_for_an_auth_message(user_and_token):
    user, token = user_and_token
    socket = communicator()
    connected, _ = await socket.connect()
    assert connected
    assert await socket.receive_nothing(timeout=0.1)

    await socket.send_json_to({"type": "auth", "token": token})

    assert (await socket.receive_json_from(timeout=WAIT))["user_id"] == user.pk
    await socket.disconnect()


async def test_a_foreign_origin_is_refused(user_and_token):
    _, token = user_and_token
    socket = WebsocketCommunicator(
        application,
        f"/ws/notifications/?token={token}",
        headers=[(b"origin", b"https://evil.example")],
    )
    connected, _ = await socket.connect()
    assert not connected


async def test_the_greeting_carries_the_unread_count_for_the_header_bell(user_and_token):
    user, token = user_and_token
    other = await sync_to_async(CandidateFactory)()
    for text in ("Moved to interview", "Offer made"):
        await sync_to_async(notification_send)(user_id=user.pk, kind="stage_changed", text=text)
    await sync_to_async(notification_send)(user_id=other.pk, kind="stage_changed", text="Not yours")
    await sync_to_async(notifications_mark_read)(other)

    socket = communicator(f"?token={token}")
    await socket.connect()

    assert (await socket.receive_json_from(timeout=WAIT))["unread"] == 2
    await socket.disconnect()
