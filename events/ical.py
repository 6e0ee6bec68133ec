"""Events as iCalendar (RFC 5545), written with the icalendar library: the feed a phone's
calendar subscribes to, and the one-event file behind « add to my calendar »."""

import datetime

import icalendar
from django.conf import settings
from django.utils import timezone

from .models import Repeat, weekday_position

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def byday(start):
    """The RRULE BYDAY of a monthly repetition from `start`: « 1TU », « -1FR »."""
    return f"{weekday_position(start)}{WEEKDAYS[start.weekday()]}"


def _recurrence(event):
    start = timezone.localtime(event.starts_at)
    if event.repeat == Repeat.MONTHLY:
        rule = {"freq": "monthly", "byday": byday(start)}
    else:
        rule = {"freq": "weekly", "interval": 2 if event.repeat == Repeat.FORTNIGHTLY else 1}
    if event.repeat_until:
        # With a start in a time zone, UNTIL is in UTC (RFC 5545, 3.3.10).
        last = datetime.datetime.combine(event.repeat_until, datetime.time(23, 59, 59))
        rule["until"] = timezone.make_aware(last).astimezone(datetime.UTC)
    return icalendar.vRecur(rule)


def _dates(event):
    if event.all_day:
        first = timezone.localdate(event.starts_at)
        # DTEND of a whole day is the next day (exclusive).
        last = timezone.localdate(event.ends_at - datetime.timedelta(microseconds=1))
        return first, last + datetime.timedelta(days=1)
    return timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)


def vevent(event, request):
    url = request.build_absolute_uri(event.get_absolute_url())
    component = icalendar.Event()
    component.add("uid", f"event-{event.pk}@{request.get_host()}")
    component.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    start, end = _dates(event)
    component.add("dtstart", start)
    component.add("dtend", end)
    if event.repeat:
        component.add("rrule", _recurrence(event))
    component.add("summary", event.title)
    component.add(
        "description", "\n\n".join(t for t in (event.summary, event.description, url) if t)
    )
    component.add("url", url)
    component.add("categories", [event.category.name])
    component.add("status", "TENTATIVE" if event.to_verify else "CONFIRMED")
    if event.place:
        place = event.place
        component.add("location", ", ".join(t for t in (place.name, place.full_address) if t))
        if place.is_located:
            component.add("geo", (float(place.latitude), float(place.longitude)))
    return component


def calendar(events, request, name):
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Ville de Clermont-Ferrand//Bienvenue à Clermont-Ferrand//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        cal.add_component(vevent(event, request))
    cal.add_missing_timezones()
    return cal.to_ical()
