import json

from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportActionMixin, ImportExportMixin
from import_export.forms import ExportForm
from import_export.results import RowResult

from common.admin import TranslatedAdmin, TranslationStatusFilter

from . import maps
from .models import (
    METROPOLE_RADIUS_KM,
    Category,
    HoursException,
    Notice,
    OpeningSlot,
    Place,
)
from .resources import FORMATS, PlaceResource


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
class PlaceAdmin(ImportExportMixin, ExportActionMixin, TranslatedAdmin):
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
    actions = ["mark_facts_checked"]

    # Spreadsheets (django-import-export): « Importer » shows what a file changes and saves it
    # on confirmation; « Exporter » writes the list as filtered, and so does the action.
    resource_classes = [PlaceResource]
    formats = FORMATS
    import_template_name = "admin/places/place/import.html"
    # The form without a box per column: that one answers clicks with inline event handlers,
    # which our Content-Security-Policy refuses.
    export_form_class = ExportForm
    # The place's own form as Django renders it, without an export button.
    change_form_template = None

    def has_import_permission(self, request):
        # IMPORT_EXPORT_IMPORT_PERMISSION_CODE asks for « change »; an import also adds places.
        return super().has_import_permission(request) and self.has_add_permission(request)

    def process_import(self, request, **kwargs):
        # The file waits for the confirmation in the cache, which may have dropped it since.
        form = self.create_confirm_form(request)
        if form.is_valid() and self.has_import_permission(request):
            storage = self.get_tmp_storage_class()(name=form.cleaned_data["import_file_name"])
            if storage.read() is None:
                self.message_user(
                    request, _("The file is no longer here: import it again."), messages.ERROR
                )
                return redirect("admin:places_place_import")
        return super().process_import(request, **kwargs)

    def get_import_data_kwargs(self, **kwargs):
        # All or nothing when the import is confirmed too: a place may have changed since the
        # preview, and import-export would then save the rows that are still valid.
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            self.message_user(
                request,
                _(
                    "Nothing was imported: the places changed since the preview. Import the "
                    "file again to see what is wrong."
                ),
                messages.ERROR,
            )
            return redirect("admin:places_place_import")
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        self.message_user(
            request,
            _("Import done: %(created)d places created, %(updated)d updated.")
            % {
                "created": result.totals[RowResult.IMPORT_TYPE_NEW],
                "updated": result.totals[RowResult.IMPORT_TYPE_UPDATE],
            },
        )

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, UnicodeDecodeError):
            form.add_error(
                "import_file", _("The file is not UTF-8 text. Save it as « CSV UTF-8 ».")
            )
        else:
            super().add_data_read_fail_error_to_form(form, e)

    def get_export_filename(self, request, queryset, file_format):
        name = slugify(self.opts.verbose_name_plural)  # « lieux »
        return f"{name}-{timezone.localdate():%Y-%m-%d}.{file_format.get_extension()}"

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

    @admin.action(description=_("Mark the facts as checked today"))
    def mark_facts_checked(self, request, queryset):
        # One save each, not update(): the save signal tells the page cache the date changed.
        for place in queryset:
            place.facts_checked_on = timezone.localdate()
            place.save(update_fields=["facts_checked_on"])
        self.message_user(
            request, _("%(count)d places marked as checked.") % {"count": len(queryset)}
        )


@admin.register(Notice)
class NoticeAdmin(TranslatedAdmin):
    list_display = ["title", "starts", "ends"]
    list_filter = ["starts"]
    search_fields = ["title", "text"]
    date_hierarchy = "starts"
    autocomplete_fields = ["places"]
