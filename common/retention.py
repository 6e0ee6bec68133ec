"""
The one way old personal or reader data is deleted: a management command per app, run daily
from cron, built on RetentionCommand (--months, --dry-run, one transaction).
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

# A month is counted as 30.44 days: the exact day matters little for retention.
DAYS_PER_MONTH = 30.44


def cutoff(months, now=None):
    """Return the moment before which data kept `months` months is deleted."""
    return (now or timezone.now()) - datetime.timedelta(days=round(months * DAYS_PER_MONTH))


class RetentionCommand(BaseCommand):
    """Delete what `expired(cutoff)` returns: {description: queryset}."""

    setting_name = ""  # the setting that says how many months to keep, for --help

    def default_months(self):
        """Read the setting at run time (tests change it)."""
        raise NotImplementedError

    def expired(self, cutoff):
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            help=f"Keep this many months (default: the setting {self.setting_name}).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, months, dry_run, verbosity, **options):
        months = self.default_months() if months is None else months
        moment = cutoff(months)
        querysets = self.expired(moment)
        counts = {name: queryset.count() for name, queryset in querysets.items()}
        if not dry_run:
            with transaction.atomic():
                for queryset in querysets.values():
                    queryset.delete()
        if verbosity >= 1:
            verb = "Would delete" if dry_run else "Deleted"
            parts = [f"{count} {name}" for name, count in counts.items()]
            what = " and ".join(filter(None, [", ".join(parts[:-1]), parts[-1]]))
            self.stdout.write(self.style.SUCCESS(f"{verb} {what} older than {moment:%Y-%m-%d}."))
