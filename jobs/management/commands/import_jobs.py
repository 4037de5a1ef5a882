"""manage.py import_jobs: postings from a JSON/CSV feed file or a JSearch search."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.models import Role
from core.errors import DomainError
from jobs.imports.feeds import feed_rows
from jobs.imports.jsearch import MAX_PAGES, jsearch_rows
from jobs.imports.service import jobs_import

SHOWN_ERRORS = 20


class Command(BaseCommand):
    help = (
        "Import job postings from a feed (--file feed.csv|feed.json) or JSearch "
        '(--jsearch "python developer in Berlin"). Re-importing updates instead of duplicating.'
    )

    def add_arguments(self, parser):
        what = parser.add_mutually_exclusive_group(required=True)
        what.add_argument("--file", type=Path, help="a JSON or CSV feed")
        what.add_argument("--jsearch", metavar="QUERY", help="search JSearch (JSEARCH_API_KEY)")
        parser.add_argument("--pages", type=int, default=1, help=f"JSearch pages, 1-{MAX_PAGES}")
        parser.add_argument("--source", help='source name (default "feed", or "jsearch")')
        parser.add_argument(
            "--owner", metavar="EMAIL", help="recruiter or admin who owns the new postings"
        )
        parser.add_argument("--dry-run", action="store_true", help="validate and report only")

    def handle(self, *args, **options):
        owner = self._owner(options["owner"])
        try:
            rows, source = self._rows(options)
            report = jobs_import(owner=owner, rows=rows, source=source, dry_run=options["dry_run"])
        except DomainError as error:
            raise CommandError(str(error.detail)) from error
        prefix = "Dry run: would have " if report.dry_run else ""
        self.stdout.write(
            f"{prefix}created {report.created}, updated {report.updated}, "
            f"unchanged {report.unchanged}, failed {report.failed}"
        )
        for entry in report.errors[:SHOWN_ERRORS]:
            messages = "; ".join(
                f"{field}: {' '.join(texts)}" for field, texts in entry["errors"].items()
            )
            self.stderr.write(f"row {entry['row']} ({entry['source_job_id']}): {messages}")
        if len(report.errors) > SHOWN_ERRORS:
            self.stderr.write(f"... and {len(report.errors) - SHOWN_ERRORS} more rows with errors")
        if report.failed and not (report.created or report.updated or report.unchanged):
            raise CommandError("No posting could be imported.")

    def _rows(self, options) -> tuple[list, str]:
        if options["file"] is not None:
            path = options["file"]
            try:
                data = path.read_bytes()
            except OSError as error:
                raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
            return feed_rows(name=path.name, data=data), options["source"] or "feed"
        if not 1 <= options["pages"] <= MAX_PAGES:
            raise CommandError(f"--pages must be between 1 and {MAX_PAGES}.")
        rows = jsearch_rows(options["jsearch"], pages=options["pages"])
        return rows, options["source"] or "jsearch"

    @staticmethod
    def _owner(email):
        if not email:
            return None
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user with the email {email}.")
        if not user.has_role(Role.RECRUITER):
            raise CommandError(f"{email} is not a recruiter or admin.")
        return user
