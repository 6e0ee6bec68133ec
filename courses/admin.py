from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from common.admin import TranslatedAdmin, TranslationStatusFilter
from common.reviews import DueForReviewFilter, mark_reviewed

from .models import Course, CourseSlot


class CourseSlotInline(admin.StackedInline):
    """Stacked, not tabular: each input keeps its label (a table's cells have none)."""

    model = CourseSlot
    extra = 1


@admin.register(Course)
class CourseAdmin(TranslatedAdmin):
    inlines = [CourseSlotInline]
    list_display = [
        "title",
        "place",
        "level_from",
        "level_to",
        "audience",
        "cost",
        "seats",
        "starts_on",
        "to_verify",
        "published",
        "last_reviewed",
    ]
    list_filter = [
        "published",
        "to_verify",
        "audience",
        "cost",
        "seats",
        "childcare",
        TranslationStatusFilter,
        DueForReviewFilter,
    ]
    list_select_related = ["place"]
    search_fields = ["title", "description", "place__name"]
    actions = [mark_reviewed]
    fieldsets = [
        (None, {"fields": ["place", "title", "description", "published"]}),
        (_("Level and audience"), {"fields": ["level_from", "level_to", "audience", "childcare"]}),
        (
            _("Registration"),
            {
                "fields": [
                    "cost",
                    "price",
                    "registration",
                    "registration_note",
                    "teacher_languages",
                    "starts_on",
                    "joins_any_time",
                    "seats",
                ]
            },
        ),
        (_("Checks"), {"fields": ["to_verify", "last_reviewed", "checked_by", "checked_on"]}),
    ]
