import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.tokens import token_pair
from tests.accounts.factories import (
    AdminFactory,
    CandidateFactory,
    DomainExpertFactory,
    RecruiterFactory,
)

ROLE_FACTORIES = {
    "candidate": CandidateFactory,
    "recruiter": RecruiterFactory,
    "domain_expert": DomainExpertFactory,
    "admin": AdminFactory,
}


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
