"""JWT pairs: issue, rotate (each refresh token works once), revoke."""

from django.conf import settings
from django.db import transaction
from rest_framework_simplejwt.exceptions import TokenBackendError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.state import token_backend
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken
from rest_framework_simplejwt.utils import get_md5_hash_password

from accounts.errors import AccountDisabled, InvalidRefreshToken
from accounts.models import User


def token_pair(user: User) -> dict:
    refresh = RefreshToken.for_user(user)
    return {
        "access_token": str(refresh.access_token),
        "refresh_token": str(refresh),
        "token_type": "bearer",
        "expires_in": int(settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"].total_seconds()),
    }


def _verified_refresh_claims(raw_token: str) -> dict:
    """Signature, expiry and type checked; blacklist state is checked by the caller."""
    try:
        claims = token_backend.decode(raw_token, verify=True)
    except TokenBackendError as exc:
        raise InvalidRefreshToken() from exc
    if claims.get(api_settings.TOKEN_TYPE_CLAIM) != "refresh" or "jti" not in claims:
        raise InvalidRefreshToken()
    return claims


def _outstanding(claims: dict) -> OutstandingToken:
    # simplejwt orders tokens by user (an outer join), which FOR UPDATE refuses: lock by jti.
    tokens = OutstandingToken.objects.select_for_update(of=("self",)).order_by("pk")
    token = tokens.filter(jti=claims["jti"]).first()
    if token is None:
        raise InvalidRefreshToken()
    return token


def _token_owner(claims: dict) -> User:
    user = User.objects.filter(pk=claims.get(api_settings.USER_ID_CLAIM)).first()
    if user is None:
        raise InvalidRefreshToken()
    if not user.is_active:
        raise AccountDisabled()
    # The token was issued before the password last changed.
    if claims.get(api_settings.REVOKE_TOKEN_CLAIM) != get_md5_hash_password(user.password):
        raise InvalidRefreshToken()
    return user


@transaction.atomic
def token_refresh(*, refresh_token: str) -> dict:
    """Trade a refresh token for a new pair; the old one is blacklisted and never works again.

    The row lock makes two simultaneous refreshes with one token yield one new pair.
    """
    claims = _verified_refresh_claims(refresh_token)
    outstanding = _outstanding(claims)
    user = _token_owner(claims)
    _, created = BlacklistedToken.objects.get_or_create(token=outstanding)
    if not created:
        raise InvalidRefreshToken()
    return token_pair(user)


@transaction.atomic
def token_revoke(*, refresh_token: str, all_devices: bool = False) -> None:
    """Log out: blacklist this refresh token, or every one of its owner's tokens."""
    claims = _verified_refresh_claims(refresh_token)
    outstanding = _outstanding(claims)
    if all_devices and outstanding.user_id:
        tokens_revoke_for_user(user_id=outstanding.user_id)
    else:
        BlacklistedToken.objects.get_or_create(token=outstanding)


def tokens_revoke_for_user(*, user_id: int) -> int:
    """Blacklist every refresh token the user holds (sign out everywhere)."""
    live = OutstandingToken.objects.filter(user_id=user_id, blacklistedtoken__isnull=True)
    return len(BlacklistedToken.objects.bulk_create([BlacklistedToken(token=t) for t in live]))
