"""Hand-off lists: a social worker or a volunteer picks pages of the guide and places, and gives
the newcomer a link, a QR code or a printout — in the newcomer's language with the French beside
it, to show at the counter. Nothing is stored: the list lives in its URL (`?s=` section numbers,
`?p=` place slugs), so it works without an account and without JavaScript."""

import re
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.db.models import Q
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from modeltranslation.utils import build_localized_fieldname

from common import geo
from guide.models import Section
from places.models import Place
from places.templatetags.places_tags import weekly_hours

# Enough for a page of paper; more is a guide, not a list.
MAX_ITEMS = 12
MAX_QUERY = 100
SKETCH_WIDTH, SKETCH_HEIGHT = 240, 150
_NUMBER = re.compile(r"^\d{1,9}$")
_SLUG = re.compile(r"^[-a-z0-9_]{1,80}$")


def _parts(value, pattern):
    """The well-formed, distinct parts of « a,b,c », in order; anything else is ignored."""
    parts = []
    for part in value.split(","):
        part = part.strip()
        if pattern.match(part) and part not in parts:
            parts.append(part)
    return parts[:MAX_ITEMS]


def _query(section_ids, place_slugs):
    pairs = [("s", ",".join(section_ids)), ("p", ",".join(place_slugs))]
    query = urlencode([(key, value) for key, value in pairs if value], safe=",")
    return f"?{query}" if query else "?"


def _search(text, section_ids, place_slugs):
    """Sections and places whose title (in the reader's language or in French) has the text."""
    if not text:
        return [], []
    french = settings.LANGUAGE_CODE
    sections = (
        Section.objects.published()
        .select_related("theme")
        .without_bodies()
        .filter(
            Q(title__icontains=text)
            | Q(**{f"{build_localized_fieldname('title', french)}__icontains": text})
        )
        .exclude(pk__in=section_ids)[:10]
    )
    places = (
        Place.objects.published()
        .filter(
            Q(name__icontains=text)
            | Q(**{f"{build_localized_fieldname('name', french)}__icontains": text})
        )
        .exclude(slug__in=place_slugs)[:10]
    )
    return list(sections), list(places)


@require_safe
def handoff_list(request):
    section_ids = _parts(request.GET.get("s", ""), _NUMBER)
    place_slugs = _parts(request.GET.get("p", ""), _SLUG)
    by_pk = (
        Section.objects.published().select_related("theme").in_bulk([int(pk) for pk in section_ids])
    )
    by_slug = (
        Place.objects.published()
        .select_related("category")
        .prefetch_related("slots", "exceptions")
        .in_bulk(place_slugs, field_name="slug")
    )
    sections = [by_pk[int(pk)] for pk in section_ids if int(pk) in by_pk]
    places = [by_slug[slug] for slug in place_slugs if slug in by_slug]
    section_ids = [str(section.pk) for section in sections]  # only what exists
    place_slugs = [place.slug for place in places]
    for section in sections:
        section.remove_url = _query([i for i in section_ids if i != str(section.pk)], place_slugs)
    for place in places:
        place.remove_url = _query(section_ids, [s for s in place_slugs if s != place.slug])
    text = request.GET.get("q", "").strip()[:MAX_QUERY]
    found_sections, found_places = _search(text, section_ids, place_slugs)
    full = len(section_ids) + len(place_slugs) >= MAX_ITEMS
    for section in found_sections:
        section.add_url = _query([*section_ids, str(section.pk)], place_slugs)
    for place in found_places:
        place.add_url = _query(section_ids, [*place_slugs, place.slug])
    located = [place for place in places if place.is_located]
    for number, place in enumerate(places, start=1):
        place.number = number
        place.week = [(day, slots) for day, slots in weekly_hours(place) if slots]
    points = geo.sketch(
        [(float(p.latitude), float(p.longitude)) for p in located], SKETCH_WIDTH, SKETCH_HEIGHT
    )
    share = (
        request.build_absolute_uri(_query(section_ids, place_slugs)) if sections or places else ""
    )
    return render(
        request,
        "handoff/list.html",
        {
            "sections": sections,
            "places": places,
            "query": text,
            "found_sections": found_sections,
            "found_places": found_places,
            "full": full,
            "max_items": MAX_ITEMS,
            "share": share,
            # Inline SVG (no style attribute, no script): it prints with the page.
            "qr": mark_safe(segno.make(share, error="m").svg_inline(scale=3)) if share else "",  # noqa: S308
            "sketch": [(p.number, x, y) for p, (x, y) in zip(located, points, strict=True)],
            "sketch_size": (SKETCH_WIDTH, SKETCH_HEIGHT),
            "with_french": get_language() != settings.LANGUAGE_CODE,
        },
    )
