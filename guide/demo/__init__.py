"""The guide's demo content: guide/demo/content/*.json, written from sourced facts."""

import datetime
import json
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from common.translations import translated_fields
from places.models import Place

from ..models import Section, Theme

CONTENT_DIR = Path(__file__).parent / "content"


def _themes():
    for path in sorted(CONTENT_DIR.glob("*.json")):
        with path.open(encoding="utf-8") as file:
            yield path, json.load(file)


def load():
    """Create or update the demo themes and sections; return (themes, sections) counts."""
    places = {place.slug: place for place in Place.objects.all()}
    theme_count = section_count = 0
    for order, (path, data) in enumerate(_themes(), start=1):
        theme, _created = Theme.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "order": order,
                "pictogram": data.get("pictogram", ""),
                **translated_fields("title", data["title"]),
                **translated_fields("introduction", data["introduction"]),
            },
        )
        theme_count += 1
        for section_order, item in enumerate(data.get("sections", []), start=1):
            unknown = set(item.get("places", [])) - places.keys()
            if unknown:
                raise ImproperlyConfigured(f"{path.name}: unknown places {sorted(unknown)}")
            section, _created = Section.objects.update_or_create(
                theme=theme,
                slug=item["slug"],
                defaults={
                    "order": section_order,
                    "published": True,
                    "last_reviewed": datetime.date.fromisoformat(item["last_reviewed"]),
                    **translated_fields("title", item["title"]),
                    **translated_fields("summary", item["summary"]),
                    **translated_fields("body", item["body"]),
                },
            )
            section.places.set([places[slug] for slug in item.get("places", [])])
            section_count += 1
    return theme_count, section_count
