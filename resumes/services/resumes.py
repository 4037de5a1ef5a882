"""Taking in resume files: checks, encrypted storage, text extraction and parsing."""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from gdpr.crypto import decrypt_bytes, encrypt_bytes, rotate_bytes
from resumes.extraction import ExtractedText, extract_text
from resumes.files import check_upload
from resumes.models import Resume, ResumeSource
from resumes.parsing import parse_resume

logger = logging.getLogger(__name__)


def resume_store(
    *,
    owner,
    name: str,
    data: bytes,
    declared_type: str | None,
    source: str = ResumeSource.UPLOAD,
    linkedin_url: str = "",
    extracted: ExtractedText | None = None,
) -> Resume:
    """Check a file by size, type and content, then keep it encrypted under a random name.

    With `extracted`, the text and parsed profile are stored with it.
    """
    kind = check_upload(
        name=name,
        declared_type=declared_type,
        data=data,
        max_bytes=settings.RESUME_MAX_UPLOAD_BYTES,
    )
    resume = Resume(
        owner=owner,
        original_name=_display_name(name, kind),
        file_kind=kind,
        file_size=len(data),
        source=source,
        linkedin_url=linkedin_url,
    )
    if extracted is not None:
        _fill_text(resume, extracted)
    resume.stored_file.save("resume.bin", ContentFile(encrypt_bytes(data)), save=False)
    try:
        resume.save()
    except BaseException:
        resume.stored_file.delete(save=False)
        raise
    return resume


def resume_from_text(*, owner, text: str) -> Resume:
    """A resume pasted as text, stored like an uploaded .txt file."""
    return resume_store(
        owner=owner,
        name="pasted-resume.txt",
        data=text.encode("utf-8"),
        declared_type="text/plain",
        source=ResumeSource.ANALYSIS_TEXT,
    )


def resume_read_original(*, resume: Resume) -> bytes:
    with resume.stored_file.open("rb") as stored:
        return decrypt_bytes(stored.read())


def resume_extract(*, resume: Resume) -> Resume:
    """Read the text out of the stored file and parse it into the profile."""
    _fill_text(resume, extract_text(resume_read_original(resume=resume), resume.file_kind))
    resume.save(
        update_fields=["text", "extraction_method", "page_count", "parsed_data", "updated_at"]
    )
    return resume


def resume_upload(*, owner, name: str, data: bytes, declared_type: str | None, linkedin_url=""):
    """Check, read and parse an upload before anything is stored: a file that cannot be read
    leaves nothing behind."""
    kind = check_upload(
        name=name,
        declared_type=declared_type,
        data=data,
        max_bytes=settings.RESUME_MAX_UPLOAD_BYTES,
    )
    return resume_store(
        owner=owner,
        name=name,
        data=data,
        declared_type=declared_type,
        linkedin_url=linkedin_url,
        extracted=extract_text(data, kind),
    )


def _fill_text(resume: Resume, extracted: ExtractedText) -> None:
    resume.text = extracted.text
    resume.extraction_method = extracted.method
    resume.page_count = extracted.pages
    resume.parsed_data = parse_resume(extracted.text)


def resume_delete(*, resume: Resume) -> None:
    """Delete the row (and its analyses); the encrypted file goes once the delete commits."""
    stored = resume.stored_file
    with transaction.atomic():
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


def _delete_file(stored) -> None:
    try:
        stored.delete(save=False)
    except OSError:
        logger.warning("Could not remove resume file %s", stored.name, exc_info=True)


def _display_name(name: str, kind: str) -> str:
    """The name shown back to the user: no directories, at most 255 characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or f"resume.{kind}"
    return base[-255:]
