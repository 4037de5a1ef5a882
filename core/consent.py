"""Whose data the current work handles, and whether they let an outside AI provider see it.

gdpr keeps the consent records, ai calls the provider, and neither imports the other: gdpr
registers its check at start-up (`set_provider_consent_check`) and ai asks
`outside_ai_allowed()` before every outside call. The person is the signed-in user of the
current request (`DataSubjectMiddleware`, which also sees API users once DRF has
authenticated them) or the user a background job works for (`acting_for`).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_subject: ContextVar[Callable[[], int | None] | None] = ContextVar("data_subject", default=None)
_provider_consent_check: Callable[[int], bool] | None = None


def set_provider_consent_check(check: Callable[[int], bool] | None) -> None:
    """Install `check(user_id) -> allowed` (gdpr does, in its AppConfig.ready())."""
    global _provider_consent_check  # one process-wide hook, set at start-up
    _provider_consent_check = check


@contextmanager
def acting_for(user_id: int | None) -> Iterator[None]:
    """Work inside the block is done with `user_id`'s data."""
    token = _subject.set(lambda: user_id)
    try:
        yield
    finally:
        _subject.reset(token)


def current_subject() -> int | None:
    resolve = _subject.get()
    return resolve() if resolve else None


def outside_ai_allowed() -> bool:
    """False once the person whose data this is withdrew consent to outside AI processing."""
    user_id = current_subject()
    if user_id is None or _provider_consent_check is None:
        return True
    return _provider_consent_check(user_id)


class DataSubjectMiddleware:
    """The request's user is the person whose data the request handles."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _subject.set(lambda: _user_id(request))
        try:
            return self.get_response(request)
        finally:
            _subject.reset(token)


def _user_id(request) -> int | None:
    # DRF sets the authenticated user on the Django request too, so JWT users count.
    user = getattr(request, "user", None)
    return user.pk if user is not None and user.is_authenticated else None
