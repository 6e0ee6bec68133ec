import json

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from common.admin import TranslatedAdmin, TranslationStatusFilter

from . import maps
from .csv_io import export_places, import_places
from .models import (
    METROPOLE_RADIUS_KM,
    Category,
    HoursException,
    Notice,
    OpeningSlot,
    Place,
)


class PointPickerWidget(forms.NumberInput):
    """The latitude input, followed by a Leaflet map (django-leaflet's) to click or drag on.

    The longitude input is found by its id; typing numbers in either moves the marker.
    """

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        return format_html(
            '<div class="point-picker-field">{}<div class="point-picker" '
            'data-lat-input="id_latitude" data-lon-input="id_longitude" data-config="{}" '
            'role="application" aria-label="{}"></div><p class="help">{}</p></div>',
            field,
            json.dumps(maps.config()),
            _("Map: click to place the point"),
            _("Click the map or drag the marker; you can also type the numbers."),
        )

    class Media:
        css = {"all": ["leaflet/leaflet.css", "places/admin/point_picker.css"]}
        js = ["leaflet/leaflet.js", "places/admin/point_picker.js"]


class PositionFilter(admin.SimpleListFilter):
    title = _("position")
    parameter_name = "position"

    def lookups(self, request, model_admin):
        return [("none", _("No coordinates")), ("located", _("With coordinates"))]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(latitude__isnull=True)
        if self.value() == "located":
            return queryset.filter(latitude__isnull=False)
        return queryset


class FactsCheckFilter(admin.SimpleListFilter):
    title = _("facts checked")
    parameter_name = "facts"

    def lookups(self, request, model_admin):
        return [("due", _("Not checked for six months"))]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.facts_due()
        return queryset


class CsvImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))


@admin.register(Category)
class CategoryAdmin(TranslatedAdmin):
    list_display = ["name", "slug", "pictogram", "colour", "order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name_fr"]}


class OpeningSlotInline(admin.TabularInline):
    """The weekly hours: a row per opening, two on a day with a lunch break."""

    model = OpeningSlot
    extra = 0


class HoursExceptionInline(admin.TabularInline):
    model = HoursException
    extra = 0


@admin.register(Place)
class PlaceAdmin(TranslatedAdmin):
    inlines = [OpeningSlotInline, HoursExceptionInline]
    list_display = ["name", "category", "city", "published", "to_verify", "precision"]
    list_filter = [
        "category",
        "published",
        "to_verify",
        "precision",
        PositionFilter,
        FactsCheckFilter,
        TranslationStatusFilter,
    ]
    list_select_related = ["category"]
    search_fields = ["name", "address", "description"]
    prepopulated_fields = {"slug": ["name_fr"]}
    change_list_template = "admin/places/place/change_list.html"
    actions = ["export_csv", "mark_facts_checked"]

    def get_urls(self):
        return [
            path("export/", self.admin_site.admin_view(self.export_view), name="places_export"),
            path("import/", self.admin_site.admin_view(self.import_view), name="places_import"),
            *super().get_urls(),
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "latitude":
            kwargs["widget"] = PointPickerWidget(attrs={"step": "0.000001"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        distance = obj.distance_from_centre_km()
        if distance is not None and distance > METROPOLE_RADIUS_KM:
            self.message_user(
                request,
                _("This place is %(km)d km from Clermont-Ferrand: check its position.")
                % {"km": distance},
                messages.WARNING,
            )

    def _csv_response(self, places):
        response = HttpResponse(export_places(places), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="lieux.csv"'
        return response

    @admin.action(description=_("Mark the facts as checked today"))
    def mark_facts_checked(self, request, queryset):
        # One save each, not update(): the save signal tells the page cache the date changed.
        for place in queryset:
            place.facts_checked_on = timezone.localdate()
            place.save(update_fields=["facts_checked_on"])
        self.message_user(
            request, _("%(count)d places marked as checked.") % {"count": len(queryset)}
        )

    @admin.action(description=_("Export the selected places as CSV"))
    def export_csv(self, request, queryset):
        return self._csv_response(queryset)

    def export_view(self, request):
        if not self.has_view_permission(request):
            return redirect("admin:index")
        return self._csv_response(Place.objects.all())

    def import_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            return redirect("admin:places_place_changelist")
        errors = []
        form = CsvImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            created, updated, errors = import_places(form.cleaned_data["file"].read())
            if not errors:
                self.message_user(
                    request,
                    _("Import done: %(created)d places created, %(updated)d updated.")
                    % {"created": created, "updated": updated},
                )
                return redirect("admin:places_place_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import places from a CSV file"),
            "form": form,
            "errors": errors,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/places/place/import.html", context)


@admin.register(Notice)
class NoticeAdmin(TranslatedAdmin):
    list_display = ["title", "starts", "ends"]
    list_filter = ["starts"]
    search_fields = ["title", "text"]
    date_hierarchy = "starts"
    autocomplete_fields = ["places"]
