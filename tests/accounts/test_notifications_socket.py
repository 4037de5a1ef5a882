import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator

from accounts.notifications import notify_user
from accounts.tokens import token_pair
from config.asgi import application
from tests.accounts.factories import CandidateFactory

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = [(b"origin", b"http://localhost")]


def communicator(query: str = "", headers=()) -> WebsocketCommunicator:
    return WebsocketCommunicator(
        application, f"/ws/notifications/{query}", headers=[*ORIGIN, *headers]
    )


@pytest.fixture
def user_and_token():
    user = CandidateFactory()
    return user, token_pair(user)["access_token"]


async def test_a_signed_in_socket_receives_its_users_notifications(user_and_token):
    user, token = user_and_token
    socket = communicator(f"?token={token}")
    connected, _ = await socket.connect()
    assert connected
    assert await socket.receive_json_from() == {"type": "connection_success", "user_id": user.pk}

    await sync_to_async(notify_user)(
        user_id=user.pk, payload={"type": "stage_changed", "to": "offer"}
    )
    assert await socket.receive_json_from(timeout=3) == {"type": "stage_changed", "to": "offer"}

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


@pytest.mark.parametrize("query", ["", "?token=not-a-jwt"])
async def test_sockets_without_a_valid_token_are_closed(query):
    socket = communicator(query)
    connected, code = await socket.connect()
    assert not connected
    assert code == 4401


async def test_a_foreign_origin_is_refused(user_and_token):
    _, token = user_and_token
    socket = WebsocketCommunicator(
        application,
        f"/ws/notifications/?token={token}",
        headers=[(b"origin", b"https://evil.example")],
    )
    connected, _ = await socket.connect()
    assert not connected
