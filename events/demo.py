"""Demo events (events/demo/events.json): the 2019 rallye, from ../shared/data/facts.md §8, and
two examples flagged « to verify »: a next edition of the rallye and a monthly information
session. Their dates are computed from the day the demo is loaded, so that they are to come."""

import datetime
import json
from pathlib import Path

from django.utils import timezone

from common.translations import translated_fields
from places.models import Place
from routes.models import Route

from .models import Category, Event

DATA = Path(__file__).parent / "demo"
TEXTS = ("title", "summary", "description")


def _first_weekday(year, month, weekday):
    day = datetime.date(year, month, 1)
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _dates(when, today):
    """(start, end) aware datetimes for the demo's « when »."""
    day, _space, hours = when.partition(" ")
    if day == "first-saturday-of-next-october":
        date = _first_weekday(today.year + 1, 10, 5)
    elif day == "first-tuesday-of-next-month":
        following = (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        date = _first_weekday(following.year, following.month, 1)
    else:
        date = datetime.date.fromisoformat(day)
    if not hours:
        start = datetime.datetime.combine(date, datetime.time())
        return timezone.make_aware(start), timezone.make_aware(start + datetime.timedelta(days=1))
    first, last = (datetime.time.fromisoformat(t) for t in hours.split("-"))
    return (
        timezone.make_aware(datetime.datetime.combine(date, first)),
        timezone.make_aware(datetime.datetime.combine(date, last)),
    )


def _translations(stem):
    found = {}
    for path in sorted(DATA.glob(f"{stem}-*.json")):
        for key, fields in json.loads(path.read_text()).items():
            for field, values in fields.items():
                found.setdefault(key, {}).setdefault(field, {}).update(values)
    return found


def load():
    data = json.loads((DATA / "events.json").read_text())
    extra = _translations("events")
    categories = {}
    for item in data["categories"]:
        names = {**item["name"], **extra.get(f"category:{item['slug']}", {}).get("name", {})}
        categories[item["slug"]], _created = Category.objects.update_or_create(
            slug=item["slug"],
            defaults={"order": item["order"], **translated_fields("name", names)},
        )
    today = timezone.localdate()
    for item in data["events"]:
        start, end = _dates(item["when"], today)
        fields = {
            "category": categories[item["category"]],
            "place": Place.objects.get(slug=item["place"]) if item["place"] else None,
            "route": Route.objects.get(slug=item["route"]) if item["route"] else None,
            "starts_at": start,
            "ends_at": end,
            "all_day": item["all_day"],
            "repeat": item["repeat"],
            "to_verify": item["to_verify"],
            "published": True,
        }
        for field in TEXTS:
            values = {**item[field], **extra.get(item["slug"], {}).get(field, {})}
            fields.update(translated_fields(field, values))
        Event.objects.update_or_create(slug=item["slug"], defaults=fields)
