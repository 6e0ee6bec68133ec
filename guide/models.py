import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

from common.content import ContentKind
from common.querysets import PublishedQuerySet
from common.reviews import Reviewed, ReviewedQuerySet
from common.translations import CheckedTranslation
from places.models import Pictogram, Place

from .sanitize import EDITOR_EXTENSIONS, sanitize

# Easy-to-read French, whose texts a panel of readers checks.
# /<lang>/guide/print/ is the whole guide, not a theme.
RESERVED_THEME_SLUGS = {"print"}


class Theme(CheckedTranslation):
    """A chapter of the guide (health, housing, learning French…) grouping its sections."""

    content_kind = ContentKind.PUBLIC

    TRACKED_FIELDS = ("title", "introduction")

    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Part of the page address, the same in every language. Partners link to it."),
    )
    introduction = models.TextField(_("short introduction"), max_length=500, blank=True)
    pictogram = models.CharField(
        _("pictogram"), max_length=30, choices=Pictogram.choices, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guide:theme", args=[self.slug])

    def clean(self):
        if self.slug in RESERVED_THEME_SLUGS:
            raise ValidationError({"slug": _("This address is taken by another page.")})

    @property
    def pictogram_path(self):
        return Pictogram.static_path(self.pictogram) if self.pictogram else ""


class SectionQuerySet(ReviewedQuerySet):
    def without_bodies(self):
        """Leave the long bodies in the database, for pages that only list sections."""
        return self.defer(
            *(build_localized_fieldname("body", code) for code, _name in settings.LANGUAGES)
        )


class Section(CheckedTranslation, Reviewed):
    """A page of the guide: one question a newcomer has, answered."""

    content_kind = ContentKind.PUBLIC

    TRACKED_FIELDS = ("title", "summary", "body")

    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="sections", verbose_name=_("theme")
    )
    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Part of the page address, the same in every language. Partners link to it."),
    )
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two plain sentences, shown in lists.")
    )
    body = ProseEditorField(_("body"), extensions=EDITOR_EXTENSIONS, sanitize=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Drafts are only visible to staff.")
    )
    places = models.ManyToManyField(
        Place, blank=True, related_name="sections", verbose_name=_("places cited")
    )
    image = models.ImageField(_("image"), upload_to="sections/", blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Empty if decorative."),
    )
    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["theme__order", "order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(fields=["theme", "slug"], name="unique_section_slug_in_theme")
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        for code, _name in settings.LANGUAGES:
            name = build_localized_fieldname("body", code)
            value = getattr(self, name)
            if value:
                setattr(self, name, sanitize(value))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("guide:section", args=[self.theme.slug, self.slug])


# What browsers play in an <audio> element: MP3 and M4A (AAC) everywhere, Ogg and WebM
# (Opus) everywhere but old iPhones.
AUDIO_EXTENSIONS = ["mp3", "m4a", "ogg", "opus", "webm", "wav"]
MAX_RECORDING_BYTES = 30 * 1024 * 1024


def _recording_path(recording, filename):
    # A new name for every upload: readers' phones keep a file as long as they are told to.
    name = f"{recording.section.slug}-{recording.language}-{uuid.uuid4().hex[:8]}"
    return f"recordings/{name}{Path(filename).suffix.lower()}"


def _not_too_big(file):
    if file.size > MAX_RECORDING_BYTES:
        raise ValidationError(
            _(
                "The file weighs more than %(mb)d MB: readers pay for their data. Export it at a "
                "lower quality (64 kbit/s is enough for a voice)."
            )
            % {"mb": MAX_RECORDING_BYTES // (1024 * 1024)}
        )


class Recording(models.Model):
    """A person reading a section aloud in one language, played with a plain <audio> element.

    A human voice is best for FALC, and the only one for languages browsers cannot speak."""

    content_kind = ContentKind.PUBLIC

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="recordings", verbose_name=_("section")
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    file = models.FileField(
        _("recording"),
        upload_to=_recording_path,
        validators=[FileExtensionValidator(AUDIO_EXTENSIONS), _not_too_big],
        help_text=_("MP3, M4A, Ogg or WebM: the page read aloud, in this language."),
    )
    uploaded_on = models.DateField(_("uploaded on"), auto_now=True)

    class Meta:
        ordering = ["section", "language"]
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")
        constraints = [
            models.UniqueConstraint(
                fields=["section", "language"], name="one_recording_per_section_and_language"
            )
        ]

    def __str__(self):
        return f"{self.section} ({self.get_language_display()})"


class Term(CheckedTranslation):
    """A word newcomers meet at the counter (« récépissé », « CAF »), explained in their language.

    The French word stays French on every page, since it is the one written on the forms and the
    doors; `meaning` says what it is in the reader's language.
    """

    content_kind = ContentKind.PUBLIC

    TRACKED_FIELDS = ("meaning", "definition")

    term = models.CharField(
        _("term"),
        max_length=80,
        help_text=_("The French word as it is written at the counter. Shown in every language."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Part of the page address, the same in every language. Partners link to it."),
    )
    variants = models.TextField(
        _("other forms"),
        blank=True,
        help_text=_(
            "One per line: the plural, the long form of an acronym… The first of these forms "
            "in a page of the guide links to the glossary."
        ),
    )
    meaning = models.CharField(
        _("in the reader's language"),
        max_length=120,
        blank=True,
        help_text=_("What the word is in this language: « residence permit ». Empty in French."),
    )
    definition = models.TextField(
        _("definition"), max_length=600, help_text=_("One to three plain sentences.")
    )
    places = models.ManyToManyField(
        Place, blank=True, related_name="terms", verbose_name=_("where to go")
    )
    published = models.BooleanField(_("published"), default=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return reverse("term", args=[self.slug])

    def forms(self):
        """The words that name it in a text of the active language: the French ones, and what
        it is in that language."""
        forms = [self.term, *self.variants.splitlines(), self.meaning]
        return [form.strip() for form in forms if len(form.strip()) >= 2]
