"""French courses: who may come, at which level, when, where, for how much, how to register."""

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.content import ContentKind
from common.reviews import Reviewed, ReviewedQuerySet
from common.translations import CheckedTranslation
from places.models import OpeningSlot, Place


class Level(models.IntegerChoices):
    """From learning to read and write (« alphabétisation ») to B2, the levels of the CEFR the
    State asks for (A2 for a multi-year card, B1 for a resident card, B2 for naturalisation)."""

    LITERACY = 0, _("Learning to read and write")
    A1 = 1, _("A1 – beginner")
    A2 = 2, _("A2 – elementary")
    B1 = 3, _("B1 – intermediate")
    B2 = 4, _("B2 – upper intermediate")


# The levels in addresses partners link to: ?level=a1
LEVEL_SLUGS = {
    "literacy": Level.LITERACY,
    "a1": Level.A1,
    "a2": Level.A2,
    "b1": Level.B1,
    "b2": Level.B2,
}


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("everyone")
    WOMEN = "women", _("women")
    YOUNG = "young", _("young people aged 16 to 25")
    PARENTS = "parents", _("parents")
    ASYLUM_SEEKERS = "asylum-seekers", _("asylum seekers")
    CIR = "cir", _("people who signed the Republican Integration Contract (CIR)")
    STUDENTS = "students", _("exiled students")


# Free, depending on income, or paid: as for places.
Cost = Place.Cost


class Registration(models.TextChoices):
    UNKNOWN = "", _("not known")
    WALK_IN = "walk-in", _("come on a class day, without registering first")
    TEST = "test", _("a short test first, to find your level")
    REFERRAL = "referral", _("another service sends you")


class Seats(models.TextChoices):
    UNKNOWN = "", _("not known")
    AVAILABLE = "available", _("places left")
    WAITING_LIST = "waiting-list", _("full: waiting list")
    FULL = "full", _("full")


def validate_language_codes(value):
    # Django's languages and ours (settings.EXTRA_LANG_INFO is added to them).
    unknown = [code for code in value.split() if code not in LANG_INFO]
    if unknown:
        raise ValidationError(
            _("Unknown language codes: %(codes)s. Use codes like ar, fa, ps, uk, ru, ti, en.")
            % {"codes": " ".join(unknown)}
        )


class Course(CheckedTranslation, Reviewed):
    """A French course at a place: one group of learners, whatever its number of weekly classes."""

    content_kind = ContentKind.PUBLIC
    TRACKED_FIELDS = ("title", "description", "price", "registration_note")

    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, related_name="courses", verbose_name=_("place")
    )
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the course is, in a few plain sentences.")
    )
    level_from = models.PositiveSmallIntegerField(
        _("from level"), choices=Level.choices, null=True, blank=True
    )
    level_to = models.PositiveSmallIntegerField(
        _("to level"),
        choices=Level.choices,
        null=True,
        blank=True,
        help_text=_("The same as « from level » for a course of one level. Empty: not known."),
    )
    audience = models.CharField(
        _("for whom"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    childcare = models.BooleanField(
        _("childcare"), default=False, help_text=_("Young children are looked after during class.")
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, blank=True)
    price = models.CharField(
        _("price"), max_length=120, blank=True, help_text=_("For example: 20 € a year.")
    )
    registration = models.CharField(
        _("how to register"), max_length=10, choices=Registration.choices, blank=True
    )
    registration_note = models.CharField(
        _("about registering"),
        max_length=300,
        blank=True,
        help_text=_("Who sends people there, what to bring, when to come for the test."),
    )
    teacher_languages = models.CharField(
        _("languages the teachers speak"),
        max_length=100,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Language codes separated by spaces, for example: en ar fa."),
    )
    starts_on = models.DateField(_("next start"), null=True, blank=True)
    joins_any_time = models.BooleanField(
        _("join at any time"), default=False, help_text=_("Learners may start any week.")
    )
    seats = models.CharField(_("places left"), max_length=20, choices=Seats.choices, blank=True)
    to_verify = models.BooleanField(
        _("to verify"),
        default=False,
        help_text=_("Facts not confirmed by the organiser: readers are told to check them there."),
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Drafts are only visible to staff.")
    )

    objects = ReviewedQuerySet.as_manager()

    class Meta:
        ordering = ["level_from", "title", "pk"]
        verbose_name = _("French course")
        verbose_name_plural = _("French courses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level_to__gte=models.F("level_from"))
                | models.Q(level_to__isnull=True)
                | models.Q(level_from__isnull=True),
                name="course_levels_in_order",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if (self.level_from is None) != (self.level_to is None):
            errors["level_to"] = _("Give both levels, or neither if the level is not known.")
        elif self.level_from is not None and self.level_to < self.level_from:
            errors["level_to"] = _("The last level comes before the first.")
        if self.cost == Cost.FREE and self.price:
            errors["price"] = _("A free course has no price.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return f"{self.place.get_absolute_url()}#course-{self.pk}"

    @property
    def levels(self):
        if self.level_from is None:
            return []
        return [Level(value) for value in range(self.level_from, self.level_to + 1)]


class CourseSlot(models.Model):
    """A weekly class: Tuesday 09:00–11:30."""

    content_kind = ContentKind.PUBLIC

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="slots")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=OpeningSlot.Weekday.choices)
    starts = models.TimeField(_("starts at"))
    ends = models.TimeField(_("ends at"))

    class Meta:
        ordering = ["weekday", "starts"]
        verbose_name = _("weekly class")
        verbose_name_plural = _("weekly classes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends__gt=models.F("starts")), name="class_ends_after_it_starts"
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.starts:%H:%M}–{self.ends:%H:%M}"

    def clean(self):
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": _("It ends before it starts.")})
