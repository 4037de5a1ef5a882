"""Helpers for socket tests: open a socket on the real ASGI stack, read how it ended."""

from channels.testing import WebsocketCommunicator

from config.asgi import application

ORIGIN = (b"origin", b"http://localhost")
# Generous: a busy machine may be slow, and a timeout here only ever fails a test.
WAIT = 5


def socket_to(path: str, *, headers=()) -> WebsocketCommunicator:
    """A socket to `path` (with its query string) from the site's own origin."""
    return WebsocketCommunicator(application, path, headers=[ORIGIN, *headers])


async def refused(socket: WebsocketCommunicator) -> tuple[dict, int]:
    """The error message a refusing socket sends, and the close code that follows it."""
    error = await socket.receive_json_from(timeout=WAIT)
    closing = await socket.receive_output(timeout=WAIT)
    assert closing["type"] == "websocket.close", closing
    return error, closing["code"]
