"""The GitHub and Stack Exchange clients against fake transports: paging, budgets, rate
limits, backoff and unknown users."""

from datetime import UTC, datetime

import pytest

from footprint.clients import quota
from footprint.clients.base import SourceError
from footprint.clients.github import GitHubClient
from footprint.clients.stackexchange import StackExchangeClient
from tests.footprint.conftest import own_repos
from tests.footprint.fakes import RESET_EPOCH, FakeGitHub, FakeStackExchange, mock_transport

pytestmark = pytest.mark.usefixtures("sleeps", "clock")


def github_client(fake):
    return GitHubClient(transport=mock_transport(fake))


def stack_client(fake):
    return StackExchangeClient(transport=mock_transport(fake, prefix="/2.3", gzip_body=True))


def test_github_reads_a_profile_in_at_most_ten_calls(github):
    data = github_client(github).fetch("ada")
    assert len(github.requests) <= 10
    assert data["profile"]["name"] == "Ada Lovelace"
    assert data["merged_prs_elsewhere"] == {
        "total": 4,
        "repos": ["django/django", "python/cpython"],
    }
    assert (data["issues"], data["reviews"], data["commits"]["total"]) == (6, 3, 120)
    assert data["gaps"] == []


def test_github_pages_through_repositories_within_the_budget():
    fake = FakeGitHub(repos=own_repos(450))
    client = github_client(fake)
    data = client.fetch("ada")
    repo_pages = [query["page"] for path, query in fake.requests if path == "/users/ada/repos"]
    assert repo_pages == ["1", "2", "3"]
    assert len(data["repos"]) == 300
    assert "Only the 300 most recently pushed repositories were read." in data["gaps"]
    assert client.calls == len(fake.requests) == 10


def test_github_stops_paging_at_a_short_page():
    fake = FakeGitHub(repos=own_repos(120))
    github_client(fake).fetch("ada")
    assert [q["page"] for p, q in fake.requests if p == "/users/ada/repos"] == ["1", "2"]


def test_an_unknown_github_user_is_a_clear_error_that_is_not_retried():
    fake = FakeGitHub(login="someone-else")
    with pytest.raises(SourceError) as caught:
        github_client(fake).fetch("ghost")
    assert str(caught.value) == "GitHub has no user named 'ghost'."
    assert caught.value.retryable is False
    assert len(fake.requests) == 1


def test_a_used_up_github_rate_limit_names_the_reset_and_blocks_the_next_scan():
    limited = (
        403,
        {
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": str(RESET_EPOCH),
            "X-RateLimit-Limit": "60",
        },
        {"message": "API rate limit exceeded"},
    )
    fake = FakeGitHub(overrides={"/users/ada": limited})
    with pytest.raises(SourceError) as caught:
        github_client(fake).fetch("ada")
    assert (
        str(caught.value)
        == "GitHub's rate limit for this server is used up. Retry after 17:46 UTC."
    )
    assert caught.value.retry_at == datetime.fromtimestamp(RESET_EPOCH, tz=UTC)
    assert len(fake.requests) == 1

    again = FakeGitHub()
    with pytest.raises(SourceError):
        github_client(again).fetch("ada")
    assert again.requests == []  # blocked until the reset: no call spent


def test_github_calls_resume_after_the_reset(clock):
    quota.block_until("github", "core", datetime.fromtimestamp(RESET_EPOCH, tz=UTC))
    clock.now = datetime.fromtimestamp(RESET_EPOCH + 1, tz=UTC)
    data = github_client(FakeGitHub()).fetch("ada")
    assert data["profile"]["login"] == "ada"


def test_a_used_up_search_limit_leaves_gaps_but_keeps_the_profile():
    limited = (
        403,
        {
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": str(RESET_EPOCH),
            "X-RateLimit-Resource": "search",
        },
        {"message": "rate limit"},
    )
    fake = FakeGitHub(repos=own_repos(2), overrides={"/search/": limited})
    data = github_client(fake).fetch("ada")
    assert data["profile"]["login"] == "ada"
    assert data["merged_prs_elsewhere"] is None and data["commits"] is None
    assert any("search limit" in gap for gap in data["gaps"])
    # After the first refused search, the other searches spend no call.
    assert sum(path.startswith("/search/") for path, _ in fake.requests) == 1


