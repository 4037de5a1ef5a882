"""One counter that changes whenever any job changes, shared by every process via the cache.

The match index and the insights cache compare it with the value they were built at; a write
bumps it after commit, so readers rebuild only when something changed.
"""

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "jobs:version"


def jobs_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # evicted or never set: any new value differs from what readers hold
        cache.add(VERSION_KEY, 2, timeout=None)


def jobs_changed() -> None:
    """Call from any service that writes jobs; takes effect when the transaction commits."""
    transaction.on_commit(_bump)
