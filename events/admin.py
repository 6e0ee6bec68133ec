from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.admin import TranslatedAdmin, TranslationStatusFilter
from common.reviews import DueForReviewFilter, mark_reviewed

from . import importing
from .models import Category, Event


@admin.register(Category)
class CategoryAdmin(TranslatedAdmin):
    list_display = ["name", "slug", "order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name_fr"]}


class DatesFilter(admin.SimpleListFilter):
    title = _("dates")
    parameter_name = "dates"

    def lookups(self, request, model_admin):
        return [("coming", _("Coming or going on")), ("over", _("Over"))]

    def queryset(self, request, queryset):
        if self.value() == "coming":
            return queryset.not_over()
        if self.value() == "over":
            return queryset.exclude(pk__in=queryset.not_over().values("pk"))
        return queryset


class CalendarImportForm(forms.Form):
    category = forms.ModelChoiceField(Category.objects.all(), label=_("Category of the events"))
    url = forms.URLField(
        label=_("Address of the calendar"),
        required=False,
        assume_scheme="https",
        help_text=_("The partner's iCal address (it ends in .ics, or starts with webcal://)."),
    )
    file = forms.FileField(
        label=_("Or a calendar file (.ics)"),
        required=False,
        help_text=_("Saved from the partner's calendar: « export » or « download »."),
    )

    def clean_url(self):
        url = self.cleaned_data["url"]
        return "https://" + url.removeprefix("webcal://") if url.startswith("webcal://") else url

    def clean(self):
        data = super().clean()
        if not data.get("url") and not data.get("file"):
            raise forms.ValidationError(_("Give the calendar's address, or its file."))
        return data


class DateTimeLocalInput(forms.DateTimeInput):
    """The browser's own date and time picker, one input under the field's label (the admin's
    split date and time inputs leave the time without a label)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


@admin.register(Event)
class EventAdmin(TranslatedAdmin):
    formfield_overrides = {
        models.DateTimeField: {"form_class": forms.DateTimeField, "widget": DateTimeLocalInput}
    }
    change_list_template = "admin/events/event/change_list.html"
    list_display = [
        "title",
        "category",
        "starts_at",
        "repeat",
        "place",
        "to_verify",
        "published",
        "last_reviewed",
    ]
    list_filter = [
        DatesFilter,
        "published",
        "category",
        "to_verify",
        TranslationStatusFilter,
        DueForReviewFilter,
    ]
    list_select_related = ["category", "place"]
    search_fields = ["title", "summary", "description"]
    prepopulated_fields = {"slug": ["title_fr"]}
    date_hierarchy = "starts_at"
    actions = [mark_reviewed]
    readonly_fields = ["source_uid"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "description", "published"]}),
        (
            _("When"),
            {"fields": ["starts_at", "ends_at", "all_day", "repeat", "repeat_until"]},
        ),
        (_("Where"), {"fields": ["place", "route"]}),
        (
            _("Checks"),
            {"fields": ["to_verify", "last_reviewed", "checked_by", "checked_on", "source_uid"]},
        ),
    ]

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="events_event_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = CalendarImportForm(request.POST or None, request.FILES or None)
        report = None
        if request.method == "POST" and form.is_valid():
            try:
                if form.cleaned_data["file"]:
                    data = form.cleaned_data["file"].read(importing.MAX_BYTES + 1)
                else:
                    data = importing.fetch(form.cleaned_data["url"])
                report = importing.import_calendar(data, form.cleaned_data["category"])
            except importing.CalendarRefused as error:
                form.add_error(None, str(error))
            else:
                if report.created or report.updated:
                    messages.success(
                        request,
                        _("%(created)d events imported, %(updated)d updated, as drafts.")
                        % {"created": len(report.created), "updated": len(report.updated)},
                    )
                if not report.refused:
                    return redirect(
                        reverse("admin:events_event_changelist") + "?published__exact=0"
                    )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import events from a calendar"),
            "form": form,
            "report": report,
            "now": timezone.now(),
        }
        status = 400 if request.method == "POST" and not form.is_valid() else 200
        return TemplateResponse(request, "admin/events/event/import.html", context, status=status)
