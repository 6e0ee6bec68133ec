"""The benchmarks' content: the demo, and ten times more of it (import after django.setup())."""

import copy

from django.core.management import call_command

from guide.models import Section
from places.models import Place


def load_demo_times(times=10):
    """Load the demo content, copy every section and place (times - 1) more times under new
    slugs, and index them all for the search (bulk_create skips the signals that do it)."""
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    sections, places = list(Section.objects.all()), list(Place.objects.all())
    for n in range(1, times):
        Place.objects.bulk_create([_copy(place, n) for place in places])
        Section.objects.bulk_create([_copy(section, n) for section in sections])
    call_command("rebuild_search_index", verbosity=0)


def _copy(obj, n):
    duplicate = copy.copy(obj)
    duplicate.pk = duplicate.id = None
    duplicate.slug = f"{obj.slug}-{n}"
    return duplicate
