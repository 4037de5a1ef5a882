"""The Stack Exchange API (site=stackoverflow), read within a scan's call budget.

One scan spends at most `FOOTPRINT_CALL_BUDGET["stackexchange"]` calls: the user, their top
tags, their answer count (the built-in `total` filter) and pages of their answers, best
voted first, to count the accepted ones. Every answer carries `quota_remaining` (a daily
quota per address) and sometimes `backoff`: seconds before the same method may be called
again. Both are remembered in the cache; a backoff longer than FOOTPRINT_MAX_WAIT_SECONDS
ends the source with when to retry. httpx undoes the gzip the API always sends.
"""

import re
from datetime import timedelta

import httpx
from django.conf import settings
from django.utils import timezone

from core.integrations.errors import (
    ServiceError,
    ServiceNotFound,
    ServiceRateLimited,
    ServiceRejected,
    ServiceUnavailable,
)
from core.integrations.http import ServiceClient
from footprint.clients import base, quota
from footprint.clients.base import BudgetSpent, SourceError, when

SOURCE = "stackexchange"
LABEL = "Stack Exchange"
RESOURCE = "api"
SITE = "stackoverflow"
PAGE_SIZE = 100
TOP_TAGS = 30
UNREACHABLE_RETRY = timedelta(minutes=5)
THROTTLE_SECONDS = re.compile(r"available in (\d+) seconds")


