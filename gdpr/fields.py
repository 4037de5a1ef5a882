"""Model fields whose values are encrypted in the database and plain in Python.

Ciphertext is randomised, so these fields cannot be filtered or ordered on; only
`isnull` lookups work. Keep a separate, non-personal column for anything you query.
"""

import json

from django import forms
from django.core.exceptions import FieldError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from gdpr import crypto


class _EncryptedField(models.TextField):
    def to_plaintext(self, value):
        raise NotImplementedError

    def from_plaintext(self, text: str):
        raise NotImplementedError

    def get_prep_value(self, value):
        if value is None:
            return None
        return crypto.encrypt(self.to_plaintext(value))

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return self.from_plaintext(crypto.decrypt(value))

    def get_lookup(self, lookup_name):
        if lookup_name != "isnull":
            raise FieldError(f"{self.name} is encrypted and cannot be filtered with {lookup_name}.")
        return super().get_lookup(lookup_name)


class EncryptedTextField(_EncryptedField):
    description = "Text encrypted at rest"

    def to_plaintext(self, value):
        return str(value)

    def from_plaintext(self, text):
        return text


class EncryptedJSONField(_EncryptedField):
    description = "JSON encrypted at rest"

    def to_plaintext(self, value):
        return json.dumps(value, cls=DjangoJSONEncoder)

    def from_plaintext(self, text):
        return json.loads(text)

    def to_python(self, value):
        return value

    def value_to_string(self, obj):
        return self.to_plaintext(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.JSONField(encoder=DjangoJSONEncoder, **kwargs)


def encrypted_fields(model) -> list[str]:
    return [
        field.attname for field in model._meta.concrete_fields if isinstance(field, _EncryptedField)
    ]
