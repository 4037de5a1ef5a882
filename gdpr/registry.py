"""The personal-data registry: every app declares, in its privacy.py, how to export and how
to erase what it holds about a user. Export, the erasure preview and erasure then cover every
app at once, including apps added later.

The contract of one registration (`registry.register(label, ...)`):
- `export(user)` returns the records as JSON-serialisable values: a list of dicts (one per
  record) or one dict (a single record, like the profile). The data export writes them as
  `<label>.json` and, one row per record, `<label>.csv` (nested values as JSON text).
- `erase(user)` erases or anonymises them; it runs inside the erasure's transaction, and
  files go in `transaction.on_commit`, so a failure anywhere leaves everything as it was.
- `title` names the kind of data for a person ("Resumes and analyses").
- `count(user)` says how many records the preview lists (default: the export's length).
- `kept` is set when erasure keeps the records anonymised rather than deleting them, and
  says why ("recruiters' hiring statistics").
- `files(user)` yields `(name, bytes)` of the original files (decrypted) for the export.

Apps register in INSTALLED_APPS order (lower layers first). Erasure runs in reverse, so the
apps built on top clear their rows before the ones they depend on.

Apps also declare:
- retention kinds (`register_retention`): data kept only for a number of days, with the
  query of what is past its date and how to purge it;
- data held by email without an account (`register_email_data`): how an anonymous
  applicant's data is found, exported and erased from the address they gave.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import QuerySet

FileExporter = Callable[[Any], Iterable[tuple[str, bytes]]]


@dataclass(frozen=True)
class PersonalData:
    label: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None]
    title: str = ""
    count: Callable[[Any], int] | None = None
    kept: str = ""
    files: FileExporter | None = None

    @property
    def name(self) -> str:
        return self.title or self.label.replace("_", " ").capitalize()

    def count_for(self, user) -> int:
        if self.count is not None:
            return self.count(user)
        exported = self.export(user)
        if isinstance(exported, list):
            return len(exported)
        return 1 if exported else 0


@dataclass(frozen=True)
class ErasureLine:
    """One kind of data in the erasure preview: how many records, and what happens to them."""

    label: str
    title: str
    count: int
    outcome: str  # "erased" or "anonymised"
    reason: str


def _delete(expired: QuerySet) -> int:
    return expired.delete()[1].get(expired.model._meta.label, 0)


@dataclass(frozen=True)
class RetentionKind:
    kind: str
    label: str
    default_days: int
    # `expired(cutoff)`: the rows whose retention ended before `cutoff`.
    expired: Callable[[datetime], QuerySet]
    # `purge(rows)`: removes them (deletes by default); returns how many went.
    purge: Callable[[QuerySet], int] = _delete


@dataclass(frozen=True)
class EmailData:
    label: str
    # `count(email)`, `export(email)` and `erase(email)` see only rows held without an account.
    count: Callable[[str], int]
    export: Callable[[str], Any]
    erase: Callable[[str], int]


class PrivacyRegistry:
    def __init__(self):
        self._entries: dict[str, PersonalData] = {}
        self._retention: dict[str, RetentionKind] = {}
        self._email_data: dict[str, EmailData] = {}

    def register(
        self,
        label: str,
        *,
        export: Callable,
        erase: Callable,
        title: str = "",
        count: Callable | None = None,
        kept: str = "",
        files: FileExporter | None = None,
    ) -> None:
        if label in self._entries:
            raise ImproperlyConfigured(f"Personal data '{label}' is registered twice.")
        self._entries[label] = PersonalData(label, export, erase, title, count, kept, files)

    def register_retention(
        self,
        kind: str,
        *,
        label: str,
        default_days: int,
        expired: Callable[[datetime], QuerySet],
        purge: Callable[[QuerySet], int] | None = None,
    ) -> None:
        if kind in self._retention:
            raise ImproperlyConfigured(f"Retention kind '{kind}' is registered twice.")
        if default_days < 1:
            raise ImproperlyConfigured(f"Retention kind '{kind}' needs a positive default.")
        options = {"purge": purge} if purge else {}
        self._retention[kind] = RetentionKind(kind, label, default_days, expired, **options)

    @property
    def retention_kinds(self) -> list[RetentionKind]:
        return list(self._retention.values())

    def register_email_data(
        self,
        label: str,
        *,
        count: Callable[[str], int],
        export: Callable[[str], Any],
        erase: Callable[[str], int],
    ) -> None:
        if label in self._email_data:
            raise ImproperlyConfigured(f"Email data '{label}' is registered twice.")
        self._email_data[label] = EmailData(label, count, export, erase)

    def count_email(self, email: str) -> int:
        """How many rows are held for `email` without an account."""
        return sum(entry.count(email) for entry in self._email_data.values())

    def export_email(self, email: str) -> dict[str, Any]:
        """Everything held for `email` without an account, keyed by label."""
        return {label: entry.export(email) for label, entry in self._email_data.items()}

    @transaction.atomic
    def erase_email(self, email: str) -> dict[str, int]:
        """Erase what is held for `email` without an account; how many rows, per label."""
        return {entry.label: entry.erase(email) for entry in reversed(self._email_data.values())}

    @property
    def labels(self) -> list[str]:
        return list(self._entries)

    @property
    def entries(self) -> list[PersonalData]:
        return list(self._entries.values())

    def export_user(self, user) -> dict[str, Any]:
        """Everything every app holds about `user`, keyed by label; JSON-serialisable."""
        return {label: entry.export(user) for label, entry in self._entries.items()}

    def preview_erasure(self, user) -> list[ErasureLine]:
        """What erasing `user` would do, kind by kind; kinds without records are left out."""
        lines = []
        for entry in self._entries.values():
            count = entry.count_for(user)
            if count:
                outcome = "anonymised" if entry.kept else "erased"
                lines.append(ErasureLine(entry.label, entry.name, count, outcome, entry.kept))
        return lines

    @transaction.atomic
    def erase_user(self, user) -> list[str]:
        """Erase or anonymise `user`'s data in every app; returns the labels erased."""
        erased = []
        for entry in reversed(self._entries.values()):
            entry.erase(user)
            erased.append(entry.label)
        return erased


registry = PrivacyRegistry()
