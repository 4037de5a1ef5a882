from datetime import UTC, datetime

import pytest
from django.utils import timezone

from footprint.clients import base
from tests.footprint.fakes import FakeGitHub, FakeStackExchange, repo, routing_transport


def own_repos(count: int, **kwargs) -> list[dict]:
    return [repo(f"project-{n}", **kwargs) for n in range(count)]


@pytest.fixture
def github():
    return FakeGitHub(
        repos=[
            repo("engine", stars=30, forks=4, topics=("django", "postgresql")),
            repo("notes", stars=2, language="JavaScript", topics=("react",)),
            repo("ada", stars=0, language="", description=False),
            repo("cpython", stars=0, fork=True, forks=0, language="C"),
        ],
        commits_by_repo={"ada/engine": 40, "ada/notes": 10, "ada/ada": 5},
    )


@pytest.fixture
def stack():
    return FakeStackExchange()


@pytest.fixture
def sleeps(monkeypatch):
    slept: list[float] = []
    monkeypatch.setattr(base, "pause", slept.append)
    return slept


@pytest.fixture
def fake_network(monkeypatch, github, stack, sleeps):
    """Every client of a scan talks to the fakes; nothing leaves the process."""
    monkeypatch.setattr(base, "make_transport", lambda: routing_transport(github, stack))
    return github, stack


class Clock:
    """A frozen `timezone.now()` that tests move by hand."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    frozen = Clock(datetime(2030, 3, 17, 17, 0, tzinfo=UTC))
    monkeypatch.setattr(timezone, "now", frozen)
    return frozen
