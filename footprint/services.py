"""Footprint scans: starting one, running it in the worker, sharing it and using its skills.

A scan reads each source from the cache when a recent scan read it (no call at all), else
through its client within the call budget. A source that fails is reported with its
message and the scan finishes with the other; only when every requested source fails does
the scan fail.
"""

import logging
import re

from django.db import transaction
from django.utils import timezone

from accounts.services import profile_skills_add
from core import durable
from core.errors import InvalidInput, QueueUnavailable
from footprint.clients.base import SourceError, cache_profile, cached_profile
from footprint.clients.github import GitHubClient
from footprint.clients.stackexchange import StackExchangeClient
from footprint.errors import NothingToScan, SameScan, ScanFailed, ScanNotFinished
from footprint.exposure import privacy_report
from footprint.models import SCAN_JOBS, FootprintScan, FootprintSharing, ScanStatus
from footprint.progress import progress_publish
from footprint.recommendations import recommendations_for
from footprint.scoring import SCORE_FIELDS, score_footprint
from gdpr.audit import audit_record
from gdpr.models import AuditAction

logger = logging.getLogger(__name__)

GITHUB_USERNAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
GITHUB_PROFILE = re.compile(r"^https?://(?:www\.)?github\.com/([^/?#]+)/?$", re.IGNORECASE)
STACKOVERFLOW_PROFILE = re.compile(
    r"^https?://(?:www\.)?stackoverflow\.com/users/(\d+)", re.IGNORECASE
)
SOURCE_LABELS = {"github": "GitHub", "stackoverflow": "Stack Overflow"}
UNEXPECTED_FAILURE = (
    "The scan stopped on an unexpected error. Scan again; if it fails again, contact support."
)


def profile_links(user) -> dict:
    """The GitHub username and Stack Overflow id the user's profile links name, if any."""
    github = GITHUB_PROFILE.match(user.github_url or "")
    stack = STACKOVERFLOW_PROFILE.match(user.stackoverflow_url or "")
    username = github.group(1) if github and GITHUB_USERNAME.match(github.group(1)) else ""
    return {"github_username": username, "stackoverflow_id": int(stack.group(1)) if stack else None}


def scan_start(
    *, owner, github_username: str = "", stackoverflow_id: int | None = None, ip: str | None = None
) -> FootprintScan:
    """Queue a scan of the given profiles, or of the profile's links when none is given.

    With the broker down the scan is withdrawn and QueueUnavailable (503) raised.
    """
    if not github_username and stackoverflow_id is None:
        links = profile_links(owner)
        github_username, stackoverflow_id = links["github_username"], links["stackoverflow_id"]
    if not github_username and stackoverflow_id is None:
        raise NothingToScan()
    if github_username and not GITHUB_USERNAME.match(github_username):
        raise InvalidInput({"github_username": ["Not a valid GitHub username."]})
    with transaction.atomic():
        scan = FootprintScan.objects.create(
            owner=owner,
            github_username=github_username,
            stackoverflow_id=stackoverflow_id,
            current_step="Waiting for a worker",
        )
        transaction.on_commit(lambda: _send_or_withdraw(scan))
    return scan


def _send_or_withdraw(scan: FootprintScan) -> None:
    try:
        durable.send(SCAN_JOBS, scan.pk)
    except QueueUnavailable:
        FootprintScan.objects.filter(pk=scan.pk, status=ScanStatus.QUEUED).delete()
        raise


def scan_run(*, scan_id: str) -> None:
    """Run a queued scan (or one whose worker died); a deleted or taken one is skipped."""
    claimed = durable.claim(
        SCAN_JOBS,
        scan_id,
        status=ScanStatus.FETCHING,
        progress=10,
        current_step="Reading public profiles",
    )
    if not claimed:
        return
    scan = FootprintScan.objects.get(pk=scan_id)
    progress_publish(scan)
    try:
        _run(scan)
    except durable.TRANSIENT_ERRORS:
        FootprintScan.objects.filter(pk=scan.pk).update(
            status=ScanStatus.QUEUED, current_step="Waiting to retry", progress_at=timezone.now()
        )
        raise
    except Exception:
        logger.exception("Footprint scan %s failed", scan_id)
        _fail(scan, UNEXPECTED_FAILURE)


