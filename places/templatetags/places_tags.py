import datetime
import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from places.hours import hours_state

register = template.Library()

# The escapes Django's json_script uses, so the data cannot close its <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(data):
    """Render schema.org data as a JSON-LD block (data, not a script: CSP does not apply)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def _time(moment):
    # A 24-hour clock in every language, as the timetable beside it: « 9 a.m.. » and « 9:00 ص »
    # read worse than 09:00, which every reader of a French timetable meets anyway.
    return f"{timezone.localtime(moment):%H:%M}"


def describe_hours(state):
    """« Open until 16:30 », « Closed today (public holiday) — opens tomorrow at 08:30 »…"""
    if not state.known:
        if state.reason == "holiday":
            return _("Public holiday today: we do not know if it is open.")
        return _("Opening hours not known.")
    if state.is_open:
        if state.always_open:
            return _("Open 24 hours a day.")
        if state.by_appointment:
            return _("Open by appointment until %(time)s.") % {"time": _time(state.change)}
        return _("Open until %(time)s.") % {"time": _time(state.change)}
    closed = {
        "holiday": _("Closed today (public holiday)"),
        "closure": _("Closed today (exceptional closure)"),
    }.get(state.reason, _("Closed"))
    if state.change is None:
        return _("%(closed)s.") % {"closed": closed}
    days = (timezone.localtime(state.change).date() - state.now.date()).days
    values = {"time": _time(state.change), "day": date_format(state.change, "l")}
    if days == 0:
        opens = _("opens at %(time)s") % values
    elif days == 1:
        opens = _("opens tomorrow at %(time)s") % values
    else:
        opens = _("opens %(day)s at %(time)s") % values
    if state.by_appointment:
        opens = _("%(opens)s, by appointment") % {"opens": opens}
    return _("%(closed)s — %(opens)s.") % {"closed": closed, "opens": opens}


@register.simple_tag
def map_note(place):
    """Why the map does not show the place, or shows it only roughly; "" when it is exact."""
    if not place.has_a_door:
        return _("Not on the map: a service by phone or online, with no desk to go to.")
    if place.is_located:
        if place.precision == place.Precision.APPROX:
            return _("On the map near its address, not at its door.")
        return ""
    if place.address:
        return _("Not on the map yet: its address still has to be placed.")
    return _("Not on the map: we do not know its address yet.")


@register.simple_tag
def open_now(place):
    """One line: open now or not, until or from when; never a guess."""
    state = hours_state(place)
    kind = "unknown" if not state.known else "open" if state.is_open else "closed"
    return format_html('<p class="open-now open-now-{}">{}</p>', kind, describe_hours(state))


@register.simple_tag
def weekly_hours(place):
    """[(day name, "08:30–12:00, 13:30–16:30" or None)] for Monday to Sunday."""
    rows = []
    for number, name in place.slots.model.Weekday.choices:
        slots = [s for s in place.slots.all() if s.weekday == number]
        rows.append((name, [_slot(s) for s in slots]))
    return rows


def _slot(slot):
    closes = "24:00" if slot.closes == datetime.time(0) else f"{slot.closes:%H:%M}"
    text = f"{slot.opens:%H:%M}–{closes}"
    return _("%(hours)s (by appointment)") % {"hours": text} if slot.by_appointment else text
