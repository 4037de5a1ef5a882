"""File formats the document modules produce, with the content type each is served with."""

from resumes.errors import UnsupportedFormat

CONTENT_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def require_format(fmt: str, allowed: tuple[str, ...]) -> str:
    """`fmt` when it is one of `allowed`, else UnsupportedFormat naming the choices."""
    if fmt not in allowed:
        raise UnsupportedFormat(f"Unsupported format {fmt!r}: choose one of {', '.join(allowed)}.")
    return fmt
