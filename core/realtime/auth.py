"""Who is on a socket: a JWT access token from the handshake (`?token=` or an
`Authorization: Bearer` header) or from an in-band `{"type": "auth"}` message.

The session cookie is read by Channels' `AuthMiddlewareStack` (config/asgi.py) into
`scope["user"]`. A token is checked like the API checks it, revocation by a password
change included.
"""

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError


def handshake_token(scope) -> str:
    """The token offered when the socket opened: `?token=`, else a Bearer header, else ""."""
    query = parse_qs(scope.get("query_string", b"").decode())
    if query.get("token"):
        return query["token"][0]
    headers = dict(scope.get("headers", []))
    scheme, _, token = headers.get(b"authorization", b"").decode().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


@database_sync_to_async
def user_for_token(raw_token: str):
    """The active user an access token belongs to; None when it is invalid or expired."""
    authentication = JWTAuthentication()
    try:
        return authentication.get_user(authentication.get_validated_token(raw_token))
    except (InvalidToken, TokenError, AuthenticationFailed):
        return None
