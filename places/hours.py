"""
When a place is open: weekly slots, French public holidays, dated exceptions, in Europe/Paris.

`hours_state(place, now)` reads the place's prefetched `slots` and `exceptions` (no query) and
says whether it is open now and when that changes; it never guesses: no slots, or a public
holiday the place has not said it keeps, is « not known ».

The same hours travel as OpenStreetMap `opening_hours` (`to_osm`, `slots_from_osm`, parsed by
opening-hours-py) for the GeoJSON, the CSV and the demo data.
"""

import dataclasses
import datetime
import functools
from zoneinfo import ZoneInfo

import holidays
import opening_hours
from django.conf import settings
from django.utils import timezone

PARIS = ZoneInfo(settings.TIME_ZONE)
# How far to look for the next opening: a week and a day covers every weekly timetable.
HORIZON_DAYS = 8
MIDNIGHT = datetime.time(0)
OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
# A week with no French public holiday, to read a weekly timetable out of an OSM expression.
REFERENCE_MONDAY = datetime.date(2025, 3, 10)


@functools.lru_cache(maxsize=8)
def _holidays(year):
    return holidays.France(years=year)


def public_holiday(day):
    """The name of the French public holiday on that date, or None."""
    return _holidays(day.year).get(day)


@dataclasses.dataclass(frozen=True)
class Interval:
    start: datetime.datetime
    end: datetime.datetime
    by_appointment: bool = False


def _at(day, time):
    return datetime.datetime.combine(day, time, tzinfo=PARIS)


def _interval(day, opens, closes, by_appointment=False):
    # A slot closing at 00:00 closes at the end of the day (24:00 in OSM).
    end_day = day + datetime.timedelta(days=1) if closes == MIDNIGHT else day
    return Interval(_at(day, opens), _at(end_day, closes), by_appointment)


@dataclasses.dataclass(frozen=True)
class Day:
    intervals: list | None  # None: not known
    reason: str = ""  # "holiday", "closure", "changed" or ""


def day_hours(place, day):
    """The opening intervals of one date."""
    for exception in place.exceptions.all():
        if exception.starts <= day <= exception.ends:
            if exception.closed or not (exception.opens and exception.closes):
                return Day([], "closure")
            return Day([_interval(day, exception.opens, exception.closes)], "changed")
    if public_holiday(day):
        if place.public_holidays == place.Holidays.CLOSED:
            return Day([], "holiday")
        if place.public_holidays == place.Holidays.UNKNOWN:
            return Day(None, "holiday")
    slots = [slot for slot in place.slots.all() if slot.weekday == day.weekday()]
    intervals = [_interval(day, s.opens, s.closes, s.by_appointment) for s in slots]
    return Day(sorted(intervals, key=lambda i: i.start))


@dataclasses.dataclass(frozen=True)
class HoursState:
    known: bool
    is_open: bool = False
    by_appointment: bool = False
    # When it closes (open) or opens (closed); None: not within the horizon, or never closes.
    change: datetime.datetime | None = None
    reason: str = ""  # why today differs: "holiday", "closure", "changed"
    always_open: bool = False
    now: datetime.datetime | None = None

    @property
    def valid_until(self):
        """When this state may change: its change, or the next midnight (a new day)."""
        midnight = _at(self.now.date() + datetime.timedelta(days=1), MIDNIGHT)
        return min(self.change, midnight) if self.change else midnight


def next_midnight():
    """When today ends, in Paris: notices start and end with the day."""
    return _at(timezone.localdate() + datetime.timedelta(days=1), MIDNIGHT)


def hours_state(place, now=None):
    local = timezone.localtime(now or timezone.now(), PARIS)
    today = local.date()
    if not place.slots.all() and not any(
        e.starts <= today <= e.ends for e in place.exceptions.all()
    ):
        return HoursState(known=False, now=local)
    days = [day_hours(place, today + datetime.timedelta(days=n)) for n in range(HORIZON_DAYS)]
    if days[0].intervals is None:
        return HoursState(known=False, reason=days[0].reason, now=local)
    for interval in days[0].intervals:
        if interval.start <= local < interval.end:
            end, chained = interval.end, True
            # Slots that follow each other (24/7, a night after a day) make one opening.
            while chained:
                chained = False
                for day in days:
                    for following in day.intervals or []:
                        if following.start == end:
                            end, chained = following.end, True
            always = end >= _at(today + datetime.timedelta(days=HORIZON_DAYS - 1), MIDNIGHT)
            return HoursState(
                known=True,
                is_open=True,
                by_appointment=interval.by_appointment,
                change=None if always else end,
                reason=days[0].reason,
                always_open=always,
                now=local,
            )
    for day in days:
        if day.intervals is None:  # not known that day: no promise after it
            break
        for interval in day.intervals:
            if interval.start > local:
                return HoursState(
                    known=True,
                    by_appointment=interval.by_appointment,
                    change=interval.start,
                    reason=days[0].reason,
                    now=local,
                )
    return HoursState(known=True, reason=days[0].reason, now=local)


