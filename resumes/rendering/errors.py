"""Errors a person reads when a document cannot be produced in the form they asked for."""

from rest_framework import status

from core.errors import DomainError


class UnknownTemplate(DomainError):
    status_code = status.HTTP_404_NOT_FOUND
    default_code = "unknown_template"
    default_detail = "There is no resume template with this id."


class UnsupportedFormat(DomainError, ValueError):
    """Also a ValueError, so plain callers can catch it without knowing the API layer."""

    default_code = "unsupported_format"
    default_detail = "This document cannot be produced in that format."
