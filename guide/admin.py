from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from common.admin import TranslatedAdmin, TranslationStatusFilter
from common.reviews import DueForReviewFilter, mark_reviewed

from .models import Recording, Section, Term, Theme


@admin.register(Theme)
class ThemeAdmin(TranslatedAdmin):
    list_display = ["title", "slug", "order"]
    list_filter = [TranslationStatusFilter]
    search_fields = ["title", "introduction"]
    prepopulated_fields = {"slug": ["title_fr"]}


class RecordingInline(admin.TabularInline):
    """The page read aloud, one file per language."""

    model = Recording
    extra = 0


class RecordingFilter(admin.SimpleListFilter):
    title = _("recordings")
    parameter_name = "recorded"

    def lookups(self, request, model_admin):
        return [("yes", _("With a recording")), ("no", _("Without a recording"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(recordings__isnull=False).distinct()
        if self.value() == "no":
            return queryset.filter(recordings__isnull=True)
        return queryset


@admin.register(Section)
class SectionAdmin(TranslatedAdmin):
    inlines = [RecordingInline]
    list_display = ["title", "theme", "published", "last_reviewed", "recorded_in"]
    list_filter = [
        "published",
        "theme",
        TranslationStatusFilter,
        DueForReviewFilter,
        RecordingFilter,
    ]
    list_select_related = ["theme"]
    search_fields = ["title", "summary", "body"]
    ordering = ["theme__order", "order"]
    date_hierarchy = "last_reviewed"
    prepopulated_fields = {"slug": ["title_fr"]}
    autocomplete_fields = ["places"]
    fieldsets = [
        (None, {"fields": ["theme", "title", "slug", "summary", "body", "order", "published"]}),
        (_("Places and image"), {"fields": ["places", "image", "image_alt"]}),
        (_("Checks"), {"fields": ["last_reviewed", "checked_by", "checked_on"]}),
    ]

    actions = [mark_reviewed]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("theme").prefetch_related("recordings")

    @admin.display(description=_("read aloud in"))
    def recorded_in(self, section):
        return ", ".join(r.get_language_display() for r in section.recordings.all()) or "—"


@admin.register(Term)
class TermAdmin(TranslatedAdmin):
    list_display = ["term", "meaning", "published"]
    list_filter = ["published", TranslationStatusFilter]
    search_fields = ["term", "variants", "meaning", "definition"]
    prepopulated_fields = {"slug": ["term"]}
    autocomplete_fields = ["places"]
