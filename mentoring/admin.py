from django.contrib import admin

from .models import MentoringRequest


@admin.register(MentoringRequest)
class MentoringRequestAdmin(admin.ModelAdmin):
    """Seen only by the « Coordination parrainage » group (and superusers)."""

    list_display = ["first_name", "kind", "status", "language", "created_at"]
    list_filter = ["status", "kind", "language"]
    list_editable = []
    date_hierarchy = "created_at"
    search_fields = ["first_name", "email", "phone"]
    readonly_fields = [
        "kind",
        "first_name",
        "phone",
        "email",
        "languages",
        "preferred_times",
        "message",
        "language",
        "created_at",
        "closed_at",
    ]
    fields = [*readonly_fields, "status", "note"]

    def has_add_permission(self, request):
        return False
