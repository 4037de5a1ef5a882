from django.dispatch import Signal

# Sent by `manage.py rotate_pii_keys` after the encrypted columns: apps re-encrypt what they
# keep elsewhere (files) under the newest key and return a line to report.
pii_keys_rotated = Signal()
