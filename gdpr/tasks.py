from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail

from gdpr.emails import send_export_ready_email  # noqa: F401  (registered with the worker)
from gdpr.export import export_build, exports_expire
from gdpr.models import DataSubjectRequest, RequestKind, RequestStatus
from gdpr.request_links import confirmation_link, link_ttl
from gdpr.retention import purge_expired
from gdpr.tracker import unconfirmed_requests_close


@shared_task
def purge_expired_data() -> dict:
    """Periodic (CELERY_BEAT_SCHEDULE; a timer in the embedded mode): data past retention, and
    anonymous requests whose link expired unopened.

    Not a durable job: each run recomputes what is past its date, so a run lost with its
    worker is made good by the next one.
    """
    report = purge_expired(dry_run=False)
    report["unconfirmed_requests_closed"] = unconfirmed_requests_close(link_ttl=link_ttl())
    return report


WHAT = {
    RequestKind.EXPORT: "a copy of the applications",
    RequestKind.ERASURE: "the erasure of the applications",
}


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_request_confirmation(request_id: int) -> None:
    """Mail the confirmation link of an anonymous applicant's request (sent via the outbox)."""
    request = DataSubjectRequest.objects.filter(
        pk=request_id, status=RequestStatus.AWAITING_CONFIRMATION
    ).first()
    if request is None:
        return
    hours = settings.GDPR_REQUEST_LINK_TTL_HOURS
    send_mail(
        subject="Confirm your Hirewise data request",
        message="\n".join(
            [
                "Hello,",
                "",
                f"Someone asked Hirewise for {WHAT[RequestKind(request.kind)]} sent with this "
                "address without an account. If it was you, confirm here "
                f"(the link works for {hours} hours):",
                confirmation_link(request),
                "",
                "If it was not you, ignore this email: nothing happens without the link.",
                "",
                "— Hirewise",
            ]
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[request.email],
    )


@shared_task(acks_late=True)
def build_export(export_id: str) -> None:
    """Durable (gdpr.export.DATA_EXPORT_JOBS): write one person's data export."""
    export_build(export_id=export_id)


@shared_task
def expire_exports() -> int:
    """Periodic: delete the files of exports whose download link has expired."""
    return exports_expire()
