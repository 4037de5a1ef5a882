"""Retention: how many days each kind of data is kept, and the purge of what is past it.

The kinds, their defaults and their purge queries come from the apps (`privacy.py`,
`registry.register_retention`); an admin's changes are stored as RetentionSetting rows.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from core.errors import InvalidInput
from gdpr.audit import audit_record
from gdpr.models import AuditAction, RetentionSetting
from gdpr.registry import RetentionKind, registry

MIN_DAYS = 1
MAX_DAYS = 3650  # ten years: longer is not retention but keeping forever


def retention_days() -> dict[str, int]:
    """Days per kind: the admin's setting, else the declared default."""
    stored = dict(RetentionSetting.objects.values_list("kind", "days"))
    kinds = registry.retention_kinds
    return {kind.kind: stored.get(kind.kind, kind.default_days) for kind in kinds}


def retention_overview() -> list[dict]:
    stored = {row.kind: row for row in RetentionSetting.objects.all()}
    return [
        {
            "kind": kind.kind,
            "label": kind.label,
            "days": stored[kind.kind].days if kind.kind in stored else kind.default_days,
            "default_days": kind.default_days,
            "updated_at": stored[kind.kind].updated_at if kind.kind in stored else None,
        }
        for kind in registry.retention_kinds
    ]


def retention_validate(days: object) -> dict[str, int]:
    """`{kind: days}` with known kinds and whole numbers within bounds, or InvalidInput."""
    if not isinstance(days, dict) or not days:
        raise InvalidInput({"days": ["Send an object of {kind: days} with at least one kind."]})
    known = {kind.kind for kind in registry.retention_kinds}
    errors: dict[str, list[str]] = {}
    for kind, value in days.items():
        if kind not in known:
            errors[f"days.{kind}"] = [f"Unknown kind of data; known: {', '.join(sorted(known))}."]
        elif isinstance(value, bool) or not isinstance(value, int):
            errors[f"days.{kind}"] = ["Must be a whole number of days."]
        elif not MIN_DAYS <= value <= MAX_DAYS:
            errors[f"days.{kind}"] = [f"Must be from {MIN_DAYS} to {MAX_DAYS} days."]
    if errors:
        raise InvalidInput(errors)
    return days


@transaction.atomic
def retention_update(*, actor, days: dict[str, int], ip: str | None = None) -> dict[str, int]:
    """Set the days of the given kinds (validated first: all or nothing); audited."""
    days = retention_validate(days)
    before = retention_days()
    changed = {kind: {"from": before[kind], "to": value} for kind, value in days.items()}
    for kind, value in days.items():
        RetentionSetting.objects.update_or_create(
            kind=kind, defaults={"days": value, "updated_by": actor}
        )
    audit_record(
        action=AuditAction.RETENTION_CHANGED,
        actor=actor,
        object_type="gdpr.retention",
        ip=ip,
        metadata={"changed": changed},
    )
    return retention_days()


def _cutoffs(now: datetime) -> list[tuple[RetentionKind, datetime]]:
    days = retention_days()
    return [(kind, now - timedelta(days=days[kind.kind])) for kind in registry.retention_kinds]


def purge_expired(*, dry_run: bool, actor=None) -> dict:
    """Remove every kind's rows past their retention; a dry run only counts them.

    The report (counts per kind, no personal data) is recorded in the audit log for a real
    run. Each kind is purged in its own transaction, so one kind's failure keeps the others.
    """
    now = timezone.now()
    report = {"dry_run": dry_run, "ran_at": now.isoformat(), "kinds": {}}
    for kind, cutoff in _cutoffs(now):
        expired = kind.expired(cutoff)
        if dry_run:
            removed = expired.count()
        else:
            with transaction.atomic():
                removed = kind.purge(expired)
        report["kinds"][kind.kind] = {"cutoff": cutoff.isoformat(), "count": removed}
    report["total"] = sum(item["count"] for item in report["kinds"].values())
    if not dry_run:
        audit_record(
            action=AuditAction.RETENTION_PURGED,
            actor=actor,
            object_type="gdpr.retention",
            metadata={kind: item["count"] for kind, item in report["kinds"].items()},
        )
    return report
