"""Personal data held by the gdpr app itself: the audit trail of what a person did, their
data exports and their consent decisions.

Audit entries stay after erasure (they are the record of what happened, and of the erasure
itself) but lose what could identify the person: the IP address of what they did or what
was done to their account, any metadata naming them, and their name in the admin's history.
"""

import logging

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast

from gdpr.consents import consent_history
from gdpr.export import exports_erase
from gdpr.models import AuditLogEntry, ConsentRecord, DataExport
from gdpr.registry import registry

logger = logging.getLogger(__name__)

ERASED_REPR = "(erased account)"


def export_audit_entries(user) -> list[dict]:
    entries = AuditLogEntry.objects.filter(actor=user).order_by("created_at")
    return [
        {
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "ip_address": entry.ip_address,
            "created_at": entry.created_at.isoformat(),
        }
        for entry in entries
    ]


def erase_audit_entries(user) -> None:
    about_user = Q(actor=user) | Q(object_type=user._meta.label_lower, object_id=str(user.pk))
    AuditLogEntry.objects.filter(about_user).update(ip_address=None)
    # Metadata should never name a person (gdpr.audit); should one slip in, it goes too. The
    # email is matched everywhere; name and phone, shorter and commoner, on the user's own.
    as_text = AuditLogEntry.objects.annotate(metadata_text=Cast("metadata", TextField()))
    naming = Q(metadata_text__icontains=user.email)
    for value in (user.name, getattr(user, "phone", "")):
        if value:
            naming |= about_user & Q(metadata_text__icontains=value)
    as_text.filter(naming).update(metadata={})
    _scrub_admin_history(user)


def _scrub_admin_history(user) -> None:
    """The Django admin's history of changes to the account keeps what was done, not who."""
    about_account = Q(content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk))
    naming = Q(object_repr__icontains=user.email) | Q(change_message__icontains=user.email)
    if user.name:
        naming |= Q(object_repr__icontains=user.name) | Q(change_message__icontains=user.name)
    LogEntry.objects.filter(about_account | naming).update(
        object_repr=ERASED_REPR, change_message=""
    )


def export_data_exports(user) -> list[dict]:
    return [
        {
            "id": str(export.pk),
            "status": export.status,
            "requested_at": export.created_at.isoformat(),
            "expires_at": export.expires_at.isoformat() if export.expires_at else None,
            "downloaded_at": export.downloaded_at.isoformat() if export.downloaded_at else None,
        }
        for export in DataExport.objects.filter(user=user).order_by("created_at")
    ]


registry.register(
    "audit_log",
    title="Activity log",
    export=export_audit_entries,
    erase=erase_audit_entries,
    count=lambda user: AuditLogEntry.objects.filter(actor=user).count(),
    kept="The record of what happened stays, without your IP addresses or anything naming you.",
)
registry.register(
    "data_exports",
    title="Data exports",
    export=export_data_exports,
    erase=exports_erase,
    count=lambda user: DataExport.objects.filter(user=user).count(),
)


def export_consents(user) -> list[dict]:
    return [
        {
            "purpose": record.purpose,
            "granted": record.granted,
            "version": record.text_version,
            "text_sha256": record.text_sha256,
            "created_at": record.created_at.isoformat(),
        }
        for record in consent_history(user=user).order_by("created_at", "id")
    ]


def erase_consents(user) -> None:
    """The record of decisions goes with the person: nothing remains to consent about."""
    ConsentRecord.objects.filter(user=user).erase()


registry.register(
    "consents",
    title="Consent decisions",
    export=export_consents,
    erase=erase_consents,
    count=lambda user: ConsentRecord.objects.filter(user=user).count(),
)


def expired_audit_entries(cutoff):
    return AuditLogEntry.objects.filter(created_at__lt=cutoff)


registry.register_retention(
    "audit_entries", label="Audit log entries", default_days=730, expired=expired_audit_entries
)


def expired_exports(cutoff):
    return DataExport.objects.filter(created_at__lt=cutoff)


def purge_exports(expired) -> int:
    """Delete the export records with any file still kept (after the commit)."""
    names = [name for name in expired.values_list("archive", flat=True) if name]
    removed = expired.delete()[1].get(DataExport._meta.label, 0)
    if names:
        transaction.on_commit(lambda: _delete_export_files(names))
    return removed


def _delete_export_files(names: list[str]) -> None:
    storage = DataExport._meta.get_field("archive").storage
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Could not remove export file %s", name, exc_info=True)


registry.register_retention(
    "exports",
    label="Data export records",
    default_days=90,
    expired=expired_exports,
    purge=purge_exports,
)
