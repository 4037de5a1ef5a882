import factory
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import Role, User

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    name = factory.Faker("name")
    role = Role.CANDIDATE
    # Hashed when the user is made, with the suite's fast hasher (tests/conftest.py).
    password = factory.LazyFunction(lambda: make_password(PASSWORD))
    # An established account; tests of the verification flow pass email_verified_at=None.
    email_verified_at = factory.LazyFunction(timezone.now)


class CandidateFactory(UserFactory):
    role = Role.CANDIDATE


class RecruiterFactory(UserFactory):
    role = Role.RECRUITER


class DomainExpertFactory(UserFactory):
    role = Role.DOMAIN_EXPERT


class AdminFactory(UserFactory):
    role = Role.ADMIN
