from django.db import transaction
from django.http import StreamingHttpResponse
from django.utils import timezone

from gdpr.audit import audit_record
from gdpr.audit_log import audit_csv_rows, audit_entries
from gdpr.models import AuditAction


def audit_csv_response(filters: dict, *, actor, ip: str | None) -> StreamingHttpResponse:
    """The filtered log as a streamed CSV download; the download is itself recorded."""
    with transaction.atomic():
        audit_record(
            action=AuditAction.AUDIT_EXPORTED,
            actor=actor,
            object_type="gdpr.audit",
            ip=ip,
            metadata={"filters": {key: str(value) for key, value in filters.items()}},
        )
    response = StreamingHttpResponse(
        audit_csv_rows(audit_entries(**filters)), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
