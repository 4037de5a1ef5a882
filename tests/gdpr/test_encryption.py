import logging

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError
from django.core.management import call_command
from django.db import connection

from accounts.models import User
from gdpr import crypto
from gdpr.fields import EncryptedJSONField
from tests.accounts.factories import CandidateFactory

pytestmark = pytest.mark.django_db

OLD_KEY, NEW_KEY = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def raw_phone(user_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM accounts_user WHERE id = %s", [user_id])
        return cursor.fetchone()[0]


def test_personal_data_is_ciphertext_in_the_row(settings):
    settings.PII_ENCRYPTION_KEYS = [OLD_KEY]
    user = CandidateFactory(phone="+33 6 12 34 56 78")
    stored = raw_phone(user.pk)
    assert "12 34" not in stored
    assert Fernet(OLD_KEY).decrypt(stored.encode()).decode() == "+33 6 12 34 56 78"
    assert User.objects.get(pk=user.pk).phone == "+33 6 12 34 56 78"


def test_data_stays_readable_after_a_key_rotation(settings):
    settings.PII_ENCRYPTION_KEYS = [OLD_KEY]
    user = CandidateFactory(phone="+1 202 555 0143")

    settings.PII_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    assert User.objects.get(pk=user.pk).phone == "+1 202 555 0143"

    call_command("rotate_pii_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Fernet(NEW_KEY).decrypt(raw_phone(user.pk).encode()).decode() == "+1 202 555 0143"

    settings.PII_ENCRYPTION_KEYS = [NEW_KEY]
    assert User.objects.get(pk=user.pk).phone == "+1 202 555 0143"


def test_a_value_no_key_can_read_is_an_error_not_garbage(settings):
    settings.PII_ENCRYPTION_KEYS = [OLD_KEY]
    user = CandidateFactory(phone="+1 202 555 0143")
    settings.PII_ENCRYPTION_KEYS = [NEW_KEY]
    with pytest.raises(crypto.DecryptionError):
        User.objects.get(pk=user.pk)


def test_same_plaintext_encrypts_differently_each_time():
    assert crypto.encrypt("same") != crypto.encrypt("same")


def test_encrypted_fields_refuse_filters_that_would_silently_match_nothing():
    with pytest.raises(FieldError, match="encrypted"):
        list(User.objects.filter(phone="+1 202 555 0143"))
    assert list(User.objects.filter(phone__isnull=True)) == []


def test_encrypted_json_round_trips_structures():
    field = EncryptedJSONField()
    value = {"skills": ["Python", "SQL"], "years": 4.5, "remote": True, "manager": None}
    token = field.get_prep_value(value)
    assert "Python" not in token
    assert field.from_db_value(token, None, connection) == value


def test_a_malformed_key_is_a_configuration_error(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.PII_ENCRYPTION_KEYS = ["not-a-fernet-key"]
    with pytest.raises(ImproperlyConfigured, match="Fernet"):
        crypto.encrypt("x")


def test_the_development_key_is_announced_once(settings, caplog):
    settings.PII_ENCRYPTION_KEYS = []
    with caplog.at_level(logging.WARNING, logger="gdpr.crypto"):
        crypto.encrypt("a")
        crypto.encrypt("b")
    warnings = [r for r in caplog.records if "development key" in r.getMessage()]
    assert len(warnings) == 1
