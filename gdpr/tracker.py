"""The data-subject requests tracker: every export or erasure request, with or without an
account, is opened here when received and completed when answered, so admins see what is
still open and by when it is due.

Export and erasure jobs call `open_request` when they are asked and `complete_request` when
they end (failed ones too, with a readable outcome).
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from gdpr.audit import audit_record
from gdpr.models import (
    OPEN_STATUSES,
    AuditAction,
    DataSubjectRequest,
    RequestKind,
    RequestStatus,
)

# GDPR art. 12(3): an answer within one month of receipt.
ANSWER_WITHIN = timedelta(days=30)


@transaction.atomic
def open_request(
    *,
    kind: RequestKind | str,
    user=None,
    email: str = "",
    reference: str = "",
    awaiting_confirmation: bool = False,
    ip: str | None = None,
) -> DataSubjectRequest:
    """Track a request received now; due `ANSWER_WITHIN` later.

    Give `user` for an account holder's request, or `email` for an anonymous applicant's.
    """
    received_at = timezone.now()
    request = DataSubjectRequest.objects.create(
        kind=RequestKind(kind),
        status=RequestStatus.AWAITING_CONFIRMATION if awaiting_confirmation else RequestStatus.OPEN,
        user=user,
        anonymous=user is None,
        email=email,
        reference=str(reference),
        received_at=received_at,
        due_at=received_at + ANSWER_WITHIN,
    )
    audit_record(
        action=AuditAction.GDPR_REQUEST_RECEIVED,
        actor=user,
        target=request,
        ip=ip,
        metadata={"kind": request.kind, "anonymous": request.anonymous},
    )
    return request


@transaction.atomic
def complete_request(
    request: DataSubjectRequest | int, *, outcome: str = "", failed: bool = False
) -> DataSubjectRequest | None:
    """Close an open request (completed, or failed with a readable `outcome`).

    Its email goes: an answered request keeps no personal data. A request already closed
    or gone is left as it is (None): a job that runs twice completes once.
    """
    pk = request.pk if isinstance(request, DataSubjectRequest) else request
    status = RequestStatus.FAILED if failed else RequestStatus.COMPLETED
    closed = DataSubjectRequest.objects.filter(pk=pk, status__in=OPEN_STATUSES).update(
        status=status, outcome=outcome[:255], completed_at=timezone.now(), email=""
    )
    if not closed:
        return None
    request = DataSubjectRequest.objects.get(pk=pk)
    audit_record(
        action=AuditAction.GDPR_REQUEST_COMPLETED,
        target=request,
        metadata={"kind": request.kind, "status": request.status},
    )
    return request


def open_requests() -> QuerySet[DataSubjectRequest]:
    """Requests still to answer, the soonest due first."""
    return DataSubjectRequest.objects.filter(status__in=OPEN_STATUSES).order_by("due_at", "id")


def unconfirmed_requests_close(*, link_ttl: timedelta) -> int:
    """Fail the requests whose confirmation link expired unopened; their address goes."""
    stale = DataSubjectRequest.objects.filter(
        status=RequestStatus.AWAITING_CONFIRMATION, received_at__lt=timezone.now() - link_ttl
    ).values_list("pk", flat=True)
    outcome = "The confirmation link was not opened in time."
    return sum(1 for pk in list(stale) if complete_request(pk, outcome=outcome, failed=True))
