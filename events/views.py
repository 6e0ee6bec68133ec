"""Events: the coming ones, one event's page, and their iCalendar files."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from common.middleware import true_until
from common.translations import fallback_fields, with_fallbacks
from places import maps

from . import ical
from .models import Category, Event


def published_events():
    return Event.objects.published().select_related("category", "place__category", "route")


def _chosen_category(request):
    slug = request.GET.get("category", "")
    return Category.objects.filter(slug=slug).first() if slug else None


def _until_first_ends(response, events):
    """The page changes when the first event on it ends (a later date, or gone)."""
    return true_until(response, *(event.next.end for event in events))


@require_safe
def event_list(request):
    category = _chosen_category(request)
    events = published_events()
    if category:
        events = events.filter(category=category)
    events = with_fallbacks(events.upcoming())
    response = render(
        request,
        "events/event_list.html",
        {
            "events": events,
            "categories": Category.objects.all(),
            "category": category,
            "unknown_category": request.GET.get("category") and not category,
        },
    )
    return _until_first_ends(response, events)


@require_safe
def event_detail(request, slug):
    # Staff also see drafts (an imported event, say), to check them before publishing.
    events = Event.objects.select_related("category", "place__category", "route")
    if not request.user.is_staff:
        events = events.published()
    event = get_object_or_404(events, slug=slug)
    dates = event.occurrences()
    event.next = dates[0] if dates else None
    places = [event.place] if event.place else []
    stops = list(event.route.stops.select_related("place__category")) if event.route else []
    places += [stop.place for stop in stops if event.route.published]
    response = render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "dates": dates,
            "last": None if dates else event.last_occurrence(),
            "fallback": fallback_fields(event),
            "markers": maps.markers(places),
            "map_config": maps.config(zoom=15),
        },
    )
    return _until_first_ends(response, [event] if event.next else [])


def _ics_response(body, filename, attachment):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_safe
def calendar_feed(request):
    """All coming events, or one category's (?category=<slug>): calendars subscribe to it."""
    category = _chosen_category(request)
    events = published_events()
    name = _("Welcome to Clermont-Ferrand: events")
    if category:
        events = events.filter(category=category)
        name = f"{name} ({category.name})"
    events = events.upcoming()
    body = ical.calendar(events, request, name)
    filename = f"events-{category.slug}.ics" if category else "events.ics"
    return _until_first_ends(_ics_response(body, filename, attachment=False), events)


@require_safe
def event_calendar(request, slug):
    """One event as a file the phone's calendar opens: « add to my calendar »."""
    event = get_object_or_404(published_events(), slug=slug)
    body = ical.calendar([event], request, event.title)
    return _ics_response(body, f"{slugify(event.slug)}.ics", attachment=True)
