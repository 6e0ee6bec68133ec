"""Delete questionnaire responses and page votes older than the retention period."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from feedback.models import PageFeedback, Response


class Command(BaseCommand):
    help = "Delete feedback older than FEEDBACK_RETENTION_MONTHS (default 24) months."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.FEEDBACK_RETENTION_MONTHS,
            help="Keep this many months of feedback (default: %(default)s).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, months, dry_run, verbosity, **options):
        # A month is counted as 30.44 days: the exact day matters little for retention.
        cutoff = timezone.now() - datetime.timedelta(days=round(months * 30.44))
        responses = Response.objects.filter(submitted_at__lt=cutoff)
        votes = PageFeedback.objects.filter(created_at__lt=cutoff)
        counts = (responses.count(), votes.count())
        if not dry_run:
            with transaction.atomic():
                responses.delete()
                votes.delete()
        if verbosity >= 1:
            verb = "Would delete" if dry_run else "Deleted"
            self.stdout.write(
                self.style.SUCCESS(
                    f"{verb} {counts[0]} responses and {counts[1]} page votes "
                    f"older than {cutoff:%Y-%m-%d}."
                )
            )
