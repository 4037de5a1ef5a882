from celery import shared_task
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import User
from accounts.verification import MAX_AGE, verification_link


def password_setup_link(user: User) -> str:
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.SITE_URL + path


def welcome_message(user: User) -> str:
    lines = [
        f"Hello {user.name},",
        "",
        f"Your Hirewise account ({user.email}) is ready; your role is "
        f"{user.get_role_display().lower()}.",
    ]
    if not user.has_usable_password():
        lines += ["", "Choose your password here to sign in:", password_setup_link(user)]
    return "\n".join([*lines, "", "— Hirewise"])


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_welcome_email(user_id: int) -> None:
    """Greet a new user (with a set-password link if an admin created the account)."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    send_mail(
        subject="Welcome to Hirewise",
        message=welcome_message(user),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )


def verification_message(user: User) -> str:
    return "\n".join(
        [
            f"Hello {user.name},",
            "",
            f"Please confirm that {user.email} is your address by opening this link "
            f"(it works for {MAX_AGE.days} days):",
            verification_link(user),
            "",
            "Until then, applications sent earlier with this address stay apart from your "
            "account. If you did not create a Hirewise account, ignore this email.",
            "",
            "— Hirewise",
        ]
    )


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_verification_email(user_id: int) -> None:
    """Mail a link that proves the user owns their address; none once it is verified."""
    user = User.objects.filter(pk=user_id, is_active=True, email_verified_at=None).first()
    if user is None:
        return
    send_mail(
        subject="Confirm your Hirewise email",
        message=verification_message(user),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )
