"""The personal-data registry: every app declares, in its privacy.py, how to export and how
to erase what it holds about a user. Export and erasure then cover every app at once.

Apps register in INSTALLED_APPS order (lower layers first). Erasure runs in reverse, so the
apps built on top clear their rows before the ones they depend on.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction


@dataclass(frozen=True)
class PersonalData:
    label: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None]


class PrivacyRegistry:
    def __init__(self):
        self._entries: dict[str, PersonalData] = {}

    def register(self, label: str, *, export: Callable, erase: Callable) -> None:
        if label in self._entries:
            raise ImproperlyConfigured(f"Personal data '{label}' is registered twice.")
        self._entries[label] = PersonalData(label, export, erase)

    @property
    def labels(self) -> list[str]:
        return list(self._entries)

    def export_user(self, user) -> dict[str, Any]:
        """Everything every app holds about `user`, keyed by label; JSON-serialisable."""
        return {label: entry.export(user) for label, entry in self._entries.items()}

    @transaction.atomic
    def erase_user(self, user) -> list[str]:
        """Erase or anonymise `user`'s data in every app; returns the labels erased."""
        erased = []
        for entry in reversed(self._entries.values()):
            entry.erase(user)
            erased.append(entry.label)
        return erased


registry = PrivacyRegistry()
