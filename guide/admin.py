from csp.constants import UNSAFE_INLINE
from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from js_asset import Media as JsMedia
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from .models import Section, Theme, TranslationStatus, translation_languages


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
        return choices

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        status, _sep, code = self.value().partition("-")
        if code not in translation_languages() or status not in ("missing", "outdated"):
            return queryset
        model = queryset.model
        condition = model.missing_q(code) if status == "missing" else model.outdated_q(code)
        return queryset.filter(condition)


class DueForReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", _("Due for review (checked more than 12 months ago)"))]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.due_for_review()
        return queryset


class TranslatedAdmin(TabbedDjangoJqueryTranslationAdmin):
    """A tab per language, and a status column per translated language in the list."""

    def get_list_display(self, request):
        return [*super().get_list_display(request), *map(_status_column, translation_languages())]

    def get_search_fields(self, request):
        # Search every language, not only the French columns.
        return [
            build_localized_fieldname(field, code)
            for field in self.search_fields
            for code, _name in settings.LANGUAGES
        ]

    def render_change_form(self, request, context, *args, **kwargs):
        # The rich-text editor declares its modules in an inline import map: let the CSP nonce
        # of this response allow that one script.
        context["media"] = JsMedia.from_media(context["media"], nonce=request.csp_nonce)
        response = super().render_change_form(request, context, *args, **kwargs)
        # The editor (Tiptap) injects its base styles as a <style> element it cannot nonce.
        response._csp_update = {"style-src": [UNSAFE_INLINE]}
        return response


@admin.register(Theme)
class ThemeAdmin(TranslatedAdmin):
    list_display = ["title", "slug", "order"]
    list_filter = [TranslationStatusFilter]
    search_fields = ["title", "introduction"]
    prepopulated_fields = {"slug": ["title_fr"]}


@admin.register(Section)
class SectionAdmin(TranslatedAdmin):
    list_display = ["title", "theme", "published", "last_reviewed"]
    list_filter = ["published", "theme", TranslationStatusFilter, DueForReviewFilter]
    list_select_related = ["theme"]
    search_fields = ["title", "summary", "body"]
    ordering = ["theme__order", "order"]
    date_hierarchy = "last_reviewed"
    prepopulated_fields = {"slug": ["title_fr"]}
    autocomplete_fields = ["places"]
    fieldsets = [
        (None, {"fields": ["theme", "title", "slug", "summary", "body", "order", "published"]}),
        (_("Places and image"), {"fields": ["places", "image", "image_alt"]}),
        (_("Checks"), {"fields": ["last_reviewed", "falc_checked_by", "falc_checked_on"]}),
    ]

    @admin.action(description=_("Mark as reviewed today"))
    def mark_reviewed(self, request, queryset):
        count = queryset.update(last_reviewed=timezone.localdate())
        self.message_user(request, _("%(count)d sections marked as reviewed.") % {"count": count})

    actions = ["mark_reviewed"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("theme")
