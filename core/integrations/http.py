"""One HTTP client for every outside service: timeouts, retries with backoff, typed errors.

Each service (GitHub, Stack Exchange, Zoom, JSearch) gets one small client class on top of
`ServiceClient`, which knows its base URL from the environment, so GitHub Enterprise or a
local fake only needs a different `*_API_URL`. 429, 5xx, timeouts and dropped connections are
retried with exponential backoff, honouring Retry-After (seconds or an HTTP date), within a
cap on the total wait; a Retry-After beyond that cap is reported at once rather than slept
through. Requests that are not idempotent (POST, PATCH) are retried only when the service
cannot have acted on them: 429, or a connection that never opened. Tests inject an httpx
transport (or use respx) and a `sleep` that only records.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from django.conf import settings

from core.integrations.errors import (
    ServiceError,
    ServiceNotFound,
    ServiceRateLimited,
    ServiceRejected,
    ServiceUnauthorized,
    ServiceUnavailable,
)

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 10.0
DEFAULT_MAX_RETRIES = 3
DEFAULT_MAX_TOTAL_WAIT_SECONDS = 60.0
BACKOFF_BASE_SECONDS = 1.0
BACKOFF_MAX_SECONDS = 30.0
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@dataclass(frozen=True)
class Service:
    label: str
    url_setting: str


SERVICES = {
    "github": Service("GitHub", "GITHUB_API_URL"),
    "stackexchange": Service("Stack Exchange", "STACKEXCHANGE_API_URL"),
    "zoom": Service("Zoom", "ZOOM_API_URL"),
    "jsearch": Service("JSearch", "JSEARCH_API_URL"),
}


@dataclass(frozen=True)
class ServiceResponse:
    """A successful answer: its JSON (None when empty) and headers (rate limits, links)."""

    status: int
    headers: httpx.Headers
    data: Any


@dataclass(frozen=True)
class _Retry:
    """A failed attempt that may be tried again after `delay` seconds."""

    error: ServiceError
    delay: float


class ServiceClient:
    """JSON over HTTP to one outside service; `with ServiceClient(service="github") as c:`."""

    def __init__(
        self,
        *,
        service: str,
        base_url: str | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_total_wait: float = DEFAULT_MAX_TOTAL_WAIT_SECONDS,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        if service not in SERVICES:
            raise ValueError(f"Unknown service {service!r}; add it to SERVICES.")
        spec = SERVICES[service]
        self.service, self.label = service, spec.label
        self.base_url = (base_url or getattr(settings, spec.url_setting)).rstrip("/")
        self.max_retries = max(0, max_retries)
        self.max_total_wait = max_total_wait
        self.sleep = sleep
        self.http = httpx.Client(headers=headers, timeout=timeout, transport=transport)

    def __enter__(self) -> ServiceClient:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    def url(self, path: str = "") -> str:
        """`path` under the base URL; an empty path is the base URL itself."""
        return f"{self.base_url}/{path.lstrip('/')}" if path else self.base_url

    def get_json(
        self, path: str = "", *, params: dict | None = None, headers: dict | None = None
    ) -> ServiceResponse:
        return self.request_json("GET", path, params=params, headers=headers)

    def request_json(
        self,
        method: str,
        path: str = "",
        *,
        params: dict | None = None,
        json: Any = None,
        data: dict | None = None,
        headers: dict | None = None,
    ) -> ServiceResponse:
        """Send, retrying what may be retried; a typed `ServiceError` for every failure."""
        request = {"params": params, "json": json, "data": data, "headers": headers}
        response = self._send(method.upper(), self.url(path), request)
        self._raise_for_status(response)
        return ServiceResponse(response.status_code, response.headers, self._json(response))

    def _send(self, method: str, url: str, request: dict) -> httpx.Response:
        waited = 0.0
        for attempt in itertools.count(1):
            outcome = self._attempt(method, url, request, attempt)
            if isinstance(outcome, httpx.Response):
                return outcome
            if attempt > self.max_retries or waited + outcome.delay > self.max_total_wait:
                raise outcome.error
            logger.info("%s; retrying in %.1f s", outcome.error, outcome.delay)
            self.sleep(outcome.delay)
            waited += outcome.delay

    def _attempt(
        self, method: str, url: str, request: dict, attempt: int
    ) -> httpx.Response | _Retry:
        """The response to keep, or why to try again and after how long."""
        try:
            response = self.http.request(method, url, **request)
        except httpx.TransportError as error:
            never_sent = isinstance(error, httpx.ConnectError | httpx.ConnectTimeout)
            if method not in IDEMPOTENT_METHODS and not never_sent:
                raise self._transport_failure(error, attempt) from error
            return _Retry(self._transport_failure(error, attempt), backoff(attempt))
        status = response.status_code
        if status == 429 or (status >= 500 and method in IDEMPOTENT_METHODS):
            return self._status_retry(response, attempt)
        return response

    def _status_retry(self, response: httpx.Response, attempt: int) -> _Retry:
        """429 or 5xx: wait what Retry-After says, else the backoff."""
        status = response.status_code
        asked = retry_after_seconds(response.headers.get("Retry-After", ""), now=datetime.now(UTC))
        reason = "too many requests" if status == 429 else "server error"
        message = f"{self.label} answered HTTP {status} ({reason}) {_times(attempt)}."
        if asked is not None:
            message += f" It asks to wait {asked:.0f} s."
        error_class = ServiceRateLimited if status == 429 else ServiceUnavailable
        error = error_class(
            message,
            retry_after=asked,
            service=self.service,
            label=self.label,
            status=status,
            attempts=attempt,
        )
        return _Retry(error, backoff(attempt) if asked is None else asked)

    def _transport_failure(self, error: httpx.TransportError, attempt: int) -> ServiceUnavailable:
        timed_out = isinstance(error, httpx.TimeoutException)
        problem = "timed out" if timed_out else "connection failed"
        unit = "attempt" if attempt == 1 else "attempts"
        return ServiceUnavailable(
            f"{self.label} did not answer after {attempt} {unit} ({problem}).",
            timed_out=timed_out,
            service=self.service,
            label=self.label,
            attempts=attempt,
        )

    def _raise_for_status(self, response: httpx.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        fields = {"service": self.service, "label": self.label, "status": status}
        detail = service_detail(response)
        if status in (401, 403):
            message = f"{self.label} refused the credentials (HTTP {status})."
            raise ServiceUnauthorized(message, detail=detail, **fields)
        if status == 404:
            message = f"{self.label} has no such resource (HTTP 404): {detail}"
            raise ServiceNotFound(message, detail=detail, **fields)
        if status >= 500:  # a non-idempotent request is not retried, so it ends here
            message = f"{self.label} answered HTTP {status} (server error)."
            raise ServiceUnavailable(message, **fields)
        message = f"{self.label} refused the request (HTTP {status}): {detail}"
        raise ServiceRejected(message, detail=detail, **fields)

    def _json(self, response: httpx.Response) -> Any:
        if not response.content:
            return None
        try:
            return response.json()
        except ValueError as error:
            raise ServiceUnavailable(
                f"{self.label} answered with something other than JSON.",
                service=self.service,
                label=self.label,
                status=response.status_code,
            ) from error


def backoff(attempt: int) -> float:
    """1, 2, 4, 8 … seconds after the first, second, third … failed attempt, capped."""
    return min(BACKOFF_BASE_SECONDS * 2 ** (attempt - 1), BACKOFF_MAX_SECONDS)


def retry_after_seconds(value: str, *, now: datetime) -> float | None:
    """A Retry-After header (delta-seconds or an HTTP date) as seconds from `now`; None when
    absent or unreadable. A date in the past means: now."""
    value = value.strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - now).total_seconds(), 0.0)


def service_detail(response: httpx.Response) -> str:
    """The service's own words about an error: its `message`/`error` field, or the body."""
    try:
        body = response.json()
    except ValueError:
        return response.text[:200] or response.reason_phrase
    if isinstance(body, dict):
        return str(body.get("message") or body.get("error") or body)[:200]
    return str(body)[:200]


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"
