"""Admin pieces for translated models: a tab per language, a status column per language."""

from csp.constants import UNSAFE_INLINE
from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from js_asset import Media as JsMedia
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from common.models import LanguageFallback
from common.translations import (
    CheckedTranslation,
    TranslationStatus,
    TranslationTracking,
    translation_languages,
)


def editor_media(request, media):
    """The form's media, with the rich-text editor's inline import map allowed by the CSP nonce
    of this response."""
    return JsMedia.from_media(media, nonce=request.csp_nonce)


def allow_editor_styles(response):
    """The editor (Tiptap) injects its base styles as a <style> element it cannot nonce."""
    response._csp_update = {"style-src": [UNSAFE_INLINE]}
    return response


def _status_column(code):
    """A list column showing one language's translation status."""

    def column(obj):
        status = TranslationStatus(obj.translation_status(code))
        return format_html('<span class="translation-{}">{}</span>', status.value, status.label)

    column.short_description = code
    return column


class TranslationStatusFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = []
        for code in translation_languages():
            name = dict(settings.LANGUAGES)[code]
            choices.append((f"missing-{code}", _("%(language)s: missing") % {"language": name}))
            choices.append((f"outdated-{code}", _("%(language)s: outdated") % {"language": name}))
            choices.append((f"draft-{code}", _("%(language)s: not checked") % {"language": name}))
            choices.append((f"checked-{code}", _("%(language)s: checked") % {"language": name}))
        return choices

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        status, _sep, code = self.value().partition("-")
        if code not in translation_languages() or status not in self.CONDITIONS:
            return queryset
        return queryset.filter(getattr(queryset.model, self.CONDITIONS[status])(code))

    CONDITIONS = {
        "missing": "missing_q",
        "outdated": "outdated_q",
        "draft": "draft_q",
        "checked": "checked_q",
    }


class TranslatedAdmin(TabbedDjangoJqueryTranslationAdmin):
    """A tab per language, and a status column per translated language in the list."""

    def _tracks_translations(self):
        return issubclass(self.model, TranslationTracking)

    def get_list_display(self, request):
        columns = super().get_list_display(request)
        if not self._tracks_translations():
            return columns
        return [*columns, *map(_status_column, translation_languages())]

    def get_fields(self, request, obj=None):
        # The translation checks come from the abstract base, so first: put them last.
        fields = super().get_fields(request, obj)
        checks = [field for field in fields if field.startswith(("checked_by", "checked_on"))]
        return [field for field in fields if field not in checks] + checks

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        checked = issubclass(self.model, CheckedTranslation)
        if checked and TranslationStatusFilter not in filters:
            return [*filters, TranslationStatusFilter]
        return filters

    def get_search_fields(self, request):
        # Search every language of the translated fields, not only the French columns.
        translated = translator.get_options_for_model(self.model).all_fields
        codes = [code for code, _name in settings.LANGUAGES]
        fields = []
        for field in self.search_fields:
            if field in translated:
                fields += [build_localized_fieldname(field, code) for code in codes]
            else:
                fields.append(field)
        return fields

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = editor_media(request, context["media"])
        return allow_editor_styles(super().render_change_form(request, context, *args, **kwargs))


@admin.register(LanguageFallback)
class LanguageFallbackAdmin(admin.ModelAdmin):
    list_display = ["language", "offered", "source"]
