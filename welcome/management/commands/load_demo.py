"""
Load the demo content: places, then the guide's themes and sections that cite them, and the
questionnaire. `make run` calls it with --if-empty so that a second run keeps
staff edits; without it, the demo is loaded again over what is there (same slugs are updated).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from feedback import demo as feedback_demo
from guide import demo as guide_demo
from guide.models import Theme
from places import demo as places_demo


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
            places = places_demo.load()
            places_demo.load_route()
            themes, sections = guide_demo.load()
            feedback_demo.load()
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content loaded: {themes} themes, {sections} sections, {places} places, "
                    "the questionnaire."
                )
            )
