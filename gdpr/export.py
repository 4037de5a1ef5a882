"""Data export: a background job collects everything every app holds about a person (the
privacy registry) into a zip with one JSON and one CSV file per kind of data, plus the
original files, and keeps it encrypted on disk until the signed download link expires.
"""

import csv
import io
import json
import logging
import zipfile

from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from core import durable
from core.outbox import outbox_enqueue
from gdpr.audit import audit_record
from gdpr.crypto import decrypt_bytes, encrypt_bytes, rotate_bytes
from gdpr.emails import send_export_ready_email
from gdpr.errors import ExportExpired, ExportNotFound, ExportNotReady
from gdpr.export_links import export_token_check, export_ttl
from gdpr.models import AuditAction, DataExport, DataSubjectRequest, ExportStatus, RequestKind
from gdpr.registry import registry
from gdpr.tracker import complete_request, open_request

DATA_EXPORT_JOBS = durable.DurableKind(
    name="data_export",
    model=DataExport,
    task="gdpr.tasks.build_export",
    queued=ExportStatus.QUEUED,
    running=(ExportStatus.RUNNING,),
    failed=ExportStatus.FAILED,
    noun="data export",
    notify="gdpr.export.export_swept",
)
logger = logging.getLogger(__name__)
IN_PROGRESS = (ExportStatus.QUEUED, ExportStatus.RUNNING)
UNEXPECTED = "The export stopped on an unexpected error. Request a new one."


@transaction.atomic
def export_request(*, user, ip: str | None = None) -> DataExport:
    """Start an export of everything held about `user`; an export still being prepared is
    returned instead of starting a second one."""
    running = DataExport.objects.filter(user=user, status__in=IN_PROGRESS).first()
    if running is not None:
        return running
    export = DataExport.objects.create(user=user)
    audit_record(action=AuditAction.GDPR_EXPORT_REQUESTED, actor=user, target=export, ip=ip)
    open_request(kind=RequestKind.EXPORT, user=user, reference=export.pk)
    durable.send_after_commit(DATA_EXPORT_JOBS, [export.pk])
    return export


def exports_for_user(*, user):
    return DataExport.objects.filter(user=user).order_by("-created_at")


def export_get(*, user, export_id) -> DataExport:
    """One of `user`'s exports; another person's (or none) is a 404."""
    export = exports_for_user(user=user).filter(pk=export_id).first()
    if export is None:
        raise ExportNotFound()
    return export


def export_download_available(export: DataExport) -> bool:
    return export.status == ExportStatus.READY and export.expires_at > timezone.now()


def export_build(*, export_id: str) -> None:
    """The job: claim the row, write the archive, mark it ready and email the person."""
    if not durable.claim(DATA_EXPORT_JOBS, export_id, status=ExportStatus.RUNNING):
        return
    export = DataExport.objects.select_related("user").get(pk=export_id)
    try:
        content = encrypt_bytes(export_archive(export.user))
    except durable.TRANSIENT_ERRORS:
        raise  # the row stays running; the sweeper hands it to a worker again
    except Exception:
        with transaction.atomic():
            DataExport.objects.filter(pk=export.pk).update(
                status=ExportStatus.FAILED, error_message=UNEXPECTED, progress_at=timezone.now()
            )
            _complete_request(export, UNEXPECTED, failed=True)
        raise
    _store(export, content)


def _store(export: DataExport, content: bytes) -> None:
    export.archive.save("export.bin", ContentFile(content), save=False)
    now = timezone.now()
    with transaction.atomic():
        stored = DataExport.objects.filter(pk=export.pk, status=ExportStatus.RUNNING).update(
            status=ExportStatus.READY,
            archive=export.archive.name,
            size_bytes=len(content),
            completed_at=now,
            expires_at=now + export_ttl(),
            progress_at=now,
        )
        if stored:
            outbox_enqueue(send_export_ready_email, str(export.pk))
            _complete_request(export, "Export ready to download.")
    if not stored:  # erased or failed meanwhile: the file has no row to belong to
        export.archive.storage.delete(export.archive.name)


def export_swept(export: DataExport) -> None:
    """The sweeper changed the row: one that failed for good answers its request."""
    if export.status == ExportStatus.FAILED:
        _complete_request(export, export.error_message, failed=True)


