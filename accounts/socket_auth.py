"""WebSocket authentication: a JWT access token (`?token=` or an Authorization header),
falling back to the Django session cookie for pages."""

from urllib.parse import parse_qs

from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from django.contrib.auth.models import AnonymousUser
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError


def _raw_token(scope) -> str:
    query = parse_qs(scope.get("query_string", b"").decode())
    if query.get("token"):
        return query["token"][0]
    headers = dict(scope.get("headers", []))
    scheme, _, token = headers.get(b"authorization", b"").decode().partition(" ")
    return token if scheme.lower() == "bearer" else ""


@database_sync_to_async
def _user_for_token(raw_token: str):
    authentication = JWTAuthentication()
    try:
        return authentication.get_user(authentication.get_validated_token(raw_token))
    except (InvalidToken, TokenError, AuthenticationFailed):
        return AnonymousUser()


class JWTAuthMiddleware(BaseMiddleware):
    async def __call__(self, scope, receive, send):
        raw_token = _raw_token(scope)
        if raw_token:
            scope = {**scope, "user": await _user_for_token(raw_token)}
        return await super().__call__(scope, receive, send)


def JWTAuthMiddlewareStack(inner):
    return AuthMiddlewareStack(JWTAuthMiddleware(inner))
