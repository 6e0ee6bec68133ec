from modeltranslation.translator import TranslationOptions, register

from .models import Section, Term, Theme


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("title", "introduction", "translated_at", "checked_by", "checked_on")
    required_languages = {"fr": ("title",)}


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "image_alt", "translated_at", "checked_by", "checked_on")
    required_languages = {"fr": ("title", "summary", "body")}


@register(Term)
class TermTranslationOptions(TranslationOptions):
    fields = (*Term.TRACKED_FIELDS, "translated_at", "checked_by", "checked_on")
    required_languages = {"fr": ("definition",)}
