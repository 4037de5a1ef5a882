"""Zoom meetings over server-to-server OAuth, on the shared HTTP client.

The access token (an hour long) comes from the account-credentials grant and is kept in the
cache until a minute before it expires, so a busy day costs one token request an hour, shared
by every process. A 401 from the API means the token was revoked early: it is dropped, and
the call is made once more with a fresh one.
"""

from __future__ import annotations

import base64
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
from django.conf import settings
from django.core.cache import cache

from core.integrations.errors import ServiceNotFound, ServiceUnauthorized
from core.integrations.http import ServiceClient

TOKEN_MARGIN_SECONDS = 60
MEETING_TYPE_SCHEDULED = 2


def zoom_configured() -> bool:
    return bool(
        settings.ZOOM_ACCOUNT_ID and settings.ZOOM_CLIENT_ID and settings.ZOOM_CLIENT_SECRET
    )


@dataclass(frozen=True)
class ZoomMeeting:
    id: str
    join_url: str
    start_url: str


def zoom_time(value: datetime) -> str:
    """Zoom's start_time in UTC: `2026-12-07T09:30:00Z`."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ZoomClient:
    """Create, move and delete scheduled meetings of the account's own user (`me`)."""

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.transport, self.sleep = transport, sleep

    def _client(self, **kwargs) -> ServiceClient:
        return ServiceClient(service="zoom", transport=self.transport, sleep=self.sleep, **kwargs)

    # --- the token -------------------------------------------------------------------------

    @staticmethod
    def _token_key() -> str:
        account = f"{settings.ZOOM_ACCOUNT_ID}:{settings.ZOOM_CLIENT_ID}".encode()
        return "zoom:token:" + hashlib.sha256(account).hexdigest()[:16]

    def access_token(self) -> str:
        token = cache.get(self._token_key())
        return token or self._fetch_token()

    def _fetch_token(self) -> str:
        pair = f"{settings.ZOOM_CLIENT_ID}:{settings.ZOOM_CLIENT_SECRET}".encode()
        headers = {"Authorization": "Basic " + base64.b64encode(pair).decode()}
        params = {"grant_type": "account_credentials", "account_id": settings.ZOOM_ACCOUNT_ID}
        with self._client(base_url=settings.ZOOM_OAUTH_URL, headers=headers) as client:
            data = client.request_json("POST", params=params).data or {}
        token = str(data.get("access_token") or "")
        if not token:
            raise ServiceUnauthorized(
                "Zoom's token endpoint answered without an access token.",
                service="zoom",
                label="Zoom",
            )
        lifetime = int(data.get("expires_in") or 3600) - TOKEN_MARGIN_SECONDS
        if lifetime > 0:
            cache.set(self._token_key(), token, timeout=lifetime)
        return token

    def _call(self, method: str, path: str, *, json: dict | None = None):
        """One API call with the cached token; once more with a fresh token after a 401."""
        for fresh in (False, True):
            token = self._fetch_token() if fresh else self.access_token()
            with self._client(headers={"Authorization": f"Bearer {token}"}) as client:
                try:
                    return client.request_json(method, path, json=json)
                except ServiceUnauthorized:
                    cache.delete(self._token_key())
                    if fresh:
                        raise
        raise AssertionError("unreachable")

    # --- meetings --------------------------------------------------------------------------

    @staticmethod
    def _body(
        *, topic: str, starts_at: datetime, duration_minutes: int, timezone: str, agenda: str
    ) -> dict:
        return {
            "topic": topic[:200],
            "type": MEETING_TYPE_SCHEDULED,
            "start_time": zoom_time(starts_at),
            "duration": duration_minutes,
            "timezone": timezone,
            "agenda": agenda[:2000],
            "settings": {"join_before_host": False, "waiting_room": True},
        }

    def create_meeting(self, **details) -> ZoomMeeting:
        data = self._call("POST", "users/me/meetings", json=self._body(**details)).data or {}
        return ZoomMeeting(
            id=str(data.get("id", "")),
            join_url=str(data.get("join_url", "")),
            start_url=str(data.get("start_url", "")),
        )

    def update_meeting(self, meeting_id: str, **details) -> None:
        self._call("PATCH", f"meetings/{meeting_id}", json=self._body(**details))

    def delete_meeting(self, meeting_id: str) -> None:
        """Delete it at Zoom; one that Zoom no longer has is gone already."""
        try:
            self._call("DELETE", f"meetings/{meeting_id}")
        except ServiceNotFound:
            return