def _complete_request(export: DataExport, outcome: str, *, failed: bool = False) -> None:
    tracked = DataSubjectRequest.objects.filter(
        kind=RequestKind.EXPORT, reference=str(export.pk)
    ).first()
    if tracked is not None:
        complete_request(tracked, outcome=outcome, failed=failed)


def export_archive(user) -> bytes:
    """The zip: README.txt, `<label>.json` and `<label>.csv` for every registered kind of
    data, and the original files under `files/<label>/`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        names = []
        for entry in registry.entries:
            records = entry.export(user)
            archive.writestr(f"{entry.label}.json", _as_json(records))
            archive.writestr(f"{entry.label}.csv", _as_csv(records))
            names += [f"{entry.label}.json", f"{entry.label}.csv"]
            for name, content in entry.files(user) if entry.files else ():
                archive.writestr(f"files/{entry.label}/{name}", content)
                names.append(f"files/{entry.label}/{name}")
        archive.writestr("README.txt", _readme(names))
    return buffer.getvalue()


def _as_json(records) -> str:
    return json.dumps(records, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def _as_csv(records) -> str:
    """One row per record; nested values (lists, objects) as JSON text in their cell."""
    rows = records if isinstance(records, list) else [records] if records else []
    rows = [row if isinstance(row, dict) else {"value": row} for row in rows]
    columns = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return value


def _readme(names: list[str]) -> str:
    lines = [
        "Everything Hirewise holds about you.",
        f"Prepared {timezone.now():%Y-%m-%d %H:%M} UTC.",
        "",
        "Each kind of data comes twice: as JSON (complete, nested) and as CSV (one row per",
        "record, nested values written as JSON text). Files you uploaded are under files/.",
        "",
        *names,
    ]
    return "\n".join(lines) + "\n"


# --- The download link ---------------------------------------------------------------------


def export_download(*, export: DataExport, token: str, user, ip: str | None = None) -> bytes:
    """The zip for its owner, through a valid signed link, audited as a read of personal
    data. Expired → 410; a link that does not name this export → 404."""
    export_token_check(export, token)
    if export.status == ExportStatus.EXPIRED or (
        export.status == ExportStatus.READY and not export_download_available(export)
    ):
        raise ExportExpired()
    if export.status != ExportStatus.READY:
        raise ExportNotReady()
    with export.archive.open("rb") as stored:
        content = decrypt_bytes(stored.read())
    with transaction.atomic():
        DataExport.objects.filter(pk=export.pk).update(downloaded_at=timezone.now())
        audit_record(action=AuditAction.GDPR_EXPORT_DOWNLOADED, actor=user, target=export, ip=ip)
    return content


def export_file_name(export: DataExport) -> str:
    return f"hirewise-data-{export.created_at:%Y-%m-%d}.zip"


# --- Expiry and erasure --------------------------------------------------------------------


def exports_expire(*, now=None) -> int:
    """Delete the files of exports past their expiry; the rows stay, marked expired."""
    now = now or timezone.now()
    expired = DataExport.objects.filter(status=ExportStatus.READY, expires_at__lte=now)
    count = 0
    for export in expired.only("pk", "archive"):
        if DataExport.objects.filter(pk=export.pk, status=ExportStatus.READY).update(
            status=ExportStatus.EXPIRED, archive=""
        ):
            _delete_file(export.archive.name)
            count += 1
    return count


def exports_erase(user) -> None:
    """Privacy-registry eraser: the user's exports and their files (after commit)."""
    exports = DataExport.objects.filter(user=user)
    names = [name for name in exports.values_list("archive", flat=True) if name]
    exports.delete()
    if names:
        transaction.on_commit(lambda: [_delete_file(name) for name in names])


def export_files_rotate(**kwargs) -> str:
    """Re-encrypt the stored exports under the newest PII key (receiver of
    `pii_keys_rotated`): a new file, then the row points at it, then the old one goes."""
    count = 0
    for export in DataExport.objects.filter(status=ExportStatus.READY).only("pk", "archive"):
        old_name = export.archive.name
        with export.archive.open("rb") as stored:
            rotated = rotate_bytes(stored.read())
        export.archive.save("export.bin", ContentFile(rotated), save=False)
        DataExport.objects.filter(pk=export.pk).update(archive=export.archive.name)
        _delete_file(old_name)
        count += 1
    return f"data exports: {count} re-encrypted"


def _delete_file(name: str) -> None:
    try:
        DataExport._meta.get_field("archive").storage.delete(name)
    except OSError:
        logger.warning("Could not remove export file %s", name, exc_info=True)
