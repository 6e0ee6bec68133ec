from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.content import ContentKind

from .text import words

MAX_MISSED_QUERY = 100


class Entry(models.Model):
    """One published page or place in one language, as the search reads it.

    Written by search.index whenever staff save what it shows; never edited by hand. Each
    database adds its own index by migration: an FTS5 table on SQLite (search_fts, kept in step
    by a trigger), a `document` tsvector column on PostgreSQL.
    """

    content_kind = ContentKind.DERIVED

    class Kind(models.IntegerChoices):
        # The order of a kind among results whose titles match equally: places first, as
        # readers who type a name (« CAF ») want the place.
        PLACE = 1, _("place")
        SECTION = 2, _("page")
        ROUTE = 3, _("route")
        TERM = 4, _("word of the counter")

    kind = models.PositiveSmallIntegerField(choices=Kind.choices)
    object_id = models.PositiveIntegerField()
    language = models.CharField(max_length=10)
    url = models.CharField(max_length=300)
    title = models.CharField(max_length=300)
    context = models.CharField(max_length=300, blank=True)  # a section's theme, a place's kind
    text = models.TextField(blank=True)
    # French, in the other languages: the words of procedures that readers know in French.
    also = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.object_id} ({self.language}): {self.title}"


class Word(models.Model):
    """A word of the published text, for « Did you mean … ? »."""

    content_kind = ContentKind.DERIVED

    language = models.CharField(max_length=10)
    word = models.CharField(max_length=100)
    folded = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="search_word_unique")
        ]

    def __str__(self):
        return self.word


class Synonym(models.Model):
    """What readers say, and the words of the guide it means."""

    content_kind = ContentKind.PUBLIC

    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    term = models.CharField(
        _("what readers type"),
        max_length=100,
        help_text=_("A word or a few words, for example « sécu »."),
    )
    means = models.CharField(
        _("words of the guide"),
        max_length=200,
        help_text=_(
            "What the guide says instead, for example « assurance maladie ». Separate several "
            "with commas."
        ),
    )
    folded = models.CharField(max_length=100, editable=False)

    class Meta:
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        ordering = ["language", "folded"]
        constraints = [
            models.UniqueConstraint(fields=["language", "folded"], name="search_synonym_unique")
        ]

    def __str__(self):
        return f"{self.term} → {self.means}"

    def save(self, *args, **kwargs):
        self.folded = self.key(self.term)
        super().save(*args, **kwargs)

    @staticmethod
    def key(term):
        """What a term is found by: its folded words."""
        return " ".join(words(term))

    def meanings(self):
        return [part.strip() for part in self.means.split(",") if part.strip()]


class MissedSearch(models.Model):
    """A search that found nothing: the words, the language, the day. Nothing on the reader."""

    content_kind = ContentKind.SUBMITTED

    query = models.CharField(_("search"), max_length=MAX_MISSED_QUERY)
    language = models.CharField(_("language"), max_length=10)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("times"), default=1)

    class Meta:
        verbose_name = _("search without result")
        verbose_name_plural = _("searches without result")
        ordering = ["-count", "query"]
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "day"], name="search_missed_unique"
            )
        ]

    def __str__(self):
        return self.query
