"""The keyed hash that makes "one application per job and email" checkable without storing
the email in clear."""

import hashlib
import hmac

from django.conf import settings


def email_normalise(email: str) -> str:
    return (email or "").strip().casefold()


def email_key(email: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, email_normalise(email).encode(), hashlib.sha256).hexdigest()
