from modeltranslation.translator import TranslationOptions, register

from .models import Route, RouteStop


@register(Route)
class RouteTranslationOptions(TranslationOptions):
    fields = ("title", "introduction", "translated_at", "checked_by", "checked_on")
    required_languages = {"fr": ("title",)}


@register(RouteStop)
class RouteStopTranslationOptions(TranslationOptions):
    fields = ("text", "to_next", "translated_at")
