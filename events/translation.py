from modeltranslation.translator import TranslationOptions, register

from .models import Category, Event


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "translated_at", "checked_by", "checked_on")
    required_languages = {"fr": ("name",)}


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "translated_at", "checked_by", "checked_on")
    required_languages = {"fr": ("title", "summary")}
