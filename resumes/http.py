"""HTTP pieces the API and the pages share: reading an upload, answering with a file."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from resumes.errors import FileTooLarge
from resumes.models import CONTENT_TYPES

DOCUMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": CONTENT_TYPES["docx"],
    "txt": "text/plain; charset=utf-8",
}


def file_response(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def read_upload(upload) -> bytes:
    """The uploaded bytes; a file over the limit is refused before it is read."""
    if upload.size > settings.RESUME_MAX_UPLOAD_BYTES:
        raise FileTooLarge(
            f"The file is {upload.size / 1_048_576:.1f} MB; the limit is "
            f"{settings.RESUME_MAX_UPLOAD_BYTES // 1_048_576} MB."
        )
    return upload.read()
