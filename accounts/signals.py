"""Signals other apps listen to without accounts importing them (apps depend one way)."""

from django.dispatch import Signal

# Sent inside the verifying transaction, with `user`: apps that match records to accounts by
# email (anonymous job applications) attach them now, and only now.
email_verified = Signal()
