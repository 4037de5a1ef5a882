"""Requests from applicants without an account: export or erasure of the applications they
sent with an email address, confirmed through a signed link mailed to that address.

The answer to a request never says whether anything is held for the address (no
enumeration); only the mailbox's owner learns it, from the link. The link carries the
request's id, never the address, and expires after GDPR_REQUEST_LINK_TTL_HOURS.
"""

from django.db import transaction

from core.outbox import outbox_enqueue
from gdpr.audit import audit_record
from gdpr.errors import RequestLinkInvalid
from gdpr.models import AuditAction, DataSubjectRequest, RequestKind, RequestStatus
from gdpr.registry import registry
from gdpr.request_links import request_from_token
from gdpr.tasks import send_request_confirmation
from gdpr.tracker import complete_request, open_request

REQUEST_ACCEPTED = (
    "If applications were sent with this address, a link to confirm the request is on its "
    "way to it."
)


def normalise(email: str) -> str:
    return email.strip().lower()


@transaction.atomic
def anonymous_request_submit(*, email: str, kind: str, ip: str | None = None) -> None:
    """Track the request and mail its link, if anything is held for `email` without an
    account; otherwise do nothing. The caller answers the same either way."""
    email = normalise(email)
    if not registry.count_email(email):
        return
    request = open_request(kind=kind, email=email, awaiting_confirmation=True, ip=ip)
    outbox_enqueue(send_request_confirmation, request.pk)


def held_count(request: DataSubjectRequest) -> int:
    return registry.count_email(request.email)


@transaction.atomic
def anonymous_request_confirm(
    *, token: str, ip: str | None = None
) -> tuple[DataSubjectRequest, dict]:
    """Carry out a confirmed request: the export's data, or the erasure's counts per label."""
    request = request_from_token(token)
    locked = DataSubjectRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status != RequestStatus.AWAITING_CONFIRMATION:
        raise RequestLinkInvalid()
    audit_record(
        action=AuditAction.GDPR_REQUEST_CONFIRMED,
        target=locked,
        ip=ip,
        metadata={"kind": locked.kind},
    )
    if locked.kind == RequestKind.EXPORT:
        result = registry.export_email(locked.email)
        outcome = "Export downloaded after email confirmation."
    else:
        result = registry.erase_email(locked.email)
        audit_record(
            action=AuditAction.GDPR_ERASED,
            target=locked,
            ip=ip,
            metadata={"anonymous": True, "erased": result},
        )
        outcome = f"Erased: {sum(result.values())} item(s)."
    completed = complete_request(locked, outcome=outcome)
    return completed, result
