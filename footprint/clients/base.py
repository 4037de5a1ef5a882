"""What the GitHub and Stack Exchange clients share: the call budget, the cache of profiles
and the error a person reads when a source cannot be read."""

import time
from datetime import datetime

import httpx
from django.conf import settings
from django.core.cache import cache


class SourceError(Exception):
    """A source could not be read. The message names the source and, when asking again can
    help, when to retry (`retry_at`, UTC); `retryable` is False for an unknown user."""

    def __init__(
        self, message: str, *, source: str, retry_at: datetime | None = None, retryable: bool = True
    ):
        super().__init__(message)
        self.source = source
        self.retry_at = retry_at
        self.retryable = retryable


class BudgetSpent(Exception):
    """The scan has made every call its budget allows for this source."""


def pause(seconds: float) -> None:
    """Sleep while a service asks to wait; tests replace it with a recorder."""
    time.sleep(seconds)


def make_transport() -> httpx.BaseTransport:
    """The real network; tests replace this with a fake transport."""
    return httpx.HTTPTransport()


class CountingTransport(httpx.BaseTransport):
    """Counts every request that reaches the network (retries included) and refuses the one
    past `limit`, so no scan can spend more than its budget whatever the code above does."""

    def __init__(self, inner: httpx.BaseTransport, *, limit: int, on_response=None):
        self.inner = inner
        self.limit = limit
        self.calls = 0
        self.on_response = on_response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.calls >= self.limit:
            raise BudgetSpent(f"{self.calls} calls made, the budget of a scan")
        self.calls += 1
        response = self.inner.handle_request(request)
        if self.on_response is not None:
            self.on_response(response)
        return response

    @property
    def spent(self) -> bool:
        return self.calls >= self.limit

    def close(self) -> None:
        self.inner.close()


def when(moment: datetime) -> str:
    """A retry time as people read it: "14:05 UTC"."""
    return moment.strftime("%H:%M UTC")


def cached_profile(key: str) -> dict | None:
    return cache.get(f"footprint:profile:{key}")


def cache_profile(key: str, data: dict) -> None:
    cache.set(f"footprint:profile:{key}", data, timeout=settings.FOOTPRINT_CACHE_SECONDS)
