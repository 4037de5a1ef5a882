"""GitHub's public REST API, read within a scan's call budget.

One scan spends at most `FOOTPRINT_CALL_BUDGET["github"]` calls: the profile, up to three
pages of repositories, the public organisations, four searches (merged pull requests into
other people's repositories, issues, reviews, commits) and the recent public events. The
profile and the first page of repositories are needed; anything after them that the budget
or a rate limit stops is reported as a gap, and the scan goes on with what it has.

Every answer's X-RateLimit-* headers are remembered (core API and search apart): a limit
used up blocks further calls until its reset, for this scan and the next ones.
"""

from datetime import UTC, datetime, timedelta

import httpx
from django.conf import settings
from django.utils import timezone

from core.integrations.errors import (
    ServiceError,
    ServiceNotFound,
    ServiceRateLimited,
    ServiceUnauthorized,
    ServiceUnavailable,
)
from core.integrations.http import ServiceClient, retry_after_seconds
from footprint.clients import base, quota
from footprint.clients.base import BudgetSpent, SourceError, when

SOURCE = "github"
LABEL = "GitHub"
REPO_PAGES = 3
PAGE_SIZE = 100
UNREACHABLE_RETRY = timedelta(minutes=5)


def _resource(path: str) -> str:
    return "search" if path.startswith("search/") else "core"


def _record_quota(response: httpx.Response) -> None:
    headers = response.headers
    remaining = headers.get("X-RateLimit-Remaining")
    if remaining is None or not remaining.isdigit():
        return
    resource = headers.get("X-RateLimit-Resource", "core")
    reset = headers.get("X-RateLimit-Reset", "")
    reset_at = datetime.fromtimestamp(int(reset), tz=UTC) if reset.isdigit() else None
    limit = headers.get("X-RateLimit-Limit", "")
    quota.quota_record(
        SOURCE,
        resource,
        remaining=int(remaining),
        limit=int(limit) if limit.isdigit() else None,
        reset_at=reset_at,
    )
    if int(remaining) == 0 and reset_at is not None:
        quota.block_until(SOURCE, resource, reset_at)
    asked = retry_after_seconds(headers.get("Retry-After", ""), now=timezone.now())
    if asked is not None and response.status_code in (403, 429):
        quota.block_until(SOURCE, resource, timezone.now() + timedelta(seconds=asked))


