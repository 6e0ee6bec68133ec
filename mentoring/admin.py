from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import MentoringRequest


@admin.register(MentoringRequest)
class MentoringRequestAdmin(admin.ModelAdmin):
    """Seen only by the « Coordination parrainage » group (and superusers)."""

    list_display = ["first_name", "call", "write", "kind", "status", "language", "created_at"]
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

    @admin.display(description=_("phone"))
    def call(self, mentoring_request):
        """A tap on a phone calls."""
        if not mentoring_request.phone:
            return "—"
        number = "".join(c for c in mentoring_request.phone if c.isdigit() or c == "+")
        return format_html('<a href="tel:{}">{}</a>', number, mentoring_request.phone)

    @admin.display(description=_("email"))
    def write(self, mentoring_request):
        if not mentoring_request.email:
            return "—"
        return format_html(
            '<a href="mailto:{}">{}</a>', mentoring_request.email, mentoring_request.email
        )
