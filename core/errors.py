"""Domain errors: exceptions with a stable `error_code` that the API and pages both show.

Each subclass sets `status_code`, `default_code` (the error_code) and `default_detail`
(the message a person reads). The API exception handler turns them into the error body.
"""

from rest_framework import exceptions, status


class DomainError(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "bad_request"
    default_detail = "The request cannot be carried out."


class ConflictError(DomainError):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_detail = "The request conflicts with the current state."


class RateLimited(exceptions.Throttled):
    default_code = "rate_limited"
    default_detail = "Too many requests."
    extra_detail_singular = "Try again in {wait} second."
    extra_detail_plural = "Try again in {wait} seconds."

    def __init__(self, state):
        super().__init__(wait=state.reset_in)
        self.state = state
