from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .models import Consultation, MentoringRequest


def _record(request, mentoring_request=None):
    Consultation.objects.create(
        request=mentoring_request,
        user=request.user,
        username=request.user.get_username(),
        path=request.get_full_path()[:500],
    )


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
    fields = [*readonly_fields, "status", "note", "read_by"]
    readonly_fields = [*readonly_fields, "read_by"]

    def has_add_permission(self, request):
        return False

    # Reading is recorded as it happens: a request opened, a list of requests shown. (Changes
    # are in the history, Django's LogEntry, with the fields changed.)
    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            _record(request, response.context_data["original"])
        return response

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        if response.status_code == 200:
            _record(request)
        return response

    @admin.display(description=_("read by"))
    def read_by(self, mentoring_request):
        """Who opened this request before, latest first (the Consultations list has them all)."""
        if mentoring_request.pk is None:
            return "—"
        lines = mentoring_request.consultations.all()[:20]
        return (
            format_html_join(
                "", "<div>{} — {}</div>", ((f"{c.at:%d/%m/%Y %H:%M}", c.username) for c in lines)
            )
            or "—"
        )

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


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    """The record of who read requests: nobody edits or deletes it here."""

    list_display = ["at", "username", "request", "path"]
    list_filter = ["username"]
    date_hierarchy = "at"
    fields = ["at", "username", "request", "path"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