def to_osm(place, exceptions=True):
    """The place's hours in OpenStreetMap `opening_hours` syntax ("" if not known); without
    its dated closures if `exceptions` is False (the CSV, whose import keeps them)."""
    by_day = {n: [] for n in range(7)}
    for slot in place.slots.all():
        by_day[slot.weekday].append(slot)
    if all(
        len(slots) == 1 and slots[0].opens == MIDNIGHT == slots[0].closes
        for slots in by_day.values()
    ):
        return "24/7"

    def times(slots):
        return ",".join(
            f"{s.opens:%H:%M}-{'24:00' if s.closes == MIDNIGHT else f'{s.closes:%H:%M}'}"
            for s in sorted(slots, key=lambda s: s.opens)
        )

    def rule_of(slots, days=""):
        """A day's times; those by appointment in an additional rule (« , We 13:30-16:30
        "sur rendez-vous" »), since a comment covers a whole rule."""
        walk_in = [s for s in slots if not s.by_appointment]
        appointment = [s for s in slots if s.by_appointment]
        parts = [times(walk_in)] if walk_in else []
        if appointment:
            # Its own days only after the walk-in times: the rule's days are written once.
            own_days = days if walk_in else ""
            parts.append(f'{own_days} {times(appointment)} "sur rendez-vous"'.strip())
        return ", ".join(parts)

    rules, start = [], 0
    while start < 7:
        if not by_day[start]:
            start += 1
            continue
        end = start
        while (
            end + 1 < 7 and by_day[end + 1] and rule_of(by_day[end + 1]) == rule_of(by_day[start])
        ):
            end += 1
        days = OSM_DAYS[start] if end == start else f"{OSM_DAYS[start]}-{OSM_DAYS[end]}"
        if end == start + 1:
            days = f"{OSM_DAYS[start]},{OSM_DAYS[end]}"
        rules.append(f"{days} {rule_of(by_day[start], days)}")
        start = end + 1
    if not rules:
        return ""
    if place.public_holidays == place.Holidays.CLOSED:
        rules.append("PH off")
    for exception in place.exceptions.all() if exceptions else []:
        if exception.ends >= timezone.localdate():
            span = f"{exception.starts:%Y %b %d}-{exception.ends:%Y %b %d}"
            if exception.closed or not (exception.opens and exception.closes):
                rules.append(f"{span} off")
            else:
                rules.append(f"{span} {exception.opens:%H:%M}-{exception.closes:%H:%M}")
    return "; ".join(rules)


@dataclasses.dataclass(frozen=True)
class Slot:
    weekday: int
    opens: datetime.time
    closes: datetime.time
    by_appointment: bool = False


def slots_from_osm(expression):
    """Return (weekly slots, public holidays: "open", "closed" or "unknown") of an OSM
    `opening_hours` expression; raise ValueError if it does not parse."""
    try:
        hours = opening_hours.OpeningHours(expression)
    except (opening_hours.ParserError, SyntaxError) as error:
        raise ValueError(str(error)) from error
    start = datetime.datetime.combine(REFERENCE_MONDAY, MIDNIGHT)
    slots = []
    for opens, closes, state, comment in hours.intervals(start, start + datetime.timedelta(7)):
        if state != opening_hours.State.OPEN:
            continue
        day = opens
        while day < closes:  # cut at midnight: one slot per day
            end = min(
                closes, datetime.datetime.combine(day.date(), MIDNIGHT) + datetime.timedelta(1)
            )
            slots.append(
                Slot(
                    day.weekday(),
                    day.time(),
                    end.time(),
                    by_appointment="rendez-vous" in (comment or "").lower(),
                )
            )
            day = end
    # Holidays « as on other days » only when always open: « Sa,Su,PH 09:00-17:00 » gives
    # holidays hours of their own, which the weekly slots cannot say (so: not known).
    compact = expression.replace(" ", "")
    if compact == "24/7":
        holidays_rule = "open"
    elif "PHoff" in compact or "PHclosed" in compact:
        holidays_rule = "closed"
    else:
        holidays_rule = "unknown"
    return slots, holidays_rule


def opening_hours_specification(place):
    """The hours as schema.org OpeningHoursSpecification, for the place's JSON-LD."""
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    specification = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{days[slot.weekday]}",
            "opens": f"{slot.opens:%H:%M}",
            "closes": "23:59" if slot.closes == MIDNIGHT else f"{slot.closes:%H:%M}",
        }
        for slot in place.slots.all()
    ]
    for exception in place.exceptions.all():
        if exception.ends < timezone.localdate():
            continue
        closed = exception.closed or not (exception.opens and exception.closes)
        specification.append(
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": exception.starts.isoformat(),
                "validThrough": exception.ends.isoformat(),
                # schema.org's way to say « closed »: opening and closing at midnight.
                "opens": "00:00" if closed else f"{exception.opens:%H:%M}",
                "closes": "00:00" if closed else f"{exception.closes:%H:%M}",
            }
        )
    return specification