def _run(scan: FootprintScan) -> None:
    sources: dict = {}
    github = stack = None
    if scan.github_username:
        _advance(scan, 20, "Reading GitHub")
        github, sources["github"] = _read(
            "github", scan.github_username.lower(), GitHubClient, scan.github_username
        )
    else:
        sources["github"] = {"status": "skipped", "message": "No GitHub username given."}
    if scan.stackoverflow_id is not None:
        _advance(scan, 55, "Reading Stack Overflow")
        stack, sources["stackoverflow"] = _read(
            "stackoverflow", str(scan.stackoverflow_id), StackExchangeClient, scan.stackoverflow_id
        )
    else:
        sources["stackoverflow"] = {"status": "skipped", "message": "No Stack Overflow id given."}
    if github is None and stack is None:
        failures = [s["message"] for s in sources.values() if s["status"] == "failed"]
        _fail(scan, " ".join(failures), sources=sources)
        return
    _advance(scan, 85, "Scoring", status=ScanStatus.SCORING)
    _complete(scan, github, stack, sources)


def _read(name: str, key: str, client_class, identifier) -> tuple[dict | None, dict]:
    """One source's data and its status: from the cache when fresh, else from its API."""
    cached = cached_profile(f"{name}:{key}")
    if cached is not None:
        return cached, {"status": "ok", "cached": True, "calls": 0, "gaps": cached["gaps"]}
    client = client_class()
    try:
        data = client.fetch(identifier)
    except SourceError as error:
        retry_at = error.retry_at.isoformat() if error.retry_at else None
        status = {
            "status": "failed",
            "message": str(error),
            "retry_at": retry_at,
            "calls": client.calls,
        }
        return None, status
    finally:
        client.close()
    if not data["gaps"]:
        cache_profile(f"{name}:{key}", data)
    return data, {"status": "ok", "cached": False, "calls": client.calls, "gaps": data["gaps"]}


def _advance(
    scan: FootprintScan, progress: int, step: str, status: str = ScanStatus.FETCHING
) -> None:
    FootprintScan.objects.filter(pk=scan.pk).update(
        status=status, progress=progress, current_step=step, progress_at=timezone.now()
    )
    scan.status, scan.progress, scan.current_step = status, progress, step
    progress_publish(scan)


def _finished_step(sources: dict) -> str:
    failed = [SOURCE_LABELS[name] for name, s in sources.items() if s["status"] == "failed"]
    if not failed:
        return "Scan complete"
    return f"Scan complete without {' and '.join(failed)}: " + " ".join(
        s["message"] for s in sources.values() if s["status"] == "failed"
    )


def _complete(scan: FootprintScan, github: dict | None, stack: dict | None, sources: dict) -> None:
    result = score_footprint(github, stack)
    scores = result["scores"]
    now = timezone.now()
    fields = {
        "status": ScanStatus.COMPLETED,
        "progress": 100,
        "current_step": _finished_step(sources),
        "sources": sources,
        "github_analysis": github,
        "stackoverflow_analysis": stack,
        "privacy_report": privacy_report(github, stack),
        "scores": scores,
        "skills": result["skills"],
        "recommendations": recommendations_for(scores, sources),
        **{field: scores[name]["score"] for name, field in SCORE_FIELDS.items()},
        "completed_at": now,
        "progress_at": now,
    }
    with transaction.atomic():
        for field, value in fields.items():
            setattr(scan, field, value)
        scan.save(update_fields=list(fields))
        audit_record(
            action=AuditAction.FOOTPRINT_SCANNED,
            actor=scan.owner,
            target=scan,
            metadata={"sources": {name: s["status"] for name, s in sources.items()}},
        )
    progress_publish(scan)


