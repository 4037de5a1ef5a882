from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from gdpr.export_links import export_download_token
from gdpr.models import DataExport, ExportStatus


def export_ready_message(export: DataExport, link: str) -> str:
    return "\n".join(
        [
            f"Hello {export.user.name},",
            "",
            "The copy of your Hirewise data you asked for is ready. Download it here (you will",
            f"be asked to sign in); the link works until {export.expires_at:%d %B %Y, %H:%M} UTC,",
            "then the file is deleted:",
            link,
            "",
            "If you did not ask for this export, change your password and tell us.",
            "",
            "— Hirewise",
        ]
    )


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_export_ready_email(export_id: str) -> None:
    """Tell the person their export is ready, with the signed download link."""
    export = (
        DataExport.objects.select_related("user")
        .filter(pk=export_id, status=ExportStatus.READY)
        .first()
    )
    if export is None:
        return
    path = reverse("gdpr:export_download", kwargs={"export_id": export.pk})
    link = f"{settings.SITE_URL}{path}?token={export_download_token(export)}"
    send_mail(
        subject="Your Hirewise data is ready to download",
        message=export_ready_message(export, link),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[export.user.email],
    )
