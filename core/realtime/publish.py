"""Best-effort fan-out: services record the truth in the database, then publish it here.

A failed publish (Redis down, a full channel) is logged and reported as False, never
raised: the caller's write has happened, and a socket that reconnects reads the current
state from the database first.
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

# The group-message type every `RealtimeConsumer` relays (its `realtime_relay` handler).
RELAY_EVENT = "realtime.relay"


async def apublish(group: str, payload: dict) -> bool:
    """Send `payload` to every socket in `group`; False (logged) when it could not be sent."""
    try:
        layer = get_channel_layer()
        if layer is None:
            logger.warning("No channel layer configured; %s not notified", group)
            return False
        await layer.group_send(group, {"type": RELAY_EVENT, "payload": payload})
    except Exception:  # best effort: the database already holds what happened
        logger.exception("Realtime message to %s not sent", group)
        return False
    return True


def publish(group: str, payload: dict) -> bool:
    """`apublish` for synchronous callers (services, tasks)."""
    return async_to_sync(apublish)(group, payload)
