"""
Per-language translation status (complete / missing / outdated), shared by the guide and the
places. It lives here, in the app every other one may import, not in a third app.
"""

import re

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

# What a browser or the rich-text editor rewrites in a text nobody edited: line endings (a form
# sends CRLF), non-breaking spaces (typed, or written &nbsp; by the editor), repeated spaces, and
# the paragraph the editor puts in every list item (<li><p>…</p></li>).
_NON_BREAKING_SPACE = re.compile(r"[\u00a0\u202f\u2007]|&nbsp;|&#160;|&#xa0;", re.IGNORECASE)
_SPACES = re.compile(r"[^\S\n]+")
_SPACE_AROUND_BLOCK_TAG = re.compile(r"\s*(</?(?:p|h[1-6]|ul|ol|li|br)\b[^>]*>)\s*")
_LIST_ITEM_PARAGRAPH = re.compile(r"(?<=<li>)<p>|</p>(?=</li>|<[uo]l\b)")


def _comparable(field, text):
    """Return the text as a reader gets it, to tell a real change from a rewriting."""
    rich = isinstance(field, ProseEditorField)
    text = _NON_BREAKING_SPACE.sub(" ", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    if rich:  # in HTML a line break is a space, and space between blocks is nothing
        text = _SPACE_AROUND_BLOCK_TAG.sub(r"\1", re.sub(r"\s+", " ", text))
        return _LIST_ITEM_PARAGRAPH.sub("", text).strip()
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.strip().split("\n"))


# Easy-to-read French: a language of its own (URL prefix, fields *_fr_falc), checked by a panel.
FALC = "fr-falc"


def fallback_fields(obj, fields=None):
    """Name the fields shown in French because the reader's language has no text for them.

    A field empty in French too shows nothing, and so is no fallback.

    `fields` defaults to the fields the model tracks for translation. Templates mark each of them
    with `{% lang_if_fallback fallback "field" %}` and show includes/fallback_notice.html.
    """
    language = get_language()
    if obj is None or language == settings.LANGUAGE_CODE:
        return set()
    fields = obj.TRACKED_FIELDS if fields is None else fields
    return {
        field
        for field in fields
        if getattr(obj, build_localized_fieldname(field, settings.LANGUAGE_CODE))
        and not getattr(obj, build_localized_fieldname(field, language))
    }


def with_fallbacks(objects):
    """The objects as a list, each with `fallback` (its fields shown in French), for lists whose
    templates mark each item with `{% lang_if_fallback item.fallback "field" %}`."""
    objects = list(objects)
    for obj in objects:
        obj.fallback = fallback_fields(obj)
    return objects


def translated_fields(field, values):
    """Map {"fr": …, "en": …} to model field names: {"title_fr": …, "title_en": …}."""
    return {build_localized_fieldname(field, code): text for code, text in values.items()}


