from modeltranslation.translator import TranslationOptions, register

from .models import Choice, Question, Questionnaire


@register(Questionnaire)
class QuestionnaireTranslationOptions(TranslationOptions):
    fields = ("title", "introduction", "translated_at", "checked_by", "checked_on")
    required_languages = {"fr": ("title",)}


@register(Question)
class QuestionTranslationOptions(TranslationOptions):
    fields = ("text", "help_text", "translated_at")
    required_languages = {"fr": ("text",)}


@register(Choice)
class ChoiceTranslationOptions(TranslationOptions):
    fields = ("label", "translated_at")
    required_languages = {"fr": ("label",)}
