from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from gdpr.fields import encrypted_fields
from gdpr.signals import pii_keys_rotated


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted column and file under the newest PII key. Put the new key "
        "first in PII_ENCRYPTION_KEYS, keep the old ones after it, run this, then drop the old "
        "keys."
    )

    def handle(self, *args, **options):
        for model in apps.get_models():
            columns = encrypted_fields(model)
            if columns:
                count = self._rotate_model(model, columns)
                self.stdout.write(f"{model._meta.label}: {count} rows re-encrypted")
        for _receiver, report in pii_keys_rotated.send(sender=self.__class__):
            self.stdout.write(str(report))

    @staticmethod
    @transaction.atomic
    def _rotate_model(model, columns: list[str]) -> int:
        count = 0
        # Values arrive decrypted; update() encrypts them again with the newest key.
        for obj in model._base_manager.only("pk", *columns).iterator(chunk_size=500):
            model._base_manager.filter(pk=obj.pk).update(
                **{column: getattr(obj, column) for column in columns}
            )
            count += 1
        return count
