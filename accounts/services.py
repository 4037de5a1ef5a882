"""Account writes: registration, sign-in, profile changes, user creation, deletion."""

from django.contrib.auth import password_validation
from django.contrib.auth.models import update_last_login
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from accounts.errors import (
    AccountDisabled,
    EmailAlreadyVerified,
    EmailTaken,
    InvalidCredentials,
    RoleNotAllowed,
)
from accounts.models import (
    PROFILE_FIELDS,
    SELF_SERVICE_ROLES,
    Role,
    User,
    normalize_email,
)
from accounts.signals import email_verified
from accounts.tasks import send_verification_email, send_welcome_email
from accounts.tokens import tokens_revoke_for_user
from accounts.verification import verification_token_user
from core.outbox import outbox_enqueue
from gdpr.audit import audit_record
from gdpr.erasure import erasure_confirm, user_erase
from gdpr.models import AuditAction


def _validate_password(password: str, user: User) -> None:
    try:
        password_validation.validate_password(password, user)
    except DjangoValidationError as exc:
        raise ValidationError({"password": list(exc.messages)}) from exc


def _insert_user(user: User) -> User:
    if User.objects.filter(email=user.email).exists():
        raise EmailTaken()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:  # lost a race with a simultaneous registration
        raise EmailTaken() from exc
    return user


@transaction.atomic
def user_register(
    *, email: str, password: str, name: str, role: str = Role.CANDIDATE, ip: str | None = None
) -> User:
    """Self-service sign-up as a candidate or recruiter; mails a link to verify the email."""
    if role not in SELF_SERVICE_ROLES:
        raise ValidationError({"role": ["Choose candidate or recruiter."]})
    user = User(email=normalize_email(email), name=name.strip(), role=role)
    _validate_password(password, user)
    user.set_password(password)
    _insert_user(user)
    audit_record(action=AuditAction.ACCOUNT_REGISTERED, actor=user, target=user, ip=ip)
    outbox_enqueue(send_verification_email, user.pk)
    return user


@transaction.atomic
def user_create(
    *, creator: User, email: str, name: str, role: str, password: str = "", ip: str | None = None
) -> User:
    """A recruiter or admin creates an account with a role strictly below their own.

    An admin vouches for the address (the account is verified); a recruiter does not.
    """
    if Role(role).rank >= Role(creator.role).rank:
        raise RoleNotAllowed()
    user = User(email=normalize_email(email), name=name.strip(), role=role)
    if creator.role == Role.ADMIN:
        user.email_verified_at = timezone.now()
    if password:
        _validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    _insert_user(user)
    audit_record(
        action=AuditAction.ACCOUNT_CREATED,
        actor=creator,
        target=user,
        ip=ip,
        metadata={"role": role},
    )
    outbox_enqueue(send_welcome_email, user.pk)
    return user


@transaction.atomic
def user_set_access(
    *,
    actor: User,
    user: User,
    role: str | None = None,
    is_active: bool | None = None,
    ip: str | None = None,
) -> User:
    """An admin changes a user's role or active flag; a deactivated user is signed out."""
    changes = {
        field: value
        for field, value in (("role", role), ("is_active", is_active))
        if value is not None and getattr(user, field) != value
    }
    if user.pk == actor.pk and changes:
        raise ValidationError({"non_field_errors": ["You cannot change your own access."]})
    for field, value in changes.items():
        setattr(user, field, value)
    if changes:
        user.save(update_fields=[*changes, "updated_at"])
        access_changed(actor=actor, user=user, fields=list(changes), ip=ip)
    return user


def access_changed(*, actor: User, user: User, fields: list[str], ip: str | None) -> None:
    """Record a change of role or activity (API or Django admin); deactivation signs out."""
    audit_record(
        action=AuditAction.ACCOUNT_ACCESS_CHANGED,
        actor=actor,
        target=user,
        ip=ip,
        metadata={"fields": fields, "role": user.role, "is_active": user.is_active},
    )
    if not user.is_active:
        tokens_revoke_for_user(user_id=user.pk)


@transaction.atomic
def user_verify_email(*, token: str, ip: str | None = None) -> User:
    """Mark the address a verification link was mailed to as the user's own.

    Apps that match records by email attach them to the account now (`email_verified`).
    Opening the link again changes nothing.
    """
    user = verification_token_user(token)
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at", "updated_at"])
        audit_record(action=AuditAction.ACCOUNT_EMAIL_VERIFIED, actor=user, target=user, ip=ip)
        email_verified.send(sender=User, user=user)
    return user


def email_verification_resend(*, user: User) -> None:
    """Mail a fresh verification link; 409 once the email is verified."""
    if user.email_verified_at is not None:
        raise EmailAlreadyVerified()
    outbox_enqueue(send_verification_email, user.pk)


def user_authenticate(*, email: str, password: str, ip: str | None = None) -> User:
    """Check a password sign-in; the same work is done for unknown emails (no timing leak)."""
    user = User.objects.filter(email=normalize_email(email)).first()
    if user is None:
        User().set_password(password)
        raise InvalidCredentials()
    if not user.check_password(password):
        audit_record(action=AuditAction.AUTH_LOGIN_FAILED, target=user, ip=ip)
        raise InvalidCredentials()
    if not user.is_active:
        raise AccountDisabled()
    update_last_login(None, user)
    audit_record(action=AuditAction.AUTH_LOGIN, actor=user, target=user, ip=ip)
    return user


@transaction.atomic
def user_update_profile(*, user: User, data: dict, ip: str | None = None) -> User:
    """Change the profile fields present in `data`."""
    changed = [field for field in PROFILE_FIELDS if field in data]
    for field in changed:
        setattr(user, field, data[field])
    if changed:
        user.save(update_fields=[*changed, "updated_at"])
        audit_record(
            action=AuditAction.ACCOUNT_PROFILE_UPDATED,
            actor=user,
            target=user,
            ip=ip,
            metadata={"fields": changed},
        )
    return user


@transaction.atomic
def profile_skills_add(*, user: User, skills: list[str], ip: str | None = None) -> list[str]:
    """Add `skills` to the user's profile skills (kept once each, in the order added);
    returns the ones that were new."""
    known = {skill.casefold() for skill in user.skills}
    added = []
    for skill in skills:
        if skill.casefold() not in known:
            known.add(skill.casefold())
            added.append(skill)
    if added:
        user.skills = [*user.skills, *added]
        user.save(update_fields=["skills", "updated_at"])
        audit_record(
            action=AuditAction.ACCOUNT_PROFILE_UPDATED,
            actor=user,
            target=user,
            ip=ip,
            metadata={"fields": ["skills"], "added": len(added)},
        )
    return added


def account_delete(*, user: User, actor: User | None = None) -> None:
    """Erase the account (gdpr.erasure: every app's data through the privacy registry, then
    the user row); the audit entry kept names no person."""
    user_erase(user=user, actor=actor)


def account_delete_own(*, user: User, password: str) -> None:
    """A user deletes their own account, confirming with their password if they have one."""
    erasure_confirm(user=user, password=password)


def erase_profile(user: User) -> None:
    """Privacy-registry eraser: strip the profile and sign the user out everywhere."""
    tokens_revoke_for_user(user_id=user.pk)
    for field in PROFILE_FIELDS:
        setattr(user, field, "")
    user.skills = []
    user.save(update_fields=[*PROFILE_FIELDS, "skills", "updated_at"])


def user_mark_dashboard_seen(*, user: User) -> None:
    """Remember this visit: the next one counts what arrived after it as new."""
    User.objects.filter(pk=user.pk).update(dashboard_seen_at=timezone.now())
