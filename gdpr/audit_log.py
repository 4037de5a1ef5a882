"""Reading the audit log: the admin's filters, and the CSV download."""

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime, time

from django.db.models import QuerySet
from django.utils import timezone

from gdpr.models import AuditLogEntry

CSV_COLUMNS = (
    "id",
    "created_at",
    "action",
    "actor_id",
    "actor_email",
    "object_type",
    "object_id",
    "ip_address",
    "metadata",
)


def _start(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time.min))


def _end(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time.max))


def audit_entries(
    *,
    actor: int | None = None,
    action: str = "",
    object_type: str = "",
    object_id: str = "",
    date_from: date | datetime | None = None,
    date_to: date | datetime | None = None,
) -> QuerySet[AuditLogEntry]:
    """Entries matching every given filter, newest first. A date covers that whole day."""
    entries = AuditLogEntry.objects.select_related("actor").order_by("-created_at", "-id")
    if actor is not None:
        entries = entries.filter(actor_id=actor)
    if action:
        entries = entries.filter(action=action)
    if object_type:
        entries = entries.filter(object_type=object_type)
    if object_id:
        entries = entries.filter(object_id=object_id)
    if date_from is not None:
        entries = entries.filter(created_at__gte=_start(date_from))
    if date_to is not None:
        entries = entries.filter(created_at__lte=_end(date_to))
    return entries


class _Echo:
    def write(self, value: str) -> str:
        return value


def audit_csv_rows(entries: QuerySet[AuditLogEntry]) -> Iterator[str]:
    """The entries as CSV lines, read in chunks so a long log streams in bounded memory."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS)
    for entry in entries.iterator(chunk_size=2000):
        row = [
            entry.pk,
            entry.created_at.isoformat(),
            entry.action,
            entry.actor_id or "",
            entry.actor.email if entry.actor else "",
            entry.object_type,
            entry.object_id,
            entry.ip_address or "",
            json.dumps(entry.metadata, sort_keys=True) if entry.metadata else "",
        ]
        yield writer.writerow([_defused(cell) for cell in row])


def _defused(cell):
    """A text cell a spreadsheet would read as a formula gets a leading quote."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell
