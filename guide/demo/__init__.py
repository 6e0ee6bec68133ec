"""The guide's demo content: guide/demo/content/*.json and the glossary (guide/demo/glossary*.json,
merged by slug: one file per group of languages), written from sourced facts."""

import datetime
import json
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from common.translations import translated_fields
from places.models import Place

from ..models import Section, Term, Theme

CONTENT_DIR = Path(__file__).parent / "content"
GLOSSARY_PATHS = sorted(Path(__file__).parent.glob("glossary*.json"))


def _themes():
    for path in sorted(CONTENT_DIR.glob("*.json")):
        with path.open(encoding="utf-8") as file:
            yield path, json.load(file)


def load():
    """Create or update the demo themes, sections and glossary; return their counts."""
    counts = _load_guide()
    return (*counts, _load_glossary())


def _glossary():
    merged = {}
    for path in GLOSSARY_PATHS:
        for item in json.loads(path.read_text(encoding="utf-8")):
            term = merged.setdefault(item["slug"], {"meaning": {}, "definition": {}})
            for key, value in item.items():
                if isinstance(value, dict):
                    term[key].update(value)
                else:
                    term[key] = value
    return merged.values()


def _load_glossary():
    places = {place.slug: place for place in Place.objects.all()}
    count = 0
    for item in _glossary():
        unknown = set(item["places"]) - places.keys()
        if unknown:
            raise ImproperlyConfigured(f"glossary {item['slug']}: unknown places {sorted(unknown)}")
        term, _created = Term.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "term": item["term"],
                "variants": "\n".join(item["variants"]),
                **translated_fields("meaning", item["meaning"]),
                **translated_fields("definition", item["definition"]),
            },
        )
        term.places.set([places[slug] for slug in item["places"]])
        count += 1
    return count


def _load_guide():
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
