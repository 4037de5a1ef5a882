"""Errors a person reads when a resume cannot be taken in, read or analysed."""

from rest_framework import status

from core.errors import DomainError


class UnsupportedFileType(DomainError):
    status_code = status.HTTP_415_UNSUPPORTED_MEDIA_TYPE
    default_code = "unsupported_file_type"
    default_detail = "Upload a PDF, DOCX, DOC or TXT file."


class FileTooLarge(DomainError):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "file_too_large"
    default_detail = "The file is larger than the upload limit."


class UnreadableFile(DomainError):
    default_code = "unreadable_file"
    default_detail = "The file is damaged or not what its name says, and cannot be read."


class EncryptedFile(DomainError):
    default_code = "encrypted_file"
    default_detail = "The file is password-protected. Remove the password and upload it again."


class NoReadableText(DomainError):
    default_code = "no_readable_text"
    default_detail = (
        "The file has no readable text (a scanned image?). Upload a file with selectable text."
    )


class ReaderMissing(DomainError):
    status_code = status.HTTP_415_UNSUPPORTED_MEDIA_TYPE
    default_code = "reader_missing"
    default_detail = "This server cannot read this kind of file."
