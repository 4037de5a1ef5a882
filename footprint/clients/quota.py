"""What the outside services said about their limits, kept in the cache for every scan and
for /api/v1/health: the quota left and "do not call before" times.

Reads never call a service, so the health check spends no quota.
"""

from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.utils import timezone

QUOTA_TTL_SECONDS = 86_400


def _quota_key(service: str, resource: str) -> str:
    return f"footprint:quota:{service}:{resource}"


def _block_key(service: str, resource: str) -> str:
    return f"footprint:blocked:{service}:{resource}"


def quota_record(
    service: str, resource: str, *, remaining: int, limit: int | None, reset_at: datetime | None
) -> None:
    quota = {
        "remaining": remaining,
        "limit": limit,
        "reset_at": reset_at.isoformat() if reset_at else None,
    }
    cache.set(_quota_key(service, resource), quota, timeout=QUOTA_TTL_SECONDS)


def quota_get(service: str, resource: str) -> dict | None:
    return cache.get(_quota_key(service, resource))


def block_until(service: str, resource: str, until: datetime) -> None:
    """Remember that `service` asked not to be called before `until`."""
    seconds = (until - timezone.now()).total_seconds()
    if seconds > 0:
        cache.set(_block_key(service, resource), until.isoformat(), timeout=int(seconds) + 1)


def blocked_until(service: str, resource: str) -> datetime | None:
    """When `service` may be called again, or None when it may be called now."""
    stored = cache.get(_block_key(service, resource))
    if stored is None:
        return None
    until = datetime.fromisoformat(stored)
    return until if until > timezone.now() else None


def next_utc_midnight() -> datetime:
    """When Stack Exchange's daily quota starts again."""
    today = timezone.now().astimezone(UTC).date()
    return datetime.combine(today + timedelta(days=1), datetime.min.time(), tzinfo=UTC)


def _health(service: str, resources: tuple[str, ...]) -> dict:
    details: dict = {}
    limited = False
    for resource in resources:
        quota = quota_get(service, resource)
        blocked = blocked_until(service, resource)
        prefix = "" if resource == resources[0] else f"{resource}_"
        if quota is not None:
            details[f"{prefix}rate_limit_remaining"] = quota["remaining"]
            details[f"{prefix}rate_limit_reset"] = quota["reset_at"]
        if blocked is not None:
            details[f"{prefix}retry_after"] = blocked.isoformat()
            limited = True
    if limited:
        details["limited"] = True
    return details


def github_health() -> dict:
    """The quota GitHub reported on its last answer (core API and search)."""
    return _health("github", ("core", "search"))


def stackexchange_health() -> dict:
    """The daily quota Stack Exchange reported on its last answer."""
    return _health("stackexchange", ("api",))
