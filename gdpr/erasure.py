"""Erasure (the right to be forgotten): every app erases or anonymises what it holds about a
person through the privacy registry, then the account row goes. The one path for the privacy
centre (`POST /api/v1/gdpr/delete`) and `DELETE /api/v1/auth/account`.
"""

from django.db import transaction

from core.errors import InvalidInput
from gdpr.audit import audit_record
from gdpr.models import AuditAction, RequestKind
from gdpr.registry import ErasureLine, registry
from gdpr.tracker import complete_request, open_request

WRONG_CONFIRMATION = "Confirm with your current password."


def erasure_preview(*, user, ip: str | None = None) -> list[ErasureLine]:
    """What erasing `user` would erase, and what it keeps anonymised and why."""
    lines = registry.preview_erasure(user)
    audit_record(action=AuditAction.GDPR_ERASURE_PREVIEWED, actor=user, target=user, ip=ip)
    return lines


def erasure_confirm(*, user, password: str) -> list[str]:
    """A person erases their own account, confirming with their password if they have one."""
    if user.has_usable_password() and not user.check_password(password or ""):
        raise InvalidInput({"password": [WRONG_CONFIRMATION]})
    return user_erase(user=user)


@transaction.atomic
def user_erase(*, user, actor=None) -> list[str]:
    """Erase `user` everywhere, then delete the account; returns the kinds of data erased.

    All or nothing: one eraser failing leaves everything as it was. The audit entry kept
    names no person: the account's former id and which kinds of data went.
    """
    user_id, object_type = user.pk, user._meta.label_lower
    tracked = open_request(kind=RequestKind.ERASURE, user=user, reference=user_id)
    erased = registry.erase_user(user)
    user.delete()
    complete_request(tracked, outcome=f"Erased: {', '.join(sorted(erased))}.")
    audit_record(
        action=AuditAction.GDPR_ERASED,
        actor=actor if actor is not None and actor.pk != user_id else None,
        object_type=object_type,
        object_id=str(user_id),
        metadata={"erased": sorted(erased), "by": "self" if actor is None else "admin"},
    )
    return erased
