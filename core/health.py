"""Health probes: a real round trip to each dependency, timed.

The database is required (its failure makes the whole service `unhealthy`); cache, channel
layer and task broker are needed for full service (`degraded` when one fails). External APIs
are only reported as configured or not: probing them would spend their quota.
"""

import asyncio
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import psutil
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection

HEALTHY, DEGRADED, UNHEALTHY, DISABLED = "healthy", "degraded", "unhealthy", "disabled"
OFFLINE_FALLBACKS = {
    "ai": "offline local engine",
    "github": "public API without a token (60 calls an hour)",
    "stackoverflow": "public API without a key (300 calls a day)",
    "jsearch": "import from JSON/CSV feeds",
    "zoom": "Jitsi meeting links",
}
_process = psutil.Process()
# Live details an app adds to an outside service's entry (footprint: the quota left), so
# core reports them without importing the app. A provider answers from memory or the cache,
# never by calling the service.
_service_details: dict[str, Callable[[], dict]] = {}


def register_service_details(name: str, provider: Callable[[], dict]) -> None:
    """`provider()` → fields merged into `services[name]`; `"limited": True` degrades it."""
    _service_details[name] = provider


def _elapsed_ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 2)


def _failure(exc: Exception) -> dict:
    return {"status": UNHEALTHY, "error": f"{type(exc).__name__}: {exc}"[:200]}


def check_database() -> dict:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return {**_failure(exc), "connected": False}
    return {
        "status": HEALTHY,
        "connected": True,
        "engine": connection.vendor,
        "response_time_ms": _elapsed_ms(started),
    }


def check_cache() -> dict:
    started = time.perf_counter()
    key = f"health:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        if cache.get(key) != "ok":
            return {"status": UNHEALTHY, "error": "value written was not read back"}
        cache.delete(key)
    except Exception as exc:
        return _failure(exc)
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return {"status": HEALTHY, "backend": backend, "response_time_ms": _elapsed_ms(started)}


async def _channel_round_trip(layer) -> None:
    channel = await layer.new_channel("health.")
    await layer.send(channel, {"type": "health.ping"})
    message = await asyncio.wait_for(layer.receive(channel), timeout=2)
    if message.get("type") != "health.ping":
        raise RuntimeError("unexpected message on the health channel")


def check_channel_layer() -> dict:
    started = time.perf_counter()
    layer = get_channel_layer()
    try:
        async_to_sync(_channel_round_trip)(layer)
    except Exception as exc:
        return _failure(exc)
    return {
        "status": HEALTHY,
        "backend": type(layer).__name__,
        "response_time_ms": _elapsed_ms(started),
    }


def check_task_queue() -> dict:
    if settings.BACKGROUND_TASK_MODE != "celery":
        return {"status": HEALTHY, "configured": False, "mode": "in-process"}
    from config.celery import app

    started = time.perf_counter()
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        return {**_failure(exc), "configured": True, "mode": "celery"}
    return {
        "status": HEALTHY,
        "configured": True,
        "mode": "celery",
        "response_time_ms": _elapsed_ms(started),
    }


def external_service_status(name: str) -> dict:
    if settings.EXTERNAL_SERVICES[name]:
        status = {"status": HEALTHY, "configured": True}
    else:
        status = {"status": DISABLED, "configured": False, "fallback": OFFLINE_FALLBACKS[name]}
    provider = _service_details.get(name)
    if provider is not None:
        details = provider()
        if details.pop("limited", False):
            status["status"] = DEGRADED
        status.update(details)
    return status


def system_metrics() -> dict:
    with _process.oneshot():
        return {
            "uptime_seconds": round(time.time() - _process.create_time(), 1),
            "memory_usage_mb": round(_process.memory_info().rss / 1_048_576, 1),
            "cpu_usage_percent": _process.cpu_percent(interval=None),
        }


def overall_status(services: dict) -> str:
    if services["database"]["status"] != HEALTHY:
        return UNHEALTHY
    required = ("cache", "channel_layer", "task_queue")
    if any(services[name]["status"] != HEALTHY for name in required):
        return DEGRADED
    return HEALTHY


def health_report() -> dict:
    services = {
        "database": check_database(),
        "cache": check_cache(),
        "channel_layer": check_channel_layer(),
        "task_queue": check_task_queue(),
        **{name: external_service_status(name) for name in OFFLINE_FALLBACKS},
    }
    return {
        "status": overall_status(services),
        "timestamp": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        "version": settings.HIREWISE_VERSION,
        "services": services,
        "system": system_metrics(),
    }