def _fail(scan: FootprintScan, message: str, *, sources: dict | None = None) -> None:
    now = timezone.now()
    update = {
        "status": ScanStatus.FAILED,
        "error_message": message,
        "completed_at": now,
        "progress_at": now,
    }
    if sources is not None:
        update["sources"] = sources
    if FootprintScan.objects.filter(pk=scan.pk).update(**update):
        scan.status, scan.error_message = ScanStatus.FAILED, message
        progress_publish(scan)


def scan_give_up(*, scan_id: str, reason: str) -> None:
    """After the last retry of a transient error: fail with a message the user can act on."""
    scan = FootprintScan.objects.filter(pk=scan_id).first()
    if scan is not None:
        _fail(scan, reason)


def scan_require_completed(scan: FootprintScan) -> FootprintScan:
    if scan.status == ScanStatus.FAILED:
        raise ScanFailed()
    if scan.status != ScanStatus.COMPLETED:
        raise ScanNotFinished()
    return scan


def scan_delete(*, scan: FootprintScan, user, ip: str | None = None) -> None:
    with transaction.atomic():
        audit_record(action=AuditAction.FOOTPRINT_DELETED, actor=user, target=scan, ip=ip)
        scan.delete()


def sharing_set(*, user, share: bool, ip: str | None = None) -> FootprintSharing:
    """Let recruiters the candidate applied to see the latest scan, or stop it."""
    with transaction.atomic():
        sharing, _created = FootprintSharing.objects.update_or_create(
            user=user, defaults={"share_with_recruiters": share}
        )
        audit_record(
            action=AuditAction.FOOTPRINT_SHARING_CHANGED,
            actor=user,
            object_type="footprint.footprintsharing",
            object_id=str(user.pk),
            ip=ip,
            metadata={"share_with_recruiters": share},
        )
    return sharing


def scan_skills_add(
    *, scan: FootprintScan, user, skills: list[str] | None = None, ip: str | None = None
) -> list[str]:
    """Add the scan's skills (all, or the ones named) to the user's profile; returns the new."""
    scan_require_completed(scan)
    found = [skill["name"] for skill in scan.skills]
    if skills is None:
        chosen = found
    else:
        unknown = [name for name in skills if name not in found]
        if unknown:
            raise InvalidInput({"skills": [f"Not found by this scan: {', '.join(unknown)}."]})
        chosen = [name for name in found if name in skills]
    return profile_skills_add(user=user, skills=chosen, ip=ip)


def scans_compare(*, first: FootprintScan, second: FootprintScan) -> dict:
    """How the later scan differs from the earlier: each score, each input, the skills."""
    if first.pk == second.pk:
        raise SameScan()
    older, newer = sorted(
        (scan_require_completed(first), scan_require_completed(second)),
        key=lambda scan: scan.created_at,
    )
    scores = {}
    for name in SCORE_FIELDS:
        before, after = older.scores[name], newer.scores[name]
        scores[name] = {
            "before": before["score"],
            "after": after["score"],
            "change": after["score"] - before["score"],
            "inputs": _input_changes(before["inputs"], after["inputs"]),
        }
    old_skills = {skill["name"] for skill in older.skills}
    new_skills = {skill["name"] for skill in newer.skills}
    return {
        "older": older,
        "newer": newer,
        "scores": scores,
        "skills_added": sorted(new_skills - old_skills),
        "skills_removed": sorted(old_skills - new_skills),
    }


def _input_changes(before: list[dict], after: list[dict]) -> list[dict]:
    earlier = {item["name"]: item["value"] for item in before}
    changes = []
    for item in after:
        old = earlier.get(item["name"])
        if old != item["value"]:
            changes.append(
                {
                    "name": item["name"],
                    "label": item["label"],
                    "before": old,
                    "after": item["value"],
                }
            )
    return changes
