from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
from django.utils import timezone

from gdpr.fields import EncryptedTextField


class Role(models.TextChoices):
    """Ordered: each role holds the rights of every role before it."""

    CANDIDATE = "candidate", "Candidate"
    RECRUITER = "recruiter", "Recruiter"
    DOMAIN_EXPERT = "domain_expert", "Domain expert"
    ADMIN = "admin", "Admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def includes(self, other: "Role") -> bool:
        return self.rank >= Role(other).rank


SELF_SERVICE_ROLES = (Role.CANDIDATE, Role.RECRUITER)
SELF_SERVICE_ROLE_CHOICES = [(role.value, role.label) for role in SELF_SERVICE_ROLES]


# What a user edits about themselves (API, profile page) and what erasure clears.
PROFILE_FIELDS = (
    "name",
    "headline",
    "location",
    "phone",
    "github_url",
    "linkedin_url",
    "stackoverflow_url",
)


def normalize_email(email: str) -> str:
    return email.strip().lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        user = self.model(email=normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.setdefault("email_verified_at", timezone.now())
        return self.create_user(email, password, role=Role.ADMIN, **fields)

    def get_by_natural_key(self, email):
        return self.get(email=normalize_email(email))


class User(AbstractBaseUser):
    """A person signing in with an email. Staff rights come from the `admin` role."""

    email = models.EmailField(unique=True)
    name = models.CharField(max_length=150)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CANDIDATE)
    headline = models.CharField(max_length=160, blank=True)
    location = models.CharField(max_length=120, blank=True)
    phone = EncryptedTextField(blank=True, default="")
    github_url = models.URLField(blank=True)
    linkedin_url = models.URLField(blank=True)
    stackoverflow_url = models.URLField(blank=True)
    # Skills the user added to their profile (e.g. from a footprint scan), canonical names.
    skills = models.JSONField(default=list, blank=True)
    is_active = models.BooleanField(default=True)
    # Set once the user opened the link mailed to this address (or an admin vouched for it);
    # until then nothing is matched to the account by its email.
    email_verified_at = models.DateTimeField(null=True, blank=True)
    # The recruiter dashboard's last visit: what arrived since is "new" there.
    dashboard_seen_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["role", "-created_at"]),
            models.Index(fields=["-created_at"]),
        ]

    def __str__(self):
        return self.email

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    def has_role(self, role: Role | str) -> bool:
        return Role(self.role).includes(Role(role))

    @property
    def is_admin(self) -> bool:
        return self.is_active and self.role == Role.ADMIN

    # Django admin and permission checks: the admin role is the only staff.
    @property
    def is_staff(self) -> bool:
        return self.is_admin

    @property
    def is_superuser(self) -> bool:
        return self.is_admin

    def has_perm(self, perm, obj=None) -> bool:
        return self.is_admin

    def has_perms(self, perm_list, obj=None) -> bool:
        return self.is_admin

    def has_module_perms(self, app_label) -> bool:
        return self.is_admin


class Notification(models.Model):
    """One message for a user's notification centre; pushed live to their open sockets too."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    # The socket message's type, e.g. "application.stage_changed".
    kind = models.CharField(max_length=60)
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "read_at"]),
            models.Index(fields=["user", "-created_at"]),
        ]

    def __str__(self):
        return self.text