def test_github_retry_after_on_a_secondary_limit_is_honoured(sleeps):
    limited = (429, {"Retry-After": "3"}, {"message": "secondary rate limit"})
    fake = FakeGitHub(overrides={"/users/ada/orgs": limited})
    data = github_client(fake).fetch("ada")
    assert 3.0 in sleeps  # waited what it asked, within FOOTPRINT_MAX_WAIT_SECONDS
    assert data["orgs"] == []
    assert any("Orgs not read" in gap for gap in data["gaps"])


def test_github_down_is_a_retryable_error_naming_the_source():
    fake = FakeGitHub(overrides={"/users/ada": (503, {}, {"message": "down"})})
    with pytest.raises(SourceError) as caught:
        github_client(fake).fetch("ada")
    assert str(caught.value).startswith("GitHub could not be reached")
    assert str(caught.value).endswith("Retry after 17:05 UTC.")
    assert caught.value.retryable
    assert len(fake.requests) == 2  # one retry, counted in the budget


def test_github_quota_is_remembered_for_health():
    github_client(FakeGitHub(remaining=41)).fetch("ada")
    assert quota.github_health()["rate_limit_remaining"] == 41


def test_stack_exchange_reads_a_user_in_at_most_five_calls(stack):
    client = stack_client(stack)
    data = client.fetch(22656)
    assert client.calls == len(stack.requests) <= 5
    assert data["user"]["reputation"] == 1500
    assert (data["answers_total"], data["accepted_sampled"]) == (8, 3)
    assert data["answers_complete"] is True
    assert all(query["site"] == "stackoverflow" for _path, query in stack.requests)


def test_stack_exchange_pages_answers_until_the_budget_is_spent():
    fake = FakeStackExchange(answers=[{"is_accepted": True, "score": 1}] * 250)
    data = stack_client(fake).fetch(22656)
    pages = [q["page"] for p, q in fake.requests if p.endswith("/answers") and "page" in q]
    assert pages == ["1", "2"]
    assert len(fake.requests) == 5
    assert data["answers_sampled"] == 200 and data["answers_total"] == 250
    assert "Accepted answers counted among the 200 best-voted answers." in data["gaps"]


def test_an_unknown_stack_overflow_user_is_a_clear_error():
    with pytest.raises(SourceError) as caught:
        stack_client(FakeStackExchange()).fetch(999)
    assert str(caught.value) == "Stack Overflow has no user with id 999."
    assert caught.value.retryable is False


def test_a_short_backoff_is_waited_and_stored(sleeps):
    fake = FakeStackExchange(backoff=5)
    stack_client(fake).fetch(22656)
    assert sleeps[:1] == [5.0]
    assert quota.blocked_until("stackexchange", "api") is not None


def test_a_long_backoff_ends_the_source_with_when_to_retry():
    fake = FakeStackExchange(backoff=120)
    with pytest.raises(SourceError) as caught:
        stack_client(fake).fetch(22656)
    assert (
        str(caught.value) == "Stack Exchange asked this server to slow down. Retry after 17:02 UTC."
    )
    assert len(fake.requests) == 1


def test_a_throttle_violation_blocks_stack_exchange_for_the_time_it_names():
    throttled = (
        400,
        {},
        {
            "error_id": 502,
            "error_name": "throttle_violation",
            "error_message": "too many requests from this IP, more requests available in "
            "3600 seconds",
        },
    )
    fake = FakeStackExchange(overrides={"/users/": throttled})
    with pytest.raises(SourceError) as caught:
        stack_client(fake).fetch(22656)
    assert caught.value.retry_at == datetime(2030, 3, 17, 18, 0, tzinfo=UTC)
    again = FakeStackExchange()
    with pytest.raises(SourceError):
        stack_client(again).fetch(22656)
    assert again.requests == []


def test_an_empty_daily_quota_blocks_until_midnight_utc():
    fake = FakeStackExchange(quota_remaining=0)
    with pytest.raises(SourceError) as caught:
        stack_client(fake).fetch(22656)
    assert str(caught.value) == (
        "Stack Exchange's daily quota for this server is used up. Retry after 00:00 UTC."
    )
    assert len(fake.requests) == 1
    assert quota.blocked_until("stackexchange", "api") == datetime(2030, 3, 18, tzinfo=UTC)
    assert quota.stackexchange_health()["rate_limit_remaining"] == 0
