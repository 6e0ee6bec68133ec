from modeltranslation.translator import TranslationOptions, register

from .models import Category, Notice, Place


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "translated_at", "checked_by", "checked_on")
    required_languages = {"fr": ("name",)}


@register(Place)
class PlaceTranslationOptions(TranslationOptions):
    fields = (*Place.TRACKED_FIELDS, "translated_at", "checked_by", "checked_on")
    required_languages = {"fr": ("name",)}


@register(Notice)
class NoticeTranslationOptions(TranslationOptions):
    fields = ("title", "text", "translated_at", "checked_by", "checked_on")
    required_languages = {"fr": ("title",)}
