import math

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from welcome.content import ContentKind

from .translation_tracking import TranslationTracking

# Place de Jaude; a place further than METROPOLE_RADIUS_KM from it is probably a typing error.
CITY_CENTRE = (45.7772, 3.0870)
METROPOLE_RADIUS_KM = 25
# /<lang>/places/embed/ is a page of its own, not a place.
RESERVED_PLACE_SLUGS = {"embed", "partners"}


class WebsiteField(models.URLField):
    """A URL field whose forms add https:// to an address typed without a scheme."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.URLField", args, kwargs


class Pictogram(models.TextChoices):
    """The pictograms shipped in welcome/static/welcome/pictograms/, shared by themes and places."""

    ADMINISTRATION = "administration", _("Administration")
    BANK = "bank", _("Bank")
    CULTURE = "culture", _("Culture")
    EMERGENCY = "emergency", _("Emergency")
    FOOD = "food", _("Food and clothing")
    HEALTH = "health", _("Health")
    HOUSING = "housing", _("Housing")
    LANGUAGE = "language", _("Language")
    LEGAL = "legal", _("Legal help")
    PAPERS = "papers", _("Papers")
    SCHOOL = "school", _("School")
    TRANSPORT = "transport", _("Transport")
    WORK = "work", _("Work")

    @classmethod
    def static_path(cls, value):
        return f"welcome/pictograms/{value}.svg"


class Category(TranslationTracking):
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


class PlaceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Place(TranslationTracking):
    content_kind = ContentKind.PUBLIC

    class Precision(models.TextChoices):
        VERIFIED = "verified", _("verified")
        APPROX = "approx", _("approximate")
        UNLOCATED = "unlocated", _("no position")

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
    opening_hours = models.TextField(_("opening hours"), blank=True)
    transport = models.TextField(_("getting there by public transport"), blank=True)
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

    TRACKED_FIELDS = ("description", "opening_hours", "transport", "languages")

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self._stamp_changed_languages()
        super().save(*args, **kwargs)

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
        lat1, lon1 = map(math.radians, CITY_CENTRE)
        lat2, lon2 = math.radians(float(self.latitude)), math.radians(float(self.longitude))
        a = (
            math.sin((lat2 - lat1) / 2) ** 2
            + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
        )
        return 2 * 6371 * math.asin(math.sqrt(a))

    @property
    def is_located(self):
        return self.latitude is not None and self.longitude is not None


class RouteQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Route(TranslationTracking):
    """A discovery route (« rallye de l'intégration »): places to walk to, in order."""

    content_kind = ContentKind.PUBLIC
    TRACKED_FIELDS = ("title", "introduction")

    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    introduction = models.TextField(_("introduction"), blank=True)
    published = models.BooleanField(_("published"), default=False)

    objects = RouteQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("discovery route")
        verbose_name_plural = _("discovery routes")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("routes:detail", args=[self.slug])


class RouteStop(models.Model):
    content_kind = ContentKind.PUBLIC

    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="stops")
    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, related_name="route_stops", verbose_name=_("place")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("what to do here"), blank=True)
    to_next = models.CharField(
        _("getting to the next stop"),
        max_length=300,
        blank=True,
        help_text=_("On foot, or which tram or bus line to take, and where to get off."),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("stop")
        verbose_name_plural = _("stops")

    def __str__(self):
        return f"{self.order}. {self.place}"