class StackExchangeClient:
    """`StackExchangeClient().fetch(22656)` → the public data a scan scores."""

    def __init__(self, *, transport: httpx.BaseTransport | None = None, sleep=None):
        self.transport = base.CountingTransport(
            transport or base.make_transport(), limit=settings.FOOTPRINT_CALL_BUDGET[SOURCE]
        )
        self.http = ServiceClient(
            service=SOURCE,
            headers={"Accept-Encoding": "gzip", "User-Agent": "Hirewise footprint scan"},
            transport=self.transport,
            max_retries=1,
            max_total_wait=settings.FOOTPRINT_MAX_WAIT_SECONDS,
            sleep=sleep or base.pause,
        )
        self.sleep = sleep or base.pause
        self.pause_seconds = 0
        self.gaps: list[str] = []

    @property
    def calls(self) -> int:
        return self.transport.calls

    def close(self) -> None:
        self.http.close()

    def fetch(self, user_id: int) -> dict:
        users = self._get(f"users/{user_id}", {}, required=True)["items"]
        if not users:
            raise SourceError(
                f"Stack Overflow has no user with id {user_id}.", source=SOURCE, retryable=False
            )
        tags = self._get(f"users/{user_id}/top-tags", {"pagesize": TOP_TAGS}, required=True)
        total = self._get(f"users/{user_id}/answers", {"filter": "total"}, required=False)
        data = {
            "user": _user(users[0]),
            "top_tags": [_tag(tag) for tag in tags["items"]],
            "answers_total": None if total is None else total.get("total", 0),
            **self._answers(user_id),
        }
        data["gaps"] = list(self.gaps)
        return data

    def _answers(self, user_id: int) -> dict:
        sampled = accepted = score = 0
        page, complete = 1, False
        while not self.transport.spent:
            params = {"pagesize": PAGE_SIZE, "page": page, "sort": "votes", "order": "desc"}
            found = self._get(f"users/{user_id}/answers", params, required=False)
            if found is None:
                break
            for answer in found["items"]:
                sampled += 1
                accepted += bool(answer.get("is_accepted"))
                score += answer.get("score") or 0
            if not found.get("has_more"):
                complete = True
                break
            page += 1
        if not complete:
            self.gaps.append(f"Accepted answers counted among the {sampled} best-voted answers.")
        return {
            "answers_sampled": sampled,
            "accepted_sampled": accepted,
            "answer_score_sampled": score,
            "answers_complete": complete,
        }

    def _get(self, path: str, params: dict, *, required: bool):
        try:
            self._wait_if_asked()
            response = self.http.get_json(path, params={**params, **self._common()})
        except BudgetSpent:
            if required:
                raise SourceError(
                    f"{LABEL}: the scan's budget of calls was spent.", source=SOURCE
                ) from None
            self.gaps.append("Some answers were not read within the budget of calls.")
            return None
        except ServiceError as error:
            raise self._failure(error, path) from error
        body = response.data or {}
        self._remember_limits(body)
        return body

    def _common(self) -> dict:
        params = {"site": SITE}
        if settings.STACKEXCHANGE_KEY:
            params["key"] = settings.STACKEXCHANGE_KEY
        return params

    def _wait_if_asked(self) -> None:
        """Before a call: refuse while a backoff is stored; sit through a short one."""
        blocked = quota.blocked_until(SOURCE, RESOURCE)
        if blocked is None:
            return
        wait = (blocked - timezone.now()).total_seconds()
        if wait > settings.FOOTPRINT_MAX_WAIT_SECONDS:
            known = quota.quota_get(SOURCE, RESOURCE)
            message = (
                _quota_message(blocked)
                if known and known["remaining"] <= 0
                else _limit_message(blocked)
            )
            raise SourceError(message, source=SOURCE, retry_at=blocked)
        self.sleep(wait)

    def _remember_limits(self, body: dict) -> None:
        remaining = body.get("quota_remaining")
        if remaining is not None:
            quota.quota_record(
                SOURCE,
                RESOURCE,
                remaining=remaining,
                limit=body.get("quota_max"),
                reset_at=quota.next_utc_midnight(),
            )
            if remaining <= 0:
                quota.block_until(SOURCE, RESOURCE, quota.next_utc_midnight())
        if body.get("backoff"):
            quota.block_until(
                SOURCE, RESOURCE, timezone.now() + timedelta(seconds=int(body["backoff"]))
            )

    def _failure(self, error: ServiceError, path: str) -> SourceError:
        detail = getattr(error, "detail", "")
        throttled = THROTTLE_SECONDS.search(detail) if "throttle_violation" in detail else None
        if throttled or isinstance(error, ServiceRateLimited):
            seconds = int(throttled.group(1)) if throttled else (error.retry_after or 60)
            retry_at = timezone.now() + timedelta(seconds=seconds)
            quota.block_until(SOURCE, RESOURCE, retry_at)
            return SourceError(_limit_message(retry_at), source=SOURCE, retry_at=retry_at)
        if isinstance(error, ServiceNotFound) or (
            isinstance(error, ServiceRejected) and "bad_parameter" in detail
        ):
            user_id = path.split("/")[1]
            return SourceError(
                f"Stack Overflow has no user with id {user_id}.", source=SOURCE, retryable=False
            )
        if isinstance(error, ServiceUnavailable):
            retry_at = timezone.now() + UNREACHABLE_RETRY
            return SourceError(
                f"{LABEL} could not be reached ({error}). Retry after {when(retry_at)}.",
                source=SOURCE,
                retry_at=retry_at,
            )
        return SourceError(f"{LABEL} refused the request: {error}", source=SOURCE, retryable=False)


def _limit_message(retry_at) -> str:
    return f"{LABEL} asked this server to slow down. Retry after {when(retry_at)}."


def _quota_message(retry_at) -> str:
    return f"{LABEL}'s daily quota for this server is used up. Retry after {when(retry_at)}."


def _user(user: dict) -> dict:
    keys = (
        "user_id",
        "display_name",
        "reputation",
        "badge_counts",
        "location",
        "website_url",
        "link",
        "creation_date",
        "user_type",
    )
    return {key: user.get(key) for key in keys}


def _tag(tag: dict) -> dict:
    keys = ("tag_name", "answer_count", "answer_score", "question_count", "question_score")
    return {key: tag.get(key) or (0 if key != "tag_name" else "") for key in keys}
