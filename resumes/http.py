"""HTTP pieces the API and the pages share: answering with a file."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes

from resumes.rendering import CONTENT_TYPES as DOCUMENT_TYPES


def file_response(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def download_schema(content_types) -> dict:
    """`extend_schema(responses=...)` of a file download sent as any of `content_types`."""
    return {(200, media.split(";")[0]): OpenApiTypes.BINARY for media in content_types}


def formats_schema(formats) -> dict:
    """The download schema of generated documents in these formats (pdf, docx, ...)."""
    return download_schema(DOCUMENT_TYPES[fmt] for fmt in formats)


def document_response(content: bytes, fmt: str, stem: str) -> HttpResponse:
    """A generated document (`fmt` pdf, docx or txt) as a download named `<stem>.<fmt>`."""
    return file_response(content, DOCUMENT_TYPES[fmt], f"{stem}.{fmt}")


def enhanced_resume_stem(resume) -> str:
    return f"{resume.original_name.rsplit('.', 1)[0]}-enhanced"


def cover_letter_stem(letter) -> str:
    return f"cover-letter-{str(letter.pk)[:8]}"


def template_sample_stem(template_id: str) -> str:
    return f"hirewise-{template_id}"
