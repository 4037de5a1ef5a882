"""Taking in resume files: encrypted storage, text extraction and parsing, each audited.

Files arrive checked (`resumes.files.check_upload` makes the `CheckedUpload` these accept).
"""

import logging

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from gdpr.audit import audit_record
from gdpr.crypto import decrypt_bytes, encrypt_bytes, rotate_bytes
from gdpr.models import AuditAction
from resumes.extraction import ExtractedText, extract_text
from resumes.files import CheckedUpload, check_upload
from resumes.models import Resume, ResumeSource
from resumes.parsing import parse_resume

logger = logging.getLogger(__name__)


def resume_store(
    *,
    owner,
    upload: CheckedUpload,
    source: str = ResumeSource.UPLOAD,
    linkedin_url: str = "",
    extracted: ExtractedText | None = None,
    ip: str | None = None,
) -> Resume:
    """Keep a checked file encrypted under a random name, audited as an upload.

    With `extracted`, the text and parsed profile are stored with it.
    """
    resume = Resume(
        owner=owner,
        original_name=upload.name,
        file_kind=upload.kind,
        file_size=len(upload.data),
        source=source,
        linkedin_url=linkedin_url,
    )
    if extracted is not None:
        _fill_text(resume, extracted)
    resume.stored_file.save("resume.bin", ContentFile(encrypt_bytes(upload.data)), save=False)
    try:
        with transaction.atomic():
            resume.save()
            audit_record(
                action=AuditAction.RESUME_UPLOADED,
                actor=owner,
                target=resume,
                ip=ip,
                metadata={"source": source, "kind": upload.kind},
            )
    except BaseException:
        resume.stored_file.delete(save=False)
        raise
    return resume


def resume_from_text(*, owner, text: str) -> Resume:
    """A resume pasted as text, stored like an uploaded .txt file."""
    pasted = SimpleUploadedFile("pasted-resume.txt", text.encode("utf-8"), "text/plain")
    return resume_store(owner=owner, upload=check_upload(pasted), source=ResumeSource.ANALYSIS_TEXT)


def resume_read_original(*, resume: Resume) -> bytes:
    with resume.stored_file.open("rb") as stored:
        return decrypt_bytes(stored.read())


def resume_download_original(*, resume: Resume, user, ip: str | None = None) -> bytes:
    """The original file for its owner to download, audited as a read of personal data."""
    content = resume_read_original(resume=resume)
    audit_record(action=AuditAction.RESUME_ORIGINAL_DOWNLOADED, actor=user, target=resume, ip=ip)
    return content


def resume_extract(*, resume: Resume) -> Resume:
    """Read the text out of the stored file and parse it into the profile."""
    _fill_text(resume, extract_text(resume_read_original(resume=resume), resume.file_kind))
    resume.save(
        update_fields=["text", "extraction_method", "page_count", "parsed_data", "updated_at"]
    )
    return resume


def resume_upload(
    *, owner, upload: CheckedUpload, linkedin_url: str = "", ip: str | None = None
) -> Resume:
    """Read and parse a checked upload before anything is stored: a file that cannot be read
    leaves nothing behind."""
    return resume_store(
        owner=owner,
        upload=upload,
        linkedin_url=linkedin_url,
        extracted=extract_text(upload.data, upload.kind),
        ip=ip,
    )


def _fill_text(resume: Resume, extracted: ExtractedText) -> None:
    resume.text = extracted.text
    resume.extraction_method = extracted.method
    resume.page_count = extracted.pages
    resume.parsed_data = parse_resume(extracted.text)


def resume_delete(*, resume: Resume, user, ip: str | None = None) -> None:
    """Delete the row (and its analyses), audited; the encrypted file goes once the delete
    commits."""
    stored = resume.stored_file
    with transaction.atomic():
        audit_record(action=AuditAction.RESUME_DELETED, actor=user, target=resume, ip=ip)
        resume.delete()
        transaction.on_commit(lambda: _delete_file(stored))


def resume_files_rotate(**kwargs) -> str:
    """Re-encrypt every stored resume file under the newest PII key (a new file, then the
    row points at it, then the old one goes: a crash midway loses nothing)."""
    count = 0
    for resume in Resume.objects.only("pk", "stored_file").iterator(chunk_size=200):
        old = resume.stored_file
        with old.open("rb") as stored:
            rotated = rotate_bytes(stored.read())
        resume.stored_file = None
        resume.stored_file.save("resume.bin", ContentFile(rotated), save=False)
        Resume.objects.filter(pk=resume.pk).update(stored_file=resume.stored_file.name)
        _delete_file(old)
        count += 1
    return f"resume files: {count} re-encrypted"


def resume_files_delete(names: list[str]) -> None:
    """Remove stored files by name (after the rows that named them are gone)."""
    storage = Resume._meta.get_field("stored_file").storage
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Could not remove resume file %s", name, exc_info=True)


def _delete_file(stored) -> None:
    try:
        stored.delete(save=False)
    except OSError:
        logger.warning("Could not remove resume file %s", stored.name, exc_info=True)
