from django.core.management.base import BaseCommand

from gdpr.retention import purge_expired


class Command(BaseCommand):
    help = "Remove the data past its retention period; --dry-run only counts it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would go; remove nothing."
        )

    def handle(self, *args, dry_run: bool, **options):
        report = purge_expired(dry_run=dry_run)
        verb = "would remove" if dry_run else "removed"
        for kind, item in report["kinds"].items():
            self.stdout.write(f"{kind}: {verb} {item['count']} (older than {item['cutoff']})")
        self.stdout.write(self.style.SUCCESS(f"Total: {verb} {report['total']}."))
