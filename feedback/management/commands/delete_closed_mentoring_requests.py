"""Delete mentoring requests closed longer ago than the retention period."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback.models import MentoringRequest


class Command(BaseCommand):
    help = "Delete mentoring requests closed more than MENTORING_RETENTION_MONTHS (6) months ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.MENTORING_RETENTION_MONTHS,
            help="Keep closed requests this many months (default: %(default)s).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, months, dry_run, verbosity, **options):
        cutoff = timezone.now() - datetime.timedelta(days=round(months * 30.44))
        old = MentoringRequest.objects.filter(
            status=MentoringRequest.Status.CLOSED, closed_at__lt=cutoff
        )
        count = old.count() if dry_run else old.delete()[0]
        if verbosity >= 1:
            verb = "Would delete" if dry_run else "Deleted"
            self.stdout.write(
                self.style.SUCCESS(f"{verb} {count} requests closed before {cutoff:%Y-%m-%d}.")
            )
