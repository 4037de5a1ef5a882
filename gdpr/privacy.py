from gdpr.consents import consent_history
from gdpr.models import AuditLogEntry, ConsentRecord
from gdpr.registry import registry


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
    """Audit entries stay (they are the record of what happened) but lose the user's IP."""
    AuditLogEntry.objects.filter(actor=user).update(ip_address=None)


registry.register("audit_log", export=export_audit_entries, erase=erase_audit_entries)


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


registry.register("consents", export=export_consents, erase=erase_consents)


def expired_audit_entries(cutoff):
    return AuditLogEntry.objects.filter(created_at__lt=cutoff)


registry.register_retention(
    "audit_entries", label="Audit log entries", default_days=730, expired=expired_audit_entries
)