def translation_languages():
    """The languages translated from the default one (French)."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class TranslationStatus(models.TextChoices):
    COMPLETE = "complete", _("complete")
    MISSING = "missing", _("missing")
    OUTDATED = "outdated", _("outdated")


class TranslationTracking(models.Model):
    """Know, per language, whether a translation is missing or older than its source text.

    `translated_at` is itself translated by modeltranslation (translated_at_fr,
    translated_at_en, …): each language's column holds when that language's text last changed,
    so an added language gets its column from `makemigrations`. Saving stamps the languages
    whose text changed, and leaves in `changed_texts` ({(field, language): text}) what changed,
    for the translators' history of source texts (translators.models.SourceRevision).
    """

    TRACKED_FIELDS = ()

    translated_at = models.DateTimeField(_("text changed"), null=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._stamp_changed_languages()
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remember the texts as loaded (deferred columns are not), to see what a save changes.
        loaded = dict(zip(field_names, values, strict=True))
        instance._loaded_texts = {
            name: loaded[name] for name in cls._tracked_columns() if name in loaded
        }
        return instance

    @classmethod
    def _tracked_columns(cls, code=None):
        codes = [code] if code else [code for code, _name in settings.LANGUAGES]
        return [build_localized_fieldname(f, c) for c in codes for f in cls.TRACKED_FIELDS]

    def _stamp_changed_languages(self):
        loaded = getattr(self, "_loaded_texts", None)
        now = timezone.now()
        self.changed_texts = {}
        for code, _name in settings.LANGUAGES:
            for field in self.TRACKED_FIELDS:
                name = build_localized_fieldname(field, code)
                text = getattr(self, name)
                if loaded is None:  # a new object: the texts it is written with
                    changed = bool(text)
                elif name not in loaded:  # deferred: not loaded, so not changed here
                    continue
                else:
                    model_field = self._meta.get_field(name)
                    changed = _comparable(model_field, text) != _comparable(
                        model_field, loaded[name]
                    )
                if changed:
                    self.changed_texts[field, code] = text or ""
                    setattr(self, build_localized_fieldname("translated_at", code), now)
        self._loaded_texts = {name: getattr(self, name) for name in self._tracked_columns()}

    def source_text(self, field, source=None):
        """The text a translation of `field` is made from: the source language's, or French."""
        source_code = source or settings.LANGUAGE_CODE
        return getattr(self, build_localized_fieldname(field, source_code)) or getattr(
            self, build_localized_fieldname(field, settings.LANGUAGE_CODE)
        )

    def is_translated(self, code):
        """Return True if every tracked field written in French has text in that language."""
        return all(
            getattr(self, build_localized_fieldname(field, code))
            for field in self.TRACKED_FIELDS
            if getattr(self, build_localized_fieldname(field, settings.LANGUAGE_CODE))
        )

    def has_text(self, code):
        """Return True if a tracked field has text in that language (a place with no
        description has nothing to translate, so no translation to check)."""
        return any(
            getattr(self, build_localized_fieldname(field, code)) for field in self.TRACKED_FIELDS
        )

    def translation_status(self, code, source=None):
        """Missing, outdated (the source changed after it), or complete.

        `source` is the language this one is translated from (French unless staff chose
        another, see common.models.LanguageFallback).
        """
        if not self.is_translated(code):
            return TranslationStatus.MISSING
        if self.source_changed_since(code, source):
            return TranslationStatus.OUTDATED
        return TranslationStatus.COMPLETE

    def source_changed_since(self, code, source=None):
        """Return True if the source text changed after this language's text last did."""
        source_code = source or settings.LANGUAGE_CODE
        source_changed = getattr(self, build_localized_fieldname("translated_at", source_code))
        translated = getattr(self, build_localized_fieldname("translated_at", code))
        return bool(source_changed) and (translated is None or translated < source_changed)

    @classmethod
    def missing_q(cls, code):
        """Match rows with a field written in French but not in that language."""
        q = Q()
        for field in cls.TRACKED_FIELDS:
            name = build_localized_fieldname(field, code)
            source = build_localized_fieldname(field, settings.LANGUAGE_CODE)
            empty = Q(**{name: ""}) | Q(**{f"{name}__isnull": True})
            q |= empty & ~Q(**{source: ""}) & Q(**{f"{source}__isnull": False})
        return q

    @classmethod
    def outdated_q(cls, code, source=None):
        source_changed = build_localized_fieldname(
            "translated_at", source or settings.LANGUAGE_CODE
        )
        translated = build_localized_fieldname("translated_at", code)
        return ~cls.missing_q(code) & (
            Q(**{f"{translated}__lt": F(source_changed)}) | Q(**{f"{translated}__isnull": True})
        )


class CheckedTranslation(TranslationTracking):
    """A translation tracked and checked: what a reader opens as a page (a section, a place,
    the questionnaire) records who read each of its translations as a speaker.

    The texts inside it (a route's stops, the questionnaire's questions) are only tracked: the
    check of the page covers them.
    """

    # Who read the translation as a speaker of its language (for FALC: a panel of readers), and
    # when. A translation is a draft until then, and again when its text changes after.
    checked_by = models.CharField(
        _("checked by"),
        max_length=200,
        blank=True,
        help_text=_("The speaker (for FALC: the panel of readers) who read this translation."),
    )
    checked_on = models.DateField(_("checked on"), null=True, blank=True)

    class Meta:
        abstract = True

    def is_checked(self, code):
        """Return True if a speaker checked this language's text and it has not changed since."""
        checked_by = getattr(self, build_localized_fieldname("checked_by", code))
        checked_on = getattr(self, build_localized_fieldname("checked_on", code))
        if not (checked_by and checked_on):
            return False
        changed = getattr(self, build_localized_fieldname("translated_at", code))
        return changed is None or timezone.localdate(changed) <= checked_on

    def is_draft(self, code):
        """A translation nobody has checked yet (French, the source, is never one)."""
        return (
            code != settings.LANGUAGE_CODE
            and self.has_text(code)
            and self.is_translated(code)
            and not self.is_checked(code)
        )

    @classmethod
    def checked_q(cls, code):
        """Match rows whose translation a speaker checked, and that has not changed since."""
        changed = build_localized_fieldname("translated_at", code)
        checked_on = build_localized_fieldname("checked_on", code)
        return (
            ~cls.missing_q(code)
            & ~Q(**{build_localized_fieldname("checked_by", code): ""})
            & Q(**{f"{checked_on}__isnull": False})
            & (Q(**{f"{changed}__isnull": True}) | Q(**{f"{changed}__date__lte": F(checked_on)}))
        )

    @classmethod
    def draft_q(cls, code):
        written = Q()
        for field in cls.TRACKED_FIELDS:
            name = build_localized_fieldname(field, code)
            written |= ~Q(**{name: ""}) & Q(**{f"{name}__isnull": False})
        return written & ~cls.missing_q(code) & ~cls.checked_q(code)
