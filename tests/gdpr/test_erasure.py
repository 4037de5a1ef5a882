"""Erasure leaves nothing personal behind: not in any column of any table (encrypted ones
read through the ORM, every text column read raw too), nor in any stored file."""

import contextlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection

from gdpr.crypto import DecryptionError, decrypt_bytes
from gdpr.models import AuditLogEntry, DataSubjectRequest
from tests.accounts.factories import PASSWORD
from tests.conftest import client_for
from tests.gdpr.everywhere import PERSON, user_with_data_everywhere

pytestmark = pytest.mark.django_db


def orm_occurrences(needles: list[str]) -> list[str]:
    """`model.field` of every value, decrypted, that contains one of `needles`."""
    found = []
    lowered = [needle.lower() for needle in needles]
    for model in apps.get_models():
        fields = model._meta.concrete_fields
        for row in model._base_manager.all().iterator():
            for field in fields:
                text = as_text(field.value_from_object(row)).lower()
                if any(needle in text for needle in lowered):
                    found.append(f"{model._meta.label}.{field.name} (row {row.pk})")
    return found


def raw_occurrences(needles: list[str]) -> list[str]:
    """`table.column` of every stored value (as the database holds it) containing one."""
    found = []
    lowered = [needle.lower() for needle in needles]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    if any(needle in as_text(value).lower() for needle in lowered):
                        found.append(f"{table}.{column}")
    return found


def file_occurrences(needles: list[str]) -> list[str]:
    """Stored files (decrypted when encrypted, unpacked when a zip) containing one."""
    found = []
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        if path.is_file() and any(
            needle.encode() in readable(path.read_bytes()) for needle in needles
        ):
            found.append(str(path.relative_to(settings.MEDIA_ROOT)))
    return found


def readable(content: bytes) -> bytes:
    with contextlib.suppress(DecryptionError):
        content = decrypt_bytes(content)
    if zipfile.is_zipfile(io.BytesIO(content)):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return b"\n".join(archive.read(name) for name in archive.namelist())
    return content


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode(errors="replace")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def test_the_person_is_planted_everywhere_the_scan_looks(django_capture_on_commit_callbacks):
    """The scan finds the person before erasure: in the ORM, raw columns and files."""
    user_with_data_everywhere()

    assert len(orm_occurrences(PERSON.needles)) > 20
    assert raw_occurrences([PERSON.email])
    assert len(file_occurrences(PERSON.needles)) >= 3  # resume, application upload, export


def test_every_model_pointing_at_a_user_holds_a_row_of_the_person():
    """New models with personal data join the erasure test by planting a row in
    tests/gdpr/everywhere.py; this fails until they do."""
    user = user_with_data_everywhere()
    user_model = type(user)
    missing = []
    for model in apps.get_models():
        links = [
            field.name
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is user_model
        ]
        if (
            links
            and model is not LogEntryModel()
            and not any(model._base_manager.filter(**{link: user}).exists() for link in links)
        ):
            missing.append(model._meta.label)
    assert missing == []


def LogEntryModel():
    # The admin's own history is written by admins; entries about the person are planted.
    return apps.get_model("admin", "LogEntry")


def test_erasure_leaves_no_occurrence_of_the_person_anywhere(django_capture_on_commit_callbacks):
    user = user_with_data_everywhere()
    user_id = user.pk

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(user).post(
            "/api/v1/gdpr/delete", {"password": PASSWORD}, format="json"
        )

    assert response.status_code == 204
    leftovers = orm_occurrences(PERSON.needles)
    assert leftovers == [], leftovers
    assert raw_occurrences(PERSON.needles) == []
    assert file_occurrences(PERSON.needles) == []
    # The record of the erasure stays, naming nobody.
    erased = AuditLogEntry.objects.get(action="gdpr.erased")
    assert erased.object_id == str(user_id) and erased.actor is None
    assert "applications" in erased.metadata["erased"]
    assert DataSubjectRequest.objects.filter(kind="erasure", status="completed").exists()
