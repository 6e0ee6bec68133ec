"""The course finder's filters, read from the address: partners link to « free beginner courses
on Saturday » as /fr/courses/?level=a1&cost=free&day=sat.

Values of one filter are alternatives (?day=sat&day=sun: Saturday or Sunday); filters combine
(level and day and cost). A day and a time of day are met by one class: « Saturday morning » is
a class on Saturday that starts in the morning, not a Saturday afternoon class and a Tuesday
morning one. Unknown values are ignored, and the page says which.
"""

import dataclasses
import datetime
import re

from django.conf.locale import LANG_INFO
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import LEVEL_SLUGS, Audience, Cost

DAY_SLUGS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
NOON, SIX_PM = datetime.time(12), datetime.time(18)
# A class belongs to the part of the day it starts in.
TIMES = {
    "morning": (_("morning (before noon)"), Q(slots__starts__lt=NOON)),
    "afternoon": (
        _("afternoon (noon to 6 pm)"),
        Q(slots__starts__gte=NOON, slots__starts__lt=SIX_PM),
    ),
    "evening": (_("evening (from 6 pm)"), Q(slots__starts__gte=SIX_PM)),
}
AUDIENCES = [value for value in Audience.values if value != Audience.EVERYONE]


@dataclasses.dataclass
class Filters:
    levels: list = dataclasses.field(default_factory=list)
    days: list = dataclasses.field(default_factory=list)
    times: list = dataclasses.field(default_factory=list)
    free: bool = False
    audience: str = ""
    childcare: bool = False
    language: str = ""
    ignored: list = dataclasses.field(default_factory=list)

    @property
    def by_schedule(self):
        return bool(self.days or self.times)

    def query(self):
        """The address of these filters, in a stable order (without what was ignored)."""
        pairs = [("level", s) for s, v in LEVEL_SLUGS.items() if v in self.levels]
        pairs += [("day", s) for s, v in DAY_SLUGS.items() if v in self.days]
        pairs += [("time", s) for s in TIMES if s in self.times]
        pairs += [("cost", "free")] if self.free else []
        pairs += [("audience", self.audience)] if self.audience else []
        pairs += [("childcare", "yes")] if self.childcare else []
        pairs += [("language", self.language)] if self.language else []
        return pairs


def _values(params, name):
    """?day=sat&day=sun or ?day=sat,sun: both are in partners' links."""
    values = []
    for value in params.getlist(name):
        values += [part.strip().lower() for part in value.split(",") if part.strip()]
    return list(dict.fromkeys(values))


def read_filters(params):
    filters = Filters()

    def choose(name, known):
        chosen = []
        for value in _values(params, name):
            if value in known:
                chosen.append(value)
            else:
                filters.ignored.append(f"{name}={value}")
        return chosen

    filters.levels = [LEVEL_SLUGS[s] for s in choose("level", LEVEL_SLUGS)]
    filters.days = [DAY_SLUGS[s] for s in choose("day", DAY_SLUGS)]
    filters.times = choose("time", TIMES)
    filters.free = bool(choose("cost", {Cost.FREE}))
    audiences = choose("audience", AUDIENCES)
    filters.audience = audiences[0] if len(audiences) == 1 else ""
    filters.childcare = bool(choose("childcare", {"yes"}))
    languages = choose("language", LANG_INFO)
    filters.language = languages[0] if len(languages) == 1 else ""
    return filters


def apply(filters, courses):
    """The courses meeting every filter but the day and time, and those meeting them all."""
    if filters.levels:
        level_q = Q()
        for level in filters.levels:
            level_q |= Q(level_from__lte=level, level_to__gte=level)
        courses = courses.filter(level_q)
    if filters.free:
        courses = courses.filter(cost=Cost.FREE)
    if filters.audience:
        courses = courses.filter(audience__in=[Audience.EVERYONE, filters.audience])
    if filters.childcare:
        courses = courses.filter(childcare=True)
    if filters.language:
        courses = courses.filter(
            teacher_languages__regex=rf"(^| ){re.escape(filters.language)}( |$)"
        )
    if not filters.by_schedule:
        return courses, courses
    # One filter() for the day and the time: both conditions hold for the same class.
    slot_q = Q(slots__weekday__in=filters.days) if filters.days else Q()
    if filters.times:
        time_q = Q()
        for name in filters.times:
            time_q |= TIMES[name][1]
        slot_q &= time_q
    return courses, courses.filter(slot_q).distinct()