class GitHubClient:
    """`GitHubClient().fetch("octocat")` → the public data a scan scores."""

    def __init__(self, *, transport: httpx.BaseTransport | None = None, sleep=None):
        headers = {
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
            "User-Agent": "Hirewise footprint scan",
        }
        if settings.GITHUB_TOKEN:
            headers["Authorization"] = f"Bearer {settings.GITHUB_TOKEN}"
        self.transport = base.CountingTransport(
            transport or base.make_transport(),
            limit=settings.FOOTPRINT_CALL_BUDGET[SOURCE],
            on_response=_record_quota,
        )
        self.http = ServiceClient(
            service=SOURCE,
            headers=headers,
            transport=self.transport,
            max_retries=1,
            max_total_wait=settings.FOOTPRINT_MAX_WAIT_SECONDS,
            sleep=sleep or base.pause,
        )
        self.gaps: list[str] = []

    @property
    def calls(self) -> int:
        return self.transport.calls

    def close(self) -> None:
        self.http.close()

    def fetch(self, username: str) -> dict:
        """Profile, repositories, organisations, contributions and recent events."""
        profile = self._get(f"users/{username}", required=True)
        login = profile.get("login") or username
        data = {
            "profile": _profile(profile),
            "repos": self._repos(login, profile.get("public_repos") or 0),
            "orgs": [org.get("login", "") for org in self._optional(f"users/{login}/orgs") or []],
            "merged_prs_elsewhere": self._merged_prs(login),
            "issues": self._search_total("search/issues", f"author:{login} type:issue"),
            "reviews": self._search_total(
                "search/issues", f"reviewed-by:{login} type:pr -author:{login}"
            ),
            "commits": self._commits(login),
            "events": self._events(login),
            "token": bool(settings.GITHUB_TOKEN),
        }
        data["gaps"] = list(self.gaps)
        return data

    def _repos(self, login: str, public_repos: int) -> list[dict]:
        repos: list[dict] = []
        pages = min(REPO_PAGES, max(1, -(-public_repos // PAGE_SIZE)))
        for page in range(1, pages + 1):
            params = {"per_page": PAGE_SIZE, "page": page, "type": "owner", "sort": "pushed"}
            batch = self._get(f"users/{login}/repos", params=params, required=page == 1)
            if batch is None:
                break
            repos += [_repo(item) for item in batch]
            if len(batch) < PAGE_SIZE:
                break
        if public_repos > len(repos):
            self.gaps.append(f"Only the {len(repos)} most recently pushed repositories were read.")
        return repos

    def _merged_prs(self, login: str) -> dict | None:
        query = f"author:{login} type:pr is:merged -user:{login}"
        found = self._optional("search/issues", params={"q": query, "per_page": PAGE_SIZE})
        if found is None:
            return None
        repos = {
            item.get("repository_url", "").rsplit("/repos/", 1)[-1]
            for item in found.get("items", [])
        }
        return {"total": found.get("total_count", 0), "repos": sorted(filter(None, repos))}

    def _search_total(self, path: str, query: str) -> int | None:
        found = self._optional(path, params={"q": query, "per_page": 1})
        return None if found is None else found.get("total_count", 0)

    def _commits(self, login: str) -> dict | None:
        params = {"q": f"author:{login}", "per_page": PAGE_SIZE, "sort": "author-date"}
        found = self._optional("search/commits", params=params)
        if found is None:
            return None
        by_repo: dict[str, int] = {}
        items = found.get("items", [])
        for item in items:
            name = (item.get("repository") or {}).get("full_name", "")
            by_repo[name] = by_repo.get(name, 0) + 1
        total = found.get("total_count", 0)
        return {"total": total, "sampled": len(items), "by_repo": by_repo}

    def _events(self, login: str) -> dict | None:
        events = self._optional(f"users/{login}/events/public", params={"per_page": PAGE_SIZE})
        if events is None:
            return None
        since = timezone.now() - timedelta(days=90)
        counts: dict[str, int] = {}
        for event in events:
            created = _parse_time(event.get("created_at"))
            if created and created >= since:
                counts[event.get("type", "")] = counts.get(event.get("type", ""), 0) + 1
        return {"last_90_days": sum(counts.values()), "by_type": counts}

    def _optional(self, path: str, *, params: dict | None = None):
        return self._get(path, params=params, required=False)

    def _get(self, path: str, *, params: dict | None = None, required: bool):
        """The JSON at `path`; None when an optional call is refused by the budget or a
        limit (noted as a gap), SourceError when a required one is."""
        resource = _resource(path)
        try:
            blocked = quota.blocked_until(SOURCE, resource)
            if blocked is not None:
                raise SourceError(
                    _limit_message(resource, blocked), source=SOURCE, retry_at=blocked
                )
            return self.http.get_json(path, params=params).data
        except BudgetSpent:
            if required:
                raise SourceError(
                    f"{LABEL}: the scan's budget of calls was spent.", source=SOURCE
                ) from None
            self.gaps.append(f"Not read within the budget of calls: {_what(path)}.")
            return None
        except ServiceError as error:
            failure = self._failure(error, path, resource)
            if required or not failure.retryable:
                raise failure from error
            self.gaps.append(f"{_what(path).capitalize()} not read: {failure}")
            return None
        except SourceError as failure:
            if required:
                raise
            self.gaps.append(f"{_what(path).capitalize()} not read: {failure}")
            return None

    def _failure(self, error: ServiceError, path: str, resource: str) -> SourceError:
        if (
            isinstance(error, ServiceNotFound)
            and path.startswith("users/")
            and path.count("/") == 1
        ):
            name = path.split("/", 1)[1]
            return SourceError(
                f"{LABEL} has no user named '{name}'.", source=SOURCE, retryable=False
            )
        blocked = quota.blocked_until(SOURCE, resource)
        if blocked is not None or isinstance(error, ServiceRateLimited):
            retry_at = blocked or timezone.now() + timedelta(seconds=error.retry_after or 60)
            quota.block_until(SOURCE, resource, retry_at)
            return SourceError(_limit_message(resource, retry_at), source=SOURCE, retry_at=retry_at)
        if isinstance(error, ServiceUnauthorized):
            return SourceError(
                f"{LABEL} refused the request (HTTP {error.status}); check GITHUB_TOKEN.",
                source=SOURCE,
                retryable=False,
            )
        if isinstance(error, ServiceUnavailable):
            retry_at = timezone.now() + UNREACHABLE_RETRY
            return SourceError(
                f"{LABEL} could not be reached ({error}). Retry after {when(retry_at)}.",
                source=SOURCE,
                retry_at=retry_at,
            )
        return SourceError(f"{LABEL} refused the request: {error}", source=SOURCE, retryable=False)


def _limit_message(resource: str, retry_at: datetime) -> str:
    what = "search limit" if resource == "search" else "rate limit"
    return f"{LABEL}'s {what} for this server is used up. Retry after {when(retry_at)}."


def _what(path: str) -> str:
    if path.startswith("search/commits"):
        return "commits"
    if path.startswith("search/"):
        return "search results"
    return path.rsplit("/", 1)[-1].replace("public", "recent events")


def _parse_time(value) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def _profile(user: dict) -> dict:
    keys = (
        "login",
        "name",
        "company",
        "blog",
        "location",
        "email",
        "hireable",
        "bio",
        "twitter_username",
        "public_repos",
        "followers",
        "following",
        "created_at",
        "html_url",
    )
    return {key: user.get(key) for key in keys}


def _repo(repo: dict) -> dict:
    return {
        "full_name": repo.get("full_name", ""),
        "name": repo.get("name", ""),
        "fork": bool(repo.get("fork")),
        "stars": repo.get("stargazers_count") or 0,
        "forks": repo.get("forks_count") or 0,
        "language": repo.get("language") or "",
        "topics": list(repo.get("topics") or []),
        "description": bool(repo.get("description")),
        "license": bool(repo.get("license")),
        "archived": bool(repo.get("archived")),
        "size": repo.get("size") or 0,
    }
