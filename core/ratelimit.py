"""Rate limits on top of django-ratelimit, with the headers clients need to back off.

A limited action names one or more buckets (`login_ip`, `login_email`, ...) whose rates come
from `settings.RATE_LIMITS`. Every bucket is counted; the tightest decides the headers, and
any exhausted bucket refuses the request with 429 and `Retry-After`.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django_ratelimit.core import get_usage
from rest_framework import exceptions


@dataclass(frozen=True)
class RateLimitState:
    limit: int
    remaining: int
    reset_in: int

    def headers(self) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(int(time.time()) + self.reset_in),
        }


class RateLimited(exceptions.Throttled):
    """A 429 with `Retry-After` (DRF's throttling answer) that also carries the limit state."""

    default_code = "rate_limited"
    default_detail = "Too many requests."
    extra_detail_singular = "Try again in {wait} second."
    extra_detail_plural = "Try again in {wait} seconds."

    def __init__(self, state: RateLimitState):
        super().__init__(wait=state.reset_in)
        self.state = state


def enforce_rate_limits(request, *, group: str, keys: dict[str, str]) -> RateLimitState | None:
    """Count this request in each bucket `{bucket: key value}`; raise RateLimited when over.

    Buckets whose key value is empty (say, no email was sent) are not counted.
    """
    tightest: RateLimitState | None = None
    exhausted = False
    for bucket, value in keys.items():
        if not value:
            continue
        usage = get_usage(
            request,
            group=f"{group}:{bucket}",
            key=lambda _group, _request, value=value: value,
            rate=settings.RATE_LIMITS[bucket],
            increment=True,
        )
        if usage is None:  # rate limiting switched off
            return None
        state = RateLimitState(
            limit=usage["limit"],
            remaining=max(usage["limit"] - usage["count"], 0),
            reset_in=max(usage["time_left"], 1),
        )
        exhausted = exhausted or usage["should_limit"]
        if tightest is None or state.remaining < tightest.remaining:
            tightest = state
    if exhausted:
        raise RateLimited(tightest)
    return tightest
