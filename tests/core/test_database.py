import logging

import pytest
from django.db import connection


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's journal mode only")
def test_migrated_sqlite_database_uses_wal_for_concurrent_readers_and_writer():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


def test_the_middleware_chain_switches_between_async_and_sync_only_at_its_ends(settings, caplog):
    from django.core.handlers.asgi import ASGIHandler

    settings.DEBUG = True  # Django logs each adaptation only in debug mode
    with caplog.at_level(logging.DEBUG, logger="django.request"):
        ASGIHandler()
    adapted = [r.getMessage() for r in caplog.records if "adapted for middleware" in r.getMessage()]
    assert adapted == [
        "Asynchronous handler adapted for middleware core.middleware.SynchronousChainMiddleware."
    ]
