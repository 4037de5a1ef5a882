from django.conf import settings


def client_ip(request) -> str:
    """The caller's IP: REMOTE_ADDR, or the X-Forwarded-For entry added by our own proxies.

    Only the last `TRUSTED_PROXY_COUNT` hops are ours; anything further left was written by
    the client and cannot be trusted.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 - a value, not a bind
