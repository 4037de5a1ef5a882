"""Symmetric encryption of personal data at rest, with key rotation (MultiFernet).

`PII_ENCRYPTION_KEYS` lists Fernet keys, newest first: the first encrypts, all decrypt.
Without it (development only; production refuses to start) a key is derived from
SECRET_KEY and a warning says so once.
"""

import base64
import hashlib
import logging
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

logger = logging.getLogger(__name__)


class DecryptionError(Exception):
    """Stored ciphertext could not be read with any configured key."""


def derive_development_key(secret: str) -> bytes:
    digest = hashlib.sha256(b"hirewise-pii:" + secret.encode()).digest()
    return base64.urlsafe_b64encode(digest)


@cache
def _cipher() -> MultiFernet:
    keys = [key.strip() for key in settings.PII_ENCRYPTION_KEYS if key.strip()]
    if not keys:
        logger.warning(
            "PII_ENCRYPTION_KEYS is not set: personal data is encrypted with a development key "
            "derived from SECRET_KEY. Set PII_ENCRYPTION_KEYS for any real data."
        )
        keys = [derive_development_key(settings.SECRET_KEY)]
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as exc:
        raise ImproperlyConfigured(
            "PII_ENCRYPTION_KEYS must be Fernet keys (32 url-safe base64-encoded bytes)."
        ) from exc


@receiver(setting_changed)
def _forget_keys(setting, **kwargs):
    if setting in {"PII_ENCRYPTION_KEYS", "SECRET_KEY"}:
        _cipher.cache_clear()


def encrypt(plaintext: str) -> str:
    return _cipher().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _cipher().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise DecryptionError("No configured PII key decrypts this value.") from exc


def encrypt_bytes(data: bytes) -> bytes:
    """Encrypt a file's content (a Fernet token, itself url-safe base64)."""
    return _cipher().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    try:
        return _cipher().decrypt(token)
    except InvalidToken as exc:
        raise DecryptionError("No configured PII key decrypts this file.") from exc


def rotate_bytes(token: bytes) -> bytes:
    """Re-encrypt a file's token under the newest key."""
    try:
        return _cipher().rotate(token)
    except InvalidToken as exc:
        raise DecryptionError("No configured PII key decrypts this file.") from exc
