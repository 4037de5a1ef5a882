from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from django.core import signing
from django.utils import timezone


class Clock:
    """A clock that stands still until a test moves it."""

    def __init__(self, now: datetime):
        self.now = now

    def set(self, now: datetime) -> None:
        self.now = now


@pytest.fixture
def clock(monkeypatch):
    frozen = Clock(datetime(2026, 3, 2, 9, 30, tzinfo=UTC))
    monkeypatch.setattr(timezone, "now", lambda: frozen.now)
    # Signed links read the wall clock through their own module.
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: frozen.now.timestamp()))
    return frozen
