"""Dated events: information sessions, the rallye, open days, registration days.

An event happens once, or again every week, every two weeks or every month (on the same weekday
of the month: « every first Tuesday »), until a date or without end. Times are Clermont-Ferrand's
wall-clock times: a weekly 14:00 session stays at 14:00 when the clocks change.
"""

import collections
import datetime

from dateutil import rrule
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.content import ContentKind
from common.reviews import Reviewed, ReviewedQuerySet
from common.translations import CheckedTranslation
from places.models import Place
from routes.models import Route


class Category(CheckedTranslation):
    content_kind = ContentKind.PUBLIC
    TRACKED_FIELDS = ("name",)

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("In the address of the category's calendar: partners subscribe to it."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")

    def __str__(self):
        return self.name


class Repeat(models.TextChoices):
    NEVER = "", _("does not repeat")
    WEEKLY = "weekly", _("every week")
    FORTNIGHTLY = "fortnightly", _("every two weeks")
    MONTHLY = "monthly", _("every month, on the same weekday (« every first Tuesday »)")


# One date of an event: aware datetimes.
Occurrence = collections.namedtuple("Occurrence", ["start", "end"])


def weekday_position(day):
    """1 for the first Tuesday of its month… and -1 for a fifth one, which some months lack:
    « every last Tuesday » then."""
    position = (day.day - 1) // 7 + 1
    return -1 if position == 5 else position


class EventQuerySet(ReviewedQuerySet):
    def not_over(self, now=None):
        """Events with a date still to come or going on (recurring ones checked in Python)."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        return self.filter(
            Q(repeat="", ends_at__gte=now)
            | (~Q(repeat="") & (Q(repeat_until__isnull=True) | Q(repeat_until__gte=today)))
        )

    def upcoming(self, now=None):
        """A list of the events with a date going on or to come, soonest first; each gets
        `next` (its next Occurrence)."""
        now = now or timezone.now()
        found = []
        for event in self.not_over(now):
            event.next = event.next_occurrence(now)
            if event.next is not None:
                found.append(event)
        return sorted(found, key=lambda event: (event.next.start, event.pk))


class Event(CheckedTranslation, Reviewed):
    content_kind = ContentKind.PUBLIC
    TRACKED_FIELDS = ("title", "summary", "description")

    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Part of the page address, the same in every language. Partners link to it."),
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="events", verbose_name=_("category")
    )
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One plain sentence, shown in lists.")
    )
    description = models.TextField(_("description"), blank=True)
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("place"),
    )
    route = models.ForeignKey(
        Route,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("discovery route"),
        help_text=_("For an outing along a route (the rallye): its stops are shown."),
    )
    starts_at = models.DateTimeField(_("starts"), help_text=_("The first date, if it repeats."))
    ends_at = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("The times are not shown.")
    )
    repeat = models.CharField(
        _("repeats"), max_length=12, choices=Repeat.choices, blank=True, default=Repeat.NEVER
    )
    repeat_until = models.DateField(
        _("repeats until"), null=True, blank=True, help_text=_("Empty: without end.")
    )
    to_verify = models.BooleanField(
        _("to verify"),
        default=False,
        help_text=_("Date or facts not confirmed by the organiser: readers are told."),
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Drafts are only visible to staff.")
    )
    # Events imported from a partner's calendar keep its identifier: importing again updates them.
    source_uid = models.CharField(
        _("identifier in the imported calendar"), max_length=255, blank=True, editable=False
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_it_starts"
            ),
            models.UniqueConstraint(
                fields=["source_uid"], condition=~Q(source_uid=""), name="unique_source_uid"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("It ends before it starts.")
        if self.repeat_until and not self.repeat:
            errors["repeat_until"] = _("Choose how it repeats, or leave this empty.")
        elif (
            self.repeat_until
            and self.starts_at
            and self.repeat_until < timezone.localdate(self.starts_at)
        ):
            errors["repeat_until"] = _("This is before the first date.")
        if (
            self.repeat
            and self.starts_at
            and self.ends_at
            and self.ends_at - self.starts_at > datetime.timedelta(days=1)
        ):
            errors["ends_at"] = _("An event that repeats lasts one day at most.")
        if errors:
            raise ValidationError(errors)

    @property
    def duration(self):
        return self.ends_at - self.starts_at

    def rule(self):
        """The dateutil rule of the starts, in local wall-clock time (naive), or None."""
        if not self.repeat:
            return None
        first = timezone.localtime(self.starts_at).replace(tzinfo=None)
        until = None
        if self.repeat_until:
            until = datetime.datetime.combine(self.repeat_until, datetime.time.max)
        if self.repeat == Repeat.MONTHLY:
            weekday = rrule.weekday(first.weekday(), weekday_position(first))
            return rrule.rrule(rrule.MONTHLY, dtstart=first, until=until, byweekday=weekday)
        interval = 2 if self.repeat == Repeat.FORTNIGHTLY else 1
        return rrule.rrule(rrule.WEEKLY, dtstart=first, until=until, interval=interval)

    def _occurrence(self, local_start):
        start = timezone.make_aware(local_start)
        return Occurrence(start, start + self.duration)

    def next_occurrence(self, now=None):
        """The date going on at `now` or the next one; None when the event is over."""
        now = now or timezone.now()
        rule = self.rule()
        if rule is None:
            return Occurrence(self.starts_at, self.ends_at) if self.ends_at >= now else None
        # The first start after (now - duration) is the first date not over at `now`.
        after = timezone.localtime(now - self.duration).replace(tzinfo=None)
        local_start = rule.after(after, inc=True)
        return self._occurrence(local_start) if local_start else None

    def occurrences(self, now=None, count=5):
        """The next dates, the one going on first (for the event's page)."""
        now = now or timezone.now()
        rule = self.rule()
        if rule is None:
            return [Occurrence(self.starts_at, self.ends_at)] if self.ends_at >= now else []
        after = timezone.localtime(now - self.duration).replace(tzinfo=None)
        return [self._occurrence(start) for start in rule.xafter(after, count=count, inc=True)]

    def last_occurrence(self):
        """When it last took place or will last take place (None: repeats without end)."""
        rule = self.rule()
        if rule is None:
            return Occurrence(self.starts_at, self.ends_at)
        if self.repeat_until is None:
            return None
        last = rule.before(
            datetime.datetime.combine(self.repeat_until, datetime.time.max), inc=True
        )
        return self._occurrence(last) if last else None
