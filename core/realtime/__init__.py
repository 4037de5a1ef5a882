"""The one realtime layer every socket is built on.

- `groups`: group names (`user.<id>`, `analysis.<id>`);
- `publish`: best-effort fan-out from services and tasks (the database is the truth);
- `codes`: close codes and the `error_code`s of `{"type": "error"}` messages;
- `auth`: JWT access tokens from the handshake or an in-band `auth` message;
- `consumers.RealtimeConsumer`: the base consumer (auth, ping/pong, size and rate limits,
  per-type handlers, relaying group messages, no send after close).
"""
