import factory
from django.contrib.auth.hashers import make_password

from accounts.models import Role, User

PASSWORD = "correct-horse-battery"
# Hash once: Argon2 is deliberately slow, and most tests only need a known password.
_PASSWORD_HASH = make_password(PASSWORD)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    name = factory.Faker("name")
    role = Role.CANDIDATE
    password = _PASSWORD_HASH


class CandidateFactory(UserFactory):
    role = Role.CANDIDATE


class RecruiterFactory(UserFactory):
    role = Role.RECRUITER


class DomainExpertFactory(UserFactory):
    role = Role.DOMAIN_EXPERT


class AdminFactory(UserFactory):
    role = Role.ADMIN
