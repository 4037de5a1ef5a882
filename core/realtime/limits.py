"""How many messages one connection may send: a fixed window per connection."""

from time import monotonic

WINDOW_SECONDS = 60.0


class MessageRate:
    """At most `limit` messages per minute; `limit` 0 means no limit."""

    def __init__(self, limit: int):
        self.limit = limit
        self.window_started = monotonic()
        self.count = 0

    def allow(self) -> bool:
        """Count one message; False when it is over the limit."""
        if not self.limit:
            return True
        now = monotonic()
        if now - self.window_started >= WINDOW_SECONDS:
            self.window_started, self.count = now, 0
        self.count += 1
        return self.count <= self.limit
