"""Import postings: validate every row, then create or update them in batches.

A posting is known by (source, source_job_id): importing it again updates that job (or
leaves it alone when nothing differs) instead of adding a duplicate. Rows are validated
before anything is written, so an invalid row is never half-written; valid rows are
written per batch in one transaction, with their skills and vectors derived in one go.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Role
from jobs.derived import jobs_derive, new_short_code, skills_clean
from jobs.errors import InvalidImportSource
from jobs.freshness import jobs_changed
from jobs.imports.rows import RowResult, row_validate
from jobs.models import OWN_SOURCE, Job, JobStatus

BATCH_SIZE = 500
SOURCE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,49}$")
# Fields that feed the skills and the vector: a change to one derives the job again.
TEXT_FIELDS = {"title", "description", "required_skills", "preferred_skills", "skills_edited"}
DERIVED_FIELDS = ["required_skills", "preferred_skills", "skill_keys", "vector", "vector_backend"]
OWNER_CONFLICT = "This posting was imported by another recruiter; only they or an admin update it."


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[dict] = field(default_factory=list)
    job_ids: list[int] = field(default_factory=list)
    dry_run: bool = False

    def as_dict(self) -> dict:
        return asdict(self)

    def fail(self, result: RowResult) -> None:
        self.failed += 1
        self.errors.append(result.error_entry())


@dataclass
class _Batch:
    """What one batch will write: new jobs, and updated jobs with the fields that changed."""

    create: list[Job] = field(default_factory=list)
    update: list[Job] = field(default_factory=list)
    update_fields: set[str] = field(default_factory=set)
    rederive: list[Job] = field(default_factory=list)  # updated jobs whose text changed
    unchanged_ids: list[int] = field(default_factory=list)
    failed: list[RowResult] = field(default_factory=list)


def import_source_clean(source: str) -> str:
    """The source name to store, or 400: a short slug, never the name of our own postings."""
    source = (source or "").strip().lower()
    if not SOURCE_PATTERN.match(source) or source == OWN_SOURCE:
        raise InvalidImportSource()
    return source


def jobs_import(*, owner, rows: Iterable, source: str, dry_run: bool = False) -> ImportReport:
    """Create or update jobs from raw rows; invalid rows are reported, never written.

    `owner` (a recruiter or admin) owns the new jobs; None is a system import (the command
    without --owner) that owns nothing and may update any posting of the source.
    """
    source = import_source_clean(source)
    report = ImportReport(dry_run=dry_run)
    valid = _valid_rows(rows, report)
    try:
        for start in range(0, len(valid), BATCH_SIZE):
            _import_batch(valid[start : start + BATCH_SIZE], owner, source, dry_run, report)
    finally:  # batches already committed count even when a later one fails
        if not dry_run and (report.created or report.updated):
            jobs_changed()
    report.errors.sort(key=lambda entry: entry["row"])
    return report


def _valid_rows(rows: Iterable, report: ImportReport) -> list[RowResult]:
    """Validated rows; invalid ones and repeats of an earlier row's id go to the report."""
    valid, first_row = [], {}
    for number, row in enumerate(rows, start=1):
        result = row_validate(row, number=number)
        if result.errors:
            report.fail(result)
        elif result.source_job_id in first_row:
            result.errors = {
                "source_job_id": [
                    f"Row {first_row[result.source_job_id]} has the same posting; "
                    "each posting is imported once."
                ]
            }
            report.fail(result)
        else:
            first_row[result.source_job_id] = number
            valid.append(result)
    return valid


def _import_batch(results, owner, source, dry_run, report) -> None:
    if dry_run:
        _count(_plan(results, owner, source, lock=False), report, dry_run=True)
        return
    for attempt in range(2):
        try:
            with transaction.atomic():
                batch = _plan(results, owner, source, lock=True)
                _write(batch)
        except IntegrityError:
            # Another import created one of these postings meanwhile: plan again, once.
            if attempt:
                raise
            continue
        _count(batch, report, dry_run=False)
        return


def _plan(results: list[RowResult], owner, source: str, *, lock: bool) -> _Batch:
    existing = Job.objects.filter(
        source=source, source_job_id__in=[result.source_job_id for result in results]
    )
    if lock:
        existing = existing.select_for_update()
    by_id = {job.source_job_id: job for job in existing}
    batch = _Batch()
    now = timezone.now()
    for result in results:
        job = by_id.get(result.source_job_id)
        if job is None:
            batch.create.append(_new_job(result, owner, source, now))
        elif not _may_update(owner, job):
            result.errors = {"source_job_id": [OWNER_CONFLICT]}
            batch.failed.append(result)
        else:
            changed = _apply(job, result.data)
            if changed:
                job.updated_at = now
                batch.update.append(job)
                batch.update_fields |= changed
                if changed & TEXT_FIELDS:
                    batch.rederive.append(job)
            else:
                batch.unchanged_ids.append(job.pk)
    return batch


def _new_job(result: RowResult, owner, source: str, now) -> Job:
    data = dict(result.data)
    data["posted_at"] = data.get("posted_at") or now
    return Job(
        **data,
        source=source,
        source_job_id=result.source_job_id,
        owner=owner,
        status=JobStatus.OPEN,
    )


def _may_update(owner, job: Job) -> bool:
    return owner is None or owner.role == Role.ADMIN or job.owner_id == owner.pk


def _apply(job: Job, data: dict) -> set[str]:
    """Set the row's values on the job; the names of the fields that really changed.

    Fields the row leaves out keep their value, and a row never clears `skills_edited`:
    skills a recruiter set by hand stay theirs.
    """
    changed = set()
    for name, value in _as_stored(data).items():
        if name == "skills_edited" and not value:
            continue
        if getattr(job, name) != value:
            setattr(job, name, value)
            changed.add(name)
    return changed


def _as_stored(data: dict) -> dict:
    """Skills in the form the job keeps them (canonical, preferred without required ones)."""
    data = dict(data)
    if "required_skills" in data:
        data["required_skills"] = skills_clean(data["required_skills"])
    if "preferred_skills" in data:
        required = {name.casefold() for name in data.get("required_skills", ())}
        data["preferred_skills"] = [
            name
            for name in skills_clean(data["preferred_skills"])
            if name.casefold() not in required
        ]
    return data


def _write(batch: _Batch) -> None:
    jobs_derive([*batch.create, *batch.rederive])
    _unique_short_codes(batch.create)
    Job.objects.bulk_create(batch.create)
    if batch.update:
        fields = set(batch.update_fields) | {"updated_at"}
        if batch.rederive:
            fields |= set(DERIVED_FIELDS)
        Job.objects.bulk_update(batch.update, sorted(fields))


def _unique_short_codes(jobs: list[Job]) -> None:
    """New codes for the rare new job whose random code is taken (or repeated in the batch)."""
    while True:
        codes = [job.short_code for job in jobs]
        taken = set(Job.objects.filter(short_code__in=codes).values_list("short_code", flat=True))
        seen: set[str] = set()
        clashes = 0
        for job in jobs:
            if job.short_code in taken or job.short_code in seen:
                job.short_code = new_short_code()
                clashes += 1
            seen.add(job.short_code)
        if not clashes:
            return


def _count(batch: _Batch, report: ImportReport, *, dry_run: bool) -> None:
    report.created += len(batch.create)
    report.updated += len(batch.update)
    report.unchanged += len(batch.unchanged_ids)
    for result in batch.failed:
        report.fail(result)
    if not dry_run:
        report.job_ids += [job.pk for job in batch.create]
    report.job_ids += [job.pk for job in batch.update]
    report.job_ids += batch.unchanged_ids
