"""What can go wrong when calling an outside service, as exception types that name it.

Plain exceptions, not API errors: each service's own client decides what a person reads
(e.g. the JSearch importer turns them into its 502 domain errors).
"""


class ServiceError(Exception):
    """An outside service failed; `service` is its short name, `label` how people call it."""

    def __init__(
        self,
        message: str,
        *,
        service: str,
        label: str,
        status: int | None = None,
        attempts: int = 1,
    ):
        super().__init__(message)
        self.service = service
        self.label = label
        self.status = status
        self.attempts = attempts


class ServiceUnavailable(ServiceError):
    """Worth trying again later: 5xx after the retries, timeouts, dropped connections, or an
    answer that is not JSON. `retry_after` is the wait the service asked for, if any."""

    def __init__(
        self,
        message: str,
        *,
        timed_out: bool = False,
        retry_after: float | None = None,
        **fields,
    ):
        super().__init__(message, **fields)
        self.timed_out = timed_out
        self.retry_after = retry_after


class ServiceRateLimited(ServiceUnavailable):
    """429 after the retries, or with a Retry-After longer than the client may wait."""


class ServiceRejected(ServiceError):
    """A 4xx other than 429: asking again will not help. `detail` is the service's words."""

    def __init__(self, message: str, *, detail: str = "", **fields):
        super().__init__(message, **fields)
        self.detail = detail


class ServiceUnauthorized(ServiceRejected):
    """401 or 403: the key or token was refused."""


class ServiceNotFound(ServiceRejected):
    """404: the thing asked for does not exist there (a deleted user, a wrong id)."""
