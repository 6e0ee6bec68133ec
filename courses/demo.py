"""Demo French courses, from ../shared/data/facts.md (§5): each names its source in
courses/demo/courses.json. Days and times are not sourced, so none is given: readers are told
to ask; levels, cost and audience not confirmed by the organiser are flagged « to verify »."""

import json
from pathlib import Path

from django.conf import settings

from common.translations import translated_fields
from places.models import Place

from .models import LEVEL_SLUGS, Course

DATA = Path(__file__).parent / "demo"
TEXTS = ("title", "description", "registration_note")


def load():
    items = json.loads((DATA / "courses.json").read_text())
    translations = {}
    for path in sorted(DATA.glob("courses-*.json")):
        for key, fields in json.loads(path.read_text()).items():
            for field, values in fields.items():
                translations.setdefault(key, {}).setdefault(field, {}).update(values)
    for item in items:
        key = f"{item['place']}:{item['title'][settings.LANGUAGE_CODE]}"
        texts = {field: dict(item.get(field, {})) for field in TEXTS}
        for field, values in translations.get(key, {}).items():
            texts[field].update(values)
        levels = item["levels"] or [None, None]
        fields = {
            "level_from": LEVEL_SLUGS[levels[0]] if levels[0] else None,
            "level_to": LEVEL_SLUGS[levels[1]] if levels[1] else None,
            "audience": item["audience"],
            "cost": item["cost"],
            "registration": item["registration"],
            "to_verify": item["to_verify"],
            "published": True,
        }
        for field in TEXTS:
            fields.update(translated_fields(field, texts[field]))
        Course.objects.update_or_create(
            place=Place.objects.get(slug=item["place"]),
            title_fr=item["title"][settings.LANGUAGE_CODE],
            defaults=fields,
        )
