from types import SimpleNamespace

import django_ratelimit.core
import pytest
from django.core.cache import cache
from django.test import override_settings
from rest_framework.test import APIClient

from accounts.tokens import token_pair
from tests.accounts.factories import (
    AdminFactory,
    CandidateFactory,
    DomainExpertFactory,
    RecruiterFactory,
)

# MD5 keeps the suite fast; tests/accounts/test_auth_api.py proves production uses Argon2.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Where the rate limiter's clock stands in every test: one fixed instant, so the requests of
# a test always share one rate-limit window however slowly the machine runs them.
RATE_LIMIT_NOW = 1_800_000_000

ROLE_FACTORIES = {
    "candidate": CandidateFactory,
    "recruiter": RecruiterFactory,
    "domain_expert": DomainExpertFactory,
    "admin": AdminFactory,
}


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hasher():
    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS):
        yield


@pytest.fixture(autouse=True)
def _frozen_rate_limit_window(monkeypatch):
    """django-ratelimit counts in fixed windows of the wall clock: two requests a moment apart
    could fall into two windows. Its clock stands still instead (the project's does not)."""
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: RATE_LIMIT_NOW))


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Fresh rate-limit counters and media folder; background tasks run before the call
    returns."""
    cache.clear()
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BACKGROUND_TASK_MODE = "inline"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    yield
    cache.clear()


@pytest.fixture
def api_client():
    return APIClient()


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_pair(user)['access_token']}")
    return client


@pytest.fixture
def user_of_role(db):
    """`user_of_role("recruiter")` → a saved user with that role."""
    return lambda role, **fields: ROLE_FACTORIES[role](**fields)


@pytest.fixture
def candidate(db):
    return CandidateFactory()


@pytest.fixture
def recruiter(db):
    return RecruiterFactory()


@pytest.fixture
def admin_user(db):
    return AdminFactory()


@pytest.fixture
def candidate_client(candidate):
    return client_for(candidate)


@pytest.fixture
def recruiter_client(recruiter):
    return client_for(recruiter)


@pytest.fixture
def admin_client_api(admin_user):
    return client_for(admin_user)


# --- Three users for permission tests (see CONVENTIONS.md) ----------------------------------


@pytest.fixture
def owner(db):
    """A candidate: the owner of the objects a permission test creates for them."""
    return CandidateFactory()


@pytest.fixture
def colleague(db):
    """A recruiter: a user with a higher role than the owner, who still may not reach the
    owner's personal objects (resumes, analyses)."""
    return RecruiterFactory()


@pytest.fixture
def outsider(db):
    """Another candidate, with the owner's role but none of the owner's objects: an object
    endpoint answers them 404, never 403."""
    return CandidateFactory()
