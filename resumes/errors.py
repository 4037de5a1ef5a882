"""Errors a person reads when a resume cannot be taken in, read, analysed or turned into a
document (enhancement, cover letter, rendered resume)."""

from http import HTTPStatus

from core.errors import DomainError


class UnsupportedFileType(DomainError):
    status_code = HTTPStatus.UNSUPPORTED_MEDIA_TYPE
    error_code = "unsupported_file_type"
    message = "Upload a PDF, DOCX, DOC or TXT file."


class FileTooLarge(DomainError):
    status_code = HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    error_code = "file_too_large"
    message = "The file is larger than the upload limit."


class UnreadableFile(DomainError):
    error_code = "unreadable_file"
    message = "The file is damaged or not what its name says, and cannot be read."


class EncryptedFile(DomainError):
    error_code = "encrypted_file"
    message = "The file is password-protected. Remove the password and upload it again."


class NoReadableText(DomainError):
    error_code = "no_readable_text"
    message = (
        "The file has no readable text (a scanned image?). Upload a file with selectable text."
    )


class ReaderMissing(DomainError):
    status_code = HTTPStatus.UNSUPPORTED_MEDIA_TYPE
    error_code = "reader_missing"
    message = "This server cannot read this kind of file."


class UnknownSuggestion(DomainError):
    error_code = "unknown_suggestion"
    message = "Some suggestion ids do not belong to this enhancement."


class PromptNotAnswered(DomainError):
    """An accepted suggestion still asks for something only the person knows (a number)."""

    error_code = "prompt_not_answered"
    message = (
        "Some accepted suggestions ask for a detail only you know: send your own wording in "
        "`edits`, with the bracketed prompt replaced."
    )


class ResumeNotReadable(DomainError):
    error_code = "resume_not_parsed"
    message = "This resume has no readable text to work from."


class AnalysisNotRetryable(DomainError):
    error_code = "analysis_not_retryable"


class AnalysisNotDeletable(DomainError):
    error_code = "analysis_not_deletable"


class AnalysisNotCompleted(DomainError):
    error_code = "analysis_not_completed"
    message = "Only completed analyses can be exported."


class JobPostingNotFound(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "job_not_found"
    message = "No open job posting has this id."


class UnknownTone(DomainError, ValueError):
    error_code = "unknown_tone"
    message = "Choose a tone: professional, enthusiastic or concise."


class UnknownTemplate(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "unknown_template"
    message = "There is no resume template with this id."


class UnsupportedFormat(DomainError, ValueError):
    """Also a ValueError: callers that pass a format through may catch it as a bad value."""

    error_code = "unsupported_format"
    message = "This document cannot be produced in that format."


class SuggestionMismatch(DomainError, ValueError):
    """Also a ValueError: callers that apply suggestions may catch it as a bad value."""

    error_code = "suggestion_mismatch"
    message = "Some accepted suggestions do not belong to this resume."
