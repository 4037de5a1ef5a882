"""Errors a person reads when an import cannot start: a bad file, or JSearch unreachable."""

from rest_framework import status

from core.errors import DomainError


class FeedTooLarge(DomainError):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "file_too_large"
    default_detail = "The feed is larger than the upload limit."


class FeedTooManyRows(DomainError):
    default_code = "too_many_rows"
    default_detail = "The feed has more rows than one import takes."


class UnsupportedFeed(DomainError):
    status_code = status.HTTP_415_UNSUPPORTED_MEDIA_TYPE
    default_code = "unsupported_file_type"
    default_detail = "Upload a JSON or CSV feed."


class UnreadableFeed(DomainError):
    default_code = "unreadable_feed"
    default_detail = "The feed cannot be read."


class JSearchNotConfigured(DomainError):
    default_code = "jsearch_not_configured"
    default_detail = (
        "Importing from JSearch is not set up on this server. "
        "Set JSEARCH_API_KEY or upload a JSON/CSV feed."
    )


class JSearchUnavailable(DomainError):
    status_code = status.HTTP_502_BAD_GATEWAY
    default_code = "jsearch_unavailable"
    default_detail = "JSearch did not answer. Try again in a few minutes, or upload a feed."


class JSearchRejectedKey(DomainError):
    status_code = status.HTTP_502_BAD_GATEWAY
    default_code = "jsearch_rejected_key"
    default_detail = (
        "JSearch refused this server's API key (expired, or not subscribed to JSearch). "
        "Check JSEARCH_API_KEY."
    )


class InvalidImportSource(DomainError):
    default_code = "invalid_import_source"
    default_detail = (
        "Name the source in lower-case letters, digits, dots, dashes or underscores "
        "(at most 50), other than the name of postings written here."
    )
