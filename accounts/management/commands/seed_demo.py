from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.models import Role, User

DEMO_PASSWORD = "hirewise-demo-2026"  # noqa: S105 - printed on purpose, development only
DEMO_USERS = [
    (Role.CANDIDATE, "candidate@demo.hirewise.local", "Casey Candidate"),
    (Role.RECRUITER, "recruiter@demo.hirewise.local", "Riley Recruiter"),
    (Role.DOMAIN_EXPERT, "expert@demo.hirewise.local", "Dana Expert"),
    (Role.ADMIN, "admin@demo.hirewise.local", "Alex Admin"),
]


class Command(BaseCommand):
    help = "Create (or reset) one demo user per role and print how to sign in. Never in production."

    def handle(self, *args, **options):
        if settings.ENVIRONMENT == "production":
            raise CommandError("Demo users with known passwords are not created in production.")
        self.stdout.write(f"Demo users (password for all: {DEMO_PASSWORD})")
        for role, email, name in DEMO_USERS:
            user, _ = User.objects.update_or_create(
                email=email,
                defaults={"name": name, "role": role, "is_active": True},
                create_defaults={
                    "name": name,
                    "role": role,
                    "is_active": True,
                    "email_verified_at": timezone.now(),
                },
            )
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            self.stdout.write(f"  {role.label:<14} {email}")
