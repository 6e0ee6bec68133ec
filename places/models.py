import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.content import ContentKind
from common.geo import CITY_CENTRE, distance_km
from common.pictograms import Pictogram
from common.querysets import PublishedQuerySet
from common.translations import CheckedTranslation, fallback_fields

# A place further than this from the city centre is probably a typing error.
METROPOLE_RADIUS_KM = 25
# /<lang>/places/embed/ is a page of its own, not a place.
RESERVED_PLACE_SLUGS = {"embed", "partners"}


MIDNIGHT = datetime.time(0)


class WebsiteField(models.URLField):
    """A URL field whose forms add https:// to an address typed without a scheme."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.URLField", args, kwargs


class Category(CheckedTranslation):
    content_kind = ContentKind.PUBLIC
    TRACKED_FIELDS = ("name",)

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    pictogram = models.CharField(_("pictogram"), max_length=30, choices=Pictogram.choices)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#0b3d6b",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour like #0b3d6b."))],
        help_text=_("Marker colour on the map, as #rrggbb. Dark enough for white text."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name


# Facts about a place (hours, what to bring) change: check them again after this.
FACTS_CHECK_AFTER = datetime.timedelta(days=183)


class PlaceQuerySet(PublishedQuerySet):
    def facts_due(self, today=None):
        """Places whose facts nobody checked for six months, or ever."""
        today = today or timezone.localdate()
        return self.filter(
            models.Q(facts_checked_on__isnull=True)
            | models.Q(facts_checked_on__lt=today - FACTS_CHECK_AFTER)
        )


class Place(CheckedTranslation):
    content_kind = ContentKind.PUBLIC

    class Precision(models.TextChoices):
        VERIFIED = "verified", _("verified")
        APPROX = "approx", _("approximate")
        UNLOCATED = "unlocated", _("no position")

    class Holidays(models.TextChoices):
        UNKNOWN = "unknown", _("not known")
        OPEN = "open", _("open as on other days")
        CLOSED = "closed", _("closed")

    class Access(models.TextChoices):
        UNKNOWN = "", _("not known")
        WALK_IN = "walk_in", _("without an appointment")
        APPOINTMENT = "appointment", _("by appointment only")
        BOTH = "both", _("with or without an appointment")
        PHONE = "phone", _("by phone only: there is no desk to go to")
        ONLINE = "online", _("online only")
        REFERRAL = "referral", _("when another service sends you")

    class Cost(models.TextChoices):
        UNKNOWN = "", _("not known")
        FREE = "free", _("free")
        INCOME = "income", _("depends on your income")
        PAID = "paid", _("you pay")

    class Interpreting(models.TextChoices):
        UNKNOWN = "", _("not known")
        YES = "yes", _("yes")
        NO = "no", _("no")

    class Wheelchair(models.TextChoices):
        UNKNOWN = "", _("not known")
        YES = "yes", _("yes")
        PARTIAL = "partial", _("partly")
        NO = "no", _("no")

    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Part of the page address, the same in every language. Partners link to it."),
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="places", verbose_name=_("category")
    )
    description = models.TextField(_("description"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postcode"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Five digits, like 63000."))],
    )
    city = models.CharField(_("city"), max_length=80, default="Clermont-Ferrand")
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = WebsiteField(_("website"), blank=True)
    opening_hours = models.TextField(
        _("about the opening hours"),
        blank=True,
        help_text=_(
            "What readers should know beyond the timetable below: which desk, since when, "
            "« sur rendez-vous »…"
        ),
    )
    public_holidays = models.CharField(
        _("on public holidays"),
        max_length=10,
        choices=Holidays.choices,
        default=Holidays.UNKNOWN,
        help_text=_(
            "French public holidays (14 July, 25 December…). Not known: readers are told so."
        ),
    )
    transport = models.TextField(_("getting there by public transport"), blank=True)
    # What to know before going, as facts a page can set out line by line (and partners read).
    access = models.CharField(_("appointment"), max_length=12, choices=Access.choices, blank=True)
    booking = models.TextField(
        _("how to get an appointment"),
        blank=True,
        help_text=_("« Call 04 73 98 63 08 », « In your ameli account »… Never a guess."),
    )
    documents = models.TextField(_("what to bring"), blank=True)
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, blank=True)
    interpreting = models.CharField(
        _("interpreters"), max_length=5, choices=Interpreting.choices, blank=True
    )
    wheelchair = models.CharField(
        _("wheelchair access"), max_length=10, choices=Wheelchair.choices, blank=True
    )
    languages = models.CharField(_("languages spoken at the counter"), max_length=200, blank=True)
    published = models.BooleanField(_("published"), default=True)
    to_verify = models.BooleanField(
        _("to verify"),
        default=False,
        help_text=_("Address, position or hours still need checking with the service."),
    )
    precision = models.CharField(
        _("position precision"),
        max_length=10,
        choices=Precision.choices,
        default=Precision.VERIFIED,
    )
    staff_notes = models.TextField(
        _("notes for staff"), blank=True, help_text=_("Sources and checks. Never shown to readers.")
    )
    facts_checked_on = models.DateField(
        _("facts checked on"),
        null=True,
        blank=True,
        help_text=_(
            "When someone last checked the address, phone, hours and what to know with the "
            "service itself. Shown to readers; due again after six months."
        ),
    )

    # The name too: a French institution keeps its French name, followed by what it is in the
    # reader's language (« CAF du Puy-de-Dôme (family benefits office) »).
    TRACKED_FIELDS = (
        "name",
        "description",
        "opening_hours",
        "transport",
        "languages",
        "booking",
        "documents",
    )

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("places:detail", args=[self.slug])

    def clean(self):
        if self.slug in RESERVED_PLACE_SLUGS:
            raise ValidationError({"slug": _("This address is taken by another page.")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both the latitude and the longitude, or neither."))

    def distance_from_centre_km(self):
        """Return the distance to the centre of Clermont-Ferrand, or None without a position."""
        if not self.is_located:
            return None
        return distance_km(CITY_CENTRE, (float(self.latitude), float(self.longitude)))

    @property
    def full_address(self):
        """The postal address on one line, as every page prints it: "street, 63000 City".

        Empty while the street is not known: a city name alone does not help anyone find a door.
        """
        if not self.address:
            return ""
        locality = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.address, locality) if part)

    @property
    def is_located(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def has_a_door(self):
        """Whether readers go there: a phone line or an online service has no place on a map."""
        return self.access not in (self.Access.PHONE, self.Access.ONLINE)


class OpeningSlot(models.Model):
    """A weekly opening: Monday 08:30–12:00. Several a day for a lunch break."""

    content_kind = ContentKind.PUBLIC

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    place = models.ForeignKey(
        Place, on_delete=models.CASCADE, related_name="slots", verbose_name=_("place")
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(
        _("closes at"), help_text=_("00:00: at midnight, the end of the day.")
    )
    by_appointment = models.BooleanField(_("by appointment only"), default=False)

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("weekly opening")
        verbose_name_plural = _("weekly opening hours")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")) | models.Q(closes=MIDNIGHT),
                name="slot_closes_after_it_opens",
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens and self.closes != MIDNIGHT:
            raise ValidationError({"closes": _("It closes before it opens.")})


class HoursException(models.Model):
    """A dated closure (« fermé du 22 au 26 décembre ») or changed hours."""

    content_kind = ContentKind.PUBLIC

    place = models.ForeignKey(
        Place, on_delete=models.CASCADE, related_name="exceptions", verbose_name=_("place")
    )
    starts = models.DateField(_("from"))
    ends = models.DateField(_("until (included)"))
    closed = models.BooleanField(_("closed"), default=True)
    opens = models.TimeField(_("opens at"), null=True, blank=True)
    closes = models.TimeField(_("closes at"), null=True, blank=True)

    class Meta:
        ordering = ["starts"]
        verbose_name = _("closure or changed hours")
        verbose_name_plural = _("closures and changed hours")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends__gte=models.F("starts")), name="exception_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.starts:%d/%m/%Y}–{self.ends:%d/%m/%Y}"

    def clean(self):
        errors = {}
        if self.starts and self.ends and self.ends < self.starts:
            errors["ends"] = _("It ends before it starts.")
        if not self.closed and not (self.opens and self.closes):
            errors["opens"] = _("Closed, or give the hours it opens and closes.")
        if errors:
            raise ValidationError(errors)


class NoticeQuerySet(models.QuerySet):
    def current(self, today=None):
        """The notices readers see today: started, and not ended."""
        today = today or timezone.localdate()
        return self.filter(starts__lte=today).filter(
            models.Q(ends__isnull=True) | models.Q(ends__gte=today)
        )

    def for_readers(self):
        """[(notice, its texts shown in French for want of a translation)], with places."""
        return [(notice, fallback_fields(notice)) for notice in self.prefetch_related("places")]


class Notice(CheckedTranslation):
    """A message for a while: a closure, a move, a strike, a new service. On the places it
    names (none: site-wide) and the home page, from its first day to its last, and in the
    Atom feed partners follow."""

    content_kind = ContentKind.PUBLIC
    TRACKED_FIELDS = ("title", "text")

    title = models.CharField(_("title"), max_length=160)
    text = models.TextField(_("text"), max_length=1000, blank=True)
    starts = models.DateField(_("shown from"), default=timezone.localdate)
    ends = models.DateField(
        _("shown until (included)"), null=True, blank=True, help_text=_("Empty: until removed.")
    )
    places = models.ManyToManyField(
        Place,
        blank=True,
        related_name="notices",
        verbose_name=_("places"),
        help_text=_("None: a notice for the whole site."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-starts", "-pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends__isnull=True) | models.Q(ends__gte=models.F("starts")),
                name="notice_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.ends and self.starts and self.ends < self.starts:
            raise ValidationError({"ends": _("It ends before it starts.")})
