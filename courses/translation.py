from modeltranslation.translator import TranslationOptions, register

from .models import Course


@register(Course)
class CourseTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "description",
        "price",
        "registration_note",
        "translated_at",
        "checked_by",
        "checked_on",
    )
    required_languages = {"fr": ("title",)}
