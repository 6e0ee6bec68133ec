"""Write the search index again from the published content (after a deployment or an import
that skipped save(), such as QuerySet.update())."""

from django.core.management.base import BaseCommand

from search import index


class Command(BaseCommand):
    help = "Write every search entry again from the published pages, places and routes."

    def handle(self, *args, verbosity, **options):
        count = index.rebuild()
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} entries."))
