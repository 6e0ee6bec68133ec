"""
Load the demo content: the guide's themes (and, as the apps grow, sections, places and the
questionnaire). `make run` calls it with --if-empty so that a second run keeps staff edits.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from guide import demo as guide_demo
from guide.models import Theme


class Command(BaseCommand):
    help = "Load the demo content of the welcome guide."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds guide content.",
        )

    def handle(self, *args, if_empty=False, verbosity=1, **options):
        if if_empty and Theme.objects.exists():
            if verbosity >= 1:
                self.stdout.write("The database already has content: demo not loaded.")
            return
        with transaction.atomic():
            created = guide_demo.load()
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {created} themes."))
