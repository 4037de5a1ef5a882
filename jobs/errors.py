"""Errors a person reads when a job cannot be found, changed or reopened, or an import
cannot start (a bad feed, or JSearch unreachable)."""

from http import HTTPStatus

from core.errors import ConflictError, DomainError


class JobNotFound(DomainError):
    status_code = HTTPStatus.NOT_FOUND
    error_code = "job_not_found"
    message = "No such job, or it is not open."


class NotJobOwner(DomainError):
    status_code = HTTPStatus.FORBIDDEN
    error_code = "not_job_owner"
    message = "Only the recruiter who posted this job or an admin may change it."


class JobExpired(DomainError):
    error_code = "job_expired"
    message = "The job's end date has passed. Move the end date to open it again."


class JobHasApplications(ConflictError):
    error_code = "job_has_applications"
    message = "People have applied to this job, so it cannot be deleted. Close it instead."


class FeedTooLarge(DomainError):
    status_code = HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    error_code = "file_too_large"
    message = "The feed is larger than the upload limit."


class FeedTooManyRows(DomainError):
    error_code = "too_many_rows"
    message = "The feed has more rows than one import takes."


class UnsupportedFeed(DomainError):
    status_code = HTTPStatus.UNSUPPORTED_MEDIA_TYPE
    error_code = "unsupported_file_type"
    message = "Upload a JSON or CSV feed."


class UnreadableFeed(DomainError):
    error_code = "unreadable_feed"
    message = "The feed cannot be read."


class JSearchNotConfigured(DomainError):
    error_code = "jsearch_not_configured"
    message = (
        "Importing from JSearch is not set up on this server. "
        "Set JSEARCH_API_KEY or upload a JSON/CSV feed."
    )


class JSearchUnavailable(DomainError):
    status_code = HTTPStatus.BAD_GATEWAY
    error_code = "jsearch_unavailable"
    message = "JSearch did not answer. Try again in a few minutes, or upload a feed."


class JSearchRejectedKey(DomainError):
    status_code = HTTPStatus.BAD_GATEWAY
    error_code = "jsearch_rejected_key"
    message = (
        "JSearch refused this server's API key (expired, or not subscribed to JSearch). "
        "Check JSEARCH_API_KEY."
    )


class InvalidImportSource(DomainError):
    error_code = "invalid_import_source"
    message = (
        "Name the source in lower-case letters, digits, dots, dashes or underscores "
        "(at most 50), other than the name of postings written here."
    )
