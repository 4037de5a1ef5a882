"""Errors a person reads when accepted suggestions cannot be applied to their resume."""

from core.errors import DomainError


class SuggestionMismatch(DomainError, ValueError):
    """Also a ValueError, so callers outside the API can catch it without knowing DRF."""

    default_code = "suggestion_mismatch"
    default_detail = "Some accepted suggestions do not belong to this resume."
