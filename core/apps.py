from django.apps import AppConfig
from django.db.models.signals import post_migrate


def use_sqlite_wal(using, **kwargs):
    """WAL lets readers and a writer work at once; the mode is stored in the database file,
    so setting it after each migrate spares every new connection the statement."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Platform"

    def ready(self):
        # Sent once per app with models; the statement is idempotent.
        post_migrate.connect(use_sqlite_wal, dispatch_uid="core.use_sqlite_wal")
        from core.api.fields import keep_json_types

        keep_json_types()
        from core.durable import register
        from core.outbox import OUTBOX

        register(OUTBOX)
