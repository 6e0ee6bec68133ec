"""An event's date and how it repeats, in the reader's language."""

import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from events.models import Repeat, weekday_position

register = template.Library()

# A weekday inside a sentence (« chaque mardi »): languages that capitalise it alone (« Mardi »,
# in the hours of a place) write it in lower case there.
WEEKDAYS = [
    pgettext_lazy("weekday in a sentence", "Monday"),
    pgettext_lazy("weekday in a sentence", "Tuesday"),
    pgettext_lazy("weekday in a sentence", "Wednesday"),
    pgettext_lazy("weekday in a sentence", "Thursday"),
    pgettext_lazy("weekday in a sentence", "Friday"),
    pgettext_lazy("weekday in a sentence", "Saturday"),
    pgettext_lazy("weekday in a sentence", "Sunday"),
]

POSITIONS = {
    1: lambda day: _("Every month, on the first %(weekday)s") % {"weekday": day},
    2: lambda day: _("Every month, on the second %(weekday)s") % {"weekday": day},
    3: lambda day: _("Every month, on the third %(weekday)s") % {"weekday": day},
    4: lambda day: _("Every month, on the fourth %(weekday)s") % {"weekday": day},
    -1: lambda day: _("Every month, on the last %(weekday)s") % {"weekday": day},
}


def _day(moment):
    """« mardi 5 janvier 2027 »: the weekday, then the date as the language writes it."""
    return f"{date_format(moment, 'l')} {date_format(moment, 'DATE_FORMAT')}"


@register.simple_tag
def when(event, occurrence):
    """« Tuesday 5 January 2027, 14:00–16:00 », or the day alone for a whole day."""
    start, end = timezone.localtime(occurrence.start), timezone.localtime(occurrence.end)
    if event.all_day:
        last = timezone.localtime(occurrence.end - datetime.timedelta(microseconds=1))
        if last.date() == start.date():
            return _day(start)
        return _("from %(start)s to %(end)s") % {"start": _day(start), "end": _day(last)}
    if end.date() == start.date():
        return _("%(day)s, %(start)s–%(end)s") % {
            "day": _day(start),
            "start": time_format(start, "TIME_FORMAT"),
            "end": time_format(end, "TIME_FORMAT"),
        }
    return _("from %(start)s to %(end)s") % {
        "start": f"{_day(start)} {time_format(start, 'TIME_FORMAT')}",
        "end": f"{_day(end)} {time_format(end, 'TIME_FORMAT')}",
    }


@register.simple_tag
def repeats(event):
    """« Every week on Tuesday, until 30 June 2027 »; empty for a one-off event."""
    if not event.repeat:
        return ""
    start = timezone.localtime(event.starts_at)
    weekday = str(WEEKDAYS[start.weekday()])
    if event.repeat == Repeat.MONTHLY:
        text = POSITIONS[weekday_position(start)](weekday)
    elif event.repeat == Repeat.FORTNIGHTLY:
        text = _("Every two weeks on %(weekday)s") % {"weekday": weekday}
    else:
        text = _("Every week on %(weekday)s") % {"weekday": weekday}
    if event.repeat_until:
        text = _("%(repeat)s, until %(date)s") % {
            "repeat": text,
            "date": date_format(event.repeat_until, "DATE_FORMAT"),
        }
    return text
