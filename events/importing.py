"""Import a partner's calendar (an .ics file or its address): each event is checked, and those
the site can show become drafts staff review before publishing.

What is refused, and why, is reported event by event: no title, no start, no end, an end
before the start, a repetition the site cannot show (only every week, every two weeks, or every
month on the same weekday), an event already over. Importing the same calendar again updates the
events it brought the first time (their UID), without touching what staff translated.
"""

import dataclasses
import datetime
import urllib.request
import zoneinfo

import icalendar
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from places.models import Place

from .ical import WEEKDAYS, byday
from .models import Event, Repeat

MAX_BYTES = 2 * 1024 * 1024
FETCH_SECONDS = 10


class CalendarRefused(ValueError):
    """The whole file is refused (not a calendar, too big, unreachable)."""


@dataclasses.dataclass
class Report:
    created: list = dataclasses.field(default_factory=list)
    updated: list = dataclasses.field(default_factory=list)
    refused: list = dataclasses.field(default_factory=list)  # (title or UID, reason)


def fetch(url):
    """The calendar at `url` (http or https), at most 2 MB, within 10 seconds."""
    if not url.lower().startswith(("http://", "https://")):
        raise CalendarRefused(_("The address must start with https:// (or http://)."))
    # The scheme is checked above: no file:// or other opener.
    request = urllib.request.Request(url, headers={"User-Agent": "Bienvenue-Clermont/1.0"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=FETCH_SECONDS) as response:  # noqa: S310
            data = response.read(MAX_BYTES + 1)
    except (OSError, ValueError) as error:
        raise CalendarRefused(
            _("The calendar could not be downloaded: %(error)s") % {"error": error}
        ) from error
    return data


def parse(data):
    if len(data) > MAX_BYTES:
        raise CalendarRefused(_("The file is larger than 2 MB: is it really a calendar?"))
    try:
        return icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as error:
        raise CalendarRefused(
            _("This is not an iCalendar (.ics) file: %(error)s") % {"error": error}
        ) from error


def _aware(value, default_zone):
    """A DTSTART/DTEND value as an aware datetime (a floating time is Clermont-Ferrand's)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            return value.replace(tzinfo=default_zone)
        return value
    return datetime.datetime.combine(value, datetime.time(), tzinfo=default_zone)


def _repeat(component, start):
    """Our Repeat and until date for the RRULE, or a reason to refuse it."""
    rule = component.get("rrule")
    if rule is None:
        return Repeat.NEVER, None, None
    if component.get("rdate") or component.get("exdate"):
        return None, None, _("extra or cancelled dates (RDATE, EXDATE) are not supported")
    freq = rule.get("FREQ", [""])[0]
    interval = int(rule.get("INTERVAL", [1])[0])
    known = {"FREQ", "INTERVAL", "UNTIL", "BYDAY", "WKST"}
    if set(rule) - known or rule.get("COUNT"):
        return None, None, _("this repetition cannot be shown by the site")
    until = rule.get("UNTIL", [None])[0]
    if until is not None:
        until = (
            timezone.localdate(_aware(until, start.tzinfo))
            if isinstance(until, datetime.datetime)
            else until
        )
    local = timezone.localtime(start)
    days = rule.get("BYDAY", [])
    if freq == "WEEKLY" and interval in (1, 2):
        if days and [str(day) for day in days] != [WEEKDAYS[local.weekday()]]:
            return None, None, _("this repetition cannot be shown by the site")
        return (Repeat.WEEKLY if interval == 1 else Repeat.FORTNIGHTLY), until, None
    if freq == "MONTHLY" and interval == 1 and [str(d).lstrip("+") for d in days] == [byday(local)]:
        return Repeat.MONTHLY, until, None
    return None, None, _("this repetition cannot be shown by the site")


def _read(component, zone, now):
    """The fields of an Event from a VEVENT, or a reason to refuse it."""
    title = str(component.get("summary", "")).strip()
    if not title:
        return None, _("no title (SUMMARY)")
    if not component.get("uid"):
        return None, _("no identifier (UID)")
    if component.get("dtstart") is None:
        return None, _("no start (DTSTART)")
    raw_start = component.decoded("dtstart")
    all_day = not isinstance(raw_start, datetime.datetime)
    start = _aware(raw_start, zone)
    if component.get("dtend") is not None:
        end = _aware(component.decoded("dtend"), zone)
    elif component.get("duration") is not None:
        end = start + component.decoded("duration")
    elif all_day:
        end = start + datetime.timedelta(days=1)
    else:
        return None, _("no end (DTEND or DURATION)")
    if end <= start:
        return None, _("it ends before it starts")
    if str(component.get("status", "")).upper() == "CANCELLED":
        return None, _("cancelled in the partner's calendar")
    repeat, until, reason = _repeat(component, start)
    if reason:
        return None, reason
    if repeat and end - start > datetime.timedelta(days=1):
        return None, _("an event that repeats lasts one day at most")
    fields = {
        "title_fr": title[:160],
        "summary_fr": (str(component.get("description", "")).strip().split("\n")[0] or title)[:300],
        "description_fr": str(component.get("description", "")).strip(),
        "starts_at": start,
        "ends_at": end,
        "all_day": all_day,
        "repeat": repeat,
        "repeat_until": until,
    }
    event = Event(**fields)
    if event.next_occurrence(now) is None:
        return None, _("already over")
    location = str(component.get("location", "")).strip()
    if location:
        fields["place"] = Place.objects.filter(name__iexact=location.split(",")[0].strip()).first()
        if fields["place"] is None:
            fields["description_fr"] = "\n\n".join(
                text
                for text in (fields["description_fr"], _("Where: %(place)s") % {"place": location})
                if text
            )
    return fields, None


def _slug(title):
    base = slugify(title)[:70] or "evenement"
    slug, number = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def import_calendar(data, category, now=None):
    """Check every event of the calendar and save those that pass, as drafts, in one
    transaction. Returns the Report."""
    now = now or timezone.now()
    calendar = parse(data)
    name = str(calendar.get("x-wr-timezone", "")) or settings.TIME_ZONE
    try:
        zone = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    report = Report()
    components = list(calendar.walk("VEVENT"))
    if not components:
        raise CalendarRefused(_("The calendar holds no event (VEVENT)."))
    with transaction.atomic():
        for component in components:
            uid = str(component.get("uid", "")).strip()
            label = str(component.get("summary", "")).strip() or uid or "?"
            if component.get("recurrence-id") is not None:
                report.refused.append((label, _("a changed date of a repeating event")))
                continue
            try:
                fields, reason = _read(component, zone, now)
            except (ValueError, TypeError, KeyError) as error:
                fields, reason = None, str(error)
            if reason:
                report.refused.append((label, reason))
                continue
            event = Event.objects.filter(source_uid=uid[:255]).first()
            if event is None:
                event = Event(source_uid=uid[:255], category=category, published=False)
                event.slug = _slug(fields["title_fr"])
                report.created.append(event)
            else:
                report.updated.append(event)
            for name_, value in fields.items():
                setattr(event, name_, value)
            event.save()
    return report
