"""Upload checks: a resume file's name, declared type and content must tell the same story.

`check_upload` is the only gate between a user's bytes and the readers in
`resumes.extraction`: it refuses files that are too large, empty, of a kind we do not read,
or whose content disagrees with their name or declared type, and it looks inside a DOCX's
ZIP directory (without decompressing anything) to refuse zip bombs before python-docx opens
them. It runs once per upload and hands on a `CheckedUpload`, which the services accept
instead of checking again.
"""

import io
import math
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings

from resumes.errors import FileTooLarge, UnreadableFile, UnsupportedFileType
from resumes.extraction.plain import BOMS, detect_encoding

KIND_BY_EXTENSION = {".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".txt": "txt"}

# Browsers and operating systems disagree on MIME types; these are the variants seen in the
# wild for each kind. Zip types occur when a browser only recognises the container of a DOCX.
KINDS_BY_MIME_TYPE = {
    "application/pdf": {"pdf"},
    "application/x-pdf": {"pdf"},
    "application/acrobat": {"pdf"},
    "application/vnd.pdf": {"pdf"},
    "text/pdf": {"pdf"},
    "text/x-pdf": {"pdf"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"docx"},
    "application/zip": {"docx"},
    "application/x-zip-compressed": {"docx"},
    "application/msword": {"doc", "docx"},
    "application/vnd.ms-word": {"doc"},
    "application/x-msword": {"doc"},
    "application/doc": {"doc"},
    "text/plain": {"txt"},
    "application/txt": {"txt"},
    "text/x-log": {"txt"},
}
# Types that say "the client does not know": the content (magic bytes) decides.
UNKNOWN_MIME_TYPES = {
    "",
    "application/octet-stream",
    "binary/octet-stream",
    "application/unknown",
    "application/force-download",
    "application/x-download",
}

PDF_MAGIC = b"%PDF-"
PDF_MAGIC_WINDOW = 1024  # the PDF spec tolerates junk before the header; readers look this far
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SNIFF_BYTES = 8192

DOCX_REQUIRED_ENTRIES = ("word/document.xml", "[Content_Types].xml")
ZIP_MAX_ENTRIES = 1_000
ZIP_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
ZIP_MAX_RATIO = 100
ZIP_RATIO_MIN_ENTRY_BYTES = 1024 * 1024  # small entries (styles, XML parts) compress well

# What the content really is, by its first bytes, named as a person would say it.
_SIGNATURES = (
    (ZIP_MAGIC, "zip", "a ZIP archive"),
    (OLE_MAGIC, "ole", "an Office 97-2003 document"),
    (b"MZ", "exe", "a Windows program"),
    (b"\x7fELF", "exe", "a Linux program"),
    (b"\xcf\xfa\xed\xfe", "exe", "a macOS program"),
    (b"\xfe\xed\xfa\xcf", "exe", "a macOS program"),
    (b"{\\rtf", "rtf", "an RTF document"),
    (b"\x89PNG", "image", "a PNG image"),
    (b"\xff\xd8\xff", "image", "a JPEG image"),
    (b"GIF8", "image", "a GIF image"),
)
_CONTENT_KIND = {"pdf": "pdf", "zip": "docx", "ole": "doc"}
_KIND_NAMES = {"pdf": "a PDF", "docx": "a DOCX", "doc": "a DOC", "txt": "a text file"}


@dataclass(frozen=True)
class CheckedUpload:
    """A resume file that passed `check_upload`, the only function that makes one."""

    name: str  # as shown back to the user: no directories, at most 255 characters
    kind: str  # "pdf", "docx", "doc" or "txt"
    data: bytes


def check_upload(upload, *, max_bytes: int | None = None) -> CheckedUpload:
    """Check an uploaded file (`name`, `size`, `content_type`, `read()`) and read it once.

    Size first, before reading (413), then emptiness (400), then the extension, the declared
    MIME type and the magic bytes, which must agree (415). A DOCX's ZIP directory is checked
    for bombs (400) before anything is decompressed. The limit defaults to
    RESUME_MAX_UPLOAD_MB.
    """
    _check_size(upload.size, settings.RESUME_MAX_UPLOAD_BYTES if max_bytes is None else max_bytes)
    data = upload.read()
    if not data:
        raise UnreadableFile("The file is empty.")
    kind = _kind_from_name(upload.name)
    _check_declared_type(kind, getattr(upload, "content_type", None))
    _check_content(kind, data)
    return CheckedUpload(name=_display_name(upload.name, kind), kind=kind, data=data)


def _display_name(name: str, kind: str) -> str:
    """The name shown back to the user: no directories, at most 255 characters."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip() or f"resume.{kind}"
    return base[-255:]


def _check_size(size: int, max_bytes: int) -> None:
    """413 for a file over the limit."""
    if size > max_bytes:
        raise FileTooLarge(
            f"The file is {_megabytes(size)} MB; the limit is {_megabytes(max_bytes)} MB."
        )


def _megabytes(size: int) -> str:
    """Rounded up to 0.1 MB, so a file just over the limit does not show as equal to it."""
    tenths = math.ceil(size * 10 / (1024 * 1024))
    return f"{tenths / 10:.1f}".removesuffix(".0")


def _kind_from_name(name: str) -> str:
    extension = PurePath(name or "").suffix.lower()
    kind = KIND_BY_EXTENSION.get(extension)
    if kind is None:
        shown = f"Files ending in {extension}" if extension else "Files without an extension"
        raise UnsupportedFileType(f"{shown} are not accepted. Upload a PDF, DOCX, DOC or TXT file.")
    return kind


def _check_declared_type(kind: str, declared_type: str | None) -> None:
    mime_type = (declared_type or "").split(";", 1)[0].strip().lower()
    if mime_type in UNKNOWN_MIME_TYPES:
        return
    kinds = KINDS_BY_MIME_TYPE.get(mime_type)
    if kinds is None:
        raise UnsupportedFileType(
            f"The file was sent as {mime_type}, which is not a resume format. "
            "Upload a PDF, DOCX, DOC or TXT file."
        )
    if kind not in kinds:
        raise UnsupportedFileType(
            f"The file's name says {_KIND_NAMES[kind]} but it was sent as {mime_type}."
        )


def sniff(data: bytes) -> tuple[str | None, str]:
    """What the first bytes say the content is: (code, description); code None for text."""
    if PDF_MAGIC in data[:PDF_MAGIC_WINDOW]:
        return "pdf", "a PDF"
    for magic, code, description in _SIGNATURES:
        if data.startswith(magic):
            return code, description
    return None, "text"


def _check_content(kind: str, data: bytes) -> None:
    code, description = sniff(data)
    if kind == "txt":
        _check_text(code, description, data)
        return
    if _CONTENT_KIND.get(code) != kind:
        raise UnsupportedFileType(
            f"The file's content is {description}, not {_KIND_NAMES[kind]}, although its name "
            f"ends in .{kind}."
        )
    if kind == "docx":
        check_docx_container(data)


def _check_text(code: str | None, description: str, data: bytes) -> None:
    if code is not None:
        raise UnsupportedFileType(
            f"The file's content is {description}, not plain text, although its name ends in .txt."
        )
    has_bom = data.startswith(tuple(bom for bom, _ in BOMS))
    if not has_bom and b"\x00" in data[:TEXT_SNIFF_BYTES]:
        raise UnsupportedFileType(
            "The file contains binary data, not plain text, although its name ends in .txt."
        )
    if detect_encoding(data) is None:
        raise UnsupportedFileType("The file's content cannot be read as text in any encoding.")


def check_docx_container(data: bytes) -> None:
    """Refuse a DOCX whose ZIP directory is damaged, a bomb, or not a Word document.

    Only the central directory is read (`infolist()`): sizes are the ones the archive
    declares. An archive that under-declares them cannot hurt either, because zipfile stops
    reading an entry at its declared size and then fails the CRC check.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as error:
        raise UnreadableFile(
            "The DOCX file is damaged: its ZIP structure cannot be read."
        ) from error
    _check_bomb(entries)
    names = {entry.filename for entry in entries}
    missing = [name for name in DOCX_REQUIRED_ENTRIES if name not in names]
    if missing:
        raise UnsupportedFileType(
            f"The file is a ZIP archive but not a Word document (it has no {missing[0]})."
        )


def _check_bomb(entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > ZIP_MAX_ENTRIES:
        raise UnreadableFile(
            f"The DOCX file looks like a zip bomb: it holds {len(entries):,} entries "
            f"(a Word document has far fewer than {ZIP_MAX_ENTRIES:,})."
        )
    total = sum(entry.file_size for entry in entries)
    if total > ZIP_MAX_UNCOMPRESSED_BYTES:
        raise UnreadableFile(
            f"The DOCX file looks like a zip bomb: it would unpack to {_megabytes(total)} MB "
            f"(the limit is {_megabytes(ZIP_MAX_UNCOMPRESSED_BYTES)} MB)."
        )
    for entry in entries:
        if entry.file_size < ZIP_RATIO_MIN_ENTRY_BYTES:
            continue
        if entry.file_size > ZIP_MAX_RATIO * max(entry.compress_size, 1):
            raise UnreadableFile(
                f"The DOCX file looks like a zip bomb: {entry.filename} is compressed more "
                f"than {ZIP_MAX_RATIO}:1."
            )
