"""Email verification links: a signed, expiring token naming the account and the address.

The token carries the user id and a keyed hash of the email (never the email itself, since
links end up in logs), so it stops working if the address changes.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from accounts.errors import InvalidVerificationToken, VerificationTokenExpired
from accounts.models import User

SALT = "accounts.email-verification"
MAX_AGE = timedelta(days=3)


def _email_proof(email: str) -> str:
    return salted_hmac(SALT, email).hexdigest()[:24]


def verification_token(user: User) -> str:
    return signing.dumps({"user": user.pk, "email": _email_proof(user.email)}, salt=SALT)


def verification_link(user: User) -> str:
    path = reverse("accounts:verify_email", kwargs={"token": verification_token(user)})
    return settings.SITE_URL + path


def verification_token_user(token: str) -> User:
    """The active user the token was issued to, for the address they still have.

    Raises VerificationTokenExpired past MAX_AGE and InvalidVerificationToken otherwise.
    """
    try:
        claims = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as exc:
        raise VerificationTokenExpired() from exc
    except signing.BadSignature as exc:
        raise InvalidVerificationToken() from exc
    if not isinstance(claims, dict) or not isinstance(claims.get("user"), int):
        raise InvalidVerificationToken()
    user = User.objects.select_for_update().filter(pk=claims["user"], is_active=True).first()
    if user is None or not constant_time_compare(
        str(claims.get("email", "")), _email_proof(user.email)
    ):
        raise InvalidVerificationToken()
    return user
