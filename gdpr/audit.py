from gdpr.models import AuditAction, AuditLogEntry


def audit_record(
    *,
    action: AuditAction,
    actor=None,
    target=None,
    object_type: str = "",
    object_id: str = "",
    ip: str | None = None,
    metadata: dict | None = None,
) -> AuditLogEntry:
    """Write one audit entry; call it inside the transaction of the action it records.

    `target` is the model instance acted on (or give `object_type`/`object_id`).
    `metadata` must not contain personal data: it outlives erasure. An action outside
    AuditAction is a ValueError: the log is a typed list that admins filter on.
    """
    action = AuditAction(action)
    if target is not None:
        object_type, object_id = target._meta.label_lower, str(target.pk)
    return AuditLogEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=object_type,
        object_id=object_id,
        ip_address=ip,
        metadata=metadata or {},
    )
