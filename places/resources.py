"""
Places in a spreadsheet, for staff who edit them there (django-import-export): CSV, XLSX, ODS.

Rows are matched by slug, so a round trip updates the same places; columns left out of a file
keep their values. The admin shows what an import changes before it saves anything, and a file
with any bad row changes nothing (every import runs in a transaction).
"""

import csv
import dataclasses
import io
from decimal import InvalidOperation

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.formats import base_formats
from import_export.results import Result
from modeltranslation.utils import build_localized_fieldname
from odf import opendocument, table, teletype, text
from odf.namespaces import TABLENS, TEXTNS

from .hours import Slot, slots_from_osm, to_osm
from .models import Category, OpeningSlot, Place

TRANSLATED = Place.TRACKED_FIELDS
PLAIN = (
    "address",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "access",
    "cost",
    "interpreting",
    "wheelchair",
    "published",
    "to_verify",
    "precision",
    "public_holidays",
)
# The weekly hours in OpenStreetMap syntax (« Mo-Fr 08:30-12:00,13:30-16:30 »), as partners and
# OSM write them; dated closures are edited in the admin and kept by an import.
HOURS = "opening_hours_osm"
# Staff type « non », « faux », 0 or nothing for no; anything else is yes.
NO = {"", "0", "false", "faux", "non", "no", "n"}


def columns():
    translated = [
        build_localized_fieldname(field, code)
        for field in TRANSLATED
        for code, _name in settings.LANGUAGES
    ]
    return ["slug", "category", *translated, *PLAIN, HOURS]


def required_columns():
    return {"slug", "category", build_localized_fieldname("name", settings.LANGUAGE_CODE)}


class Cell(fields.Field):
    """A column. An empty field (None or "") is an empty cell, and a line break is "\\n" however
    it was typed (browsers send "\\r\\n"): otherwise a round trip would report changes."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return ""
        return value.replace("\r\n", "\n") if isinstance(value, str) else value


class Text(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        value = super().clean(value, row, **kwargs)
        return value.replace("\r\n", "\n").strip() if value else value


class Number(widgets.DecimalWidget):
    """A decimal number, written as the admin's language writes it (« 45,7772 » in French)."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except InvalidOperation:
            raise ValueError(_("Enter a number.")) from None

    def render(self, value, obj=None, **kwargs):
        # Text in every format, XLSX and ODS too: the file reads the same whatever opens it.
        return "" if value is None else number_format(value)


class YesNo(widgets.BooleanWidget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool | int | float):  # a spreadsheet's own TRUE, FALSE, 1 or 0
            return bool(value)
        return str(value or "").strip().lower() not in NO

    def render(self, value, obj=None, **kwargs):
        return "true" if value else "false"


class Website(Text):
    def clean(self, value, row=None, **kwargs):
        # As the place's form reads it: « caf.fr » is https://caf.fr.
        form_field = Place._meta.get_field("website").formfield()
        try:
            return form_field.to_python(super().clean(value, row, **kwargs))
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None


class CategoryBySlug(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Category, field="slug")

    def clean(self, value, row=None, **kwargs):
        slug = str(value or "").strip()
        try:
            return super().clean(slug, row, **kwargs)
        except Category.DoesNotExist:
            slugs = ", ".join(Category.objects.values_list("slug", flat=True))
            raise ValueError(
                _("No category has the slug %(slug)s. The slugs are: %(slugs)s.")
                % {"slug": slug, "slugs": slugs}
            ) from None


class WeeklyHours(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        value = str(value or "").strip()
        try:
            return frozenset(slots_from_osm(value)[0]) if value else frozenset()
        except ValueError:
            raise ValueError(
                _("Not OpenStreetMap opening_hours syntax, like « Mo-Fr 08:30-12:00 ».")
            ) from None


class WeeklyHoursField(fields.Field):
    """The weekly hours, as the set of the place's slots: an import leaves the new set in
    `place.opening_hours_osm`, and PlaceResource writes them once the place is saved."""

    def get_value(self, place):
        if hasattr(place, HOURS):
            return getattr(place, HOURS)
        if place.pk is None:
            return frozenset()
        return frozenset(
            Slot(s.weekday, s.opens, s.closes, s.by_appointment) for s in place.slots.all()
        )

    def export(self, place, **kwargs):
        # From the saved slots: the preview then shows the hours as the site will.
        return to_osm(place, exceptions=False) if place.pk else ""


class SpreadsheetResult(Result):
    """Rows numbered as a spreadsheet numbers its lines: the column names are line 1."""

    def append_invalid_row(self, number, row, validation_error):
        super().append_invalid_row(number + 1, row, validation_error)

    def row_errors(self):
        # By the rows' own numbers: the list of results leaves out the unchanged rows.
        return [(row.number + 1, row.errors) for row in self.error_rows]

    def problems(self):
        """Every bad cell in words, « Line 3, latitude: Enter a number. », where import-export
        shows them only to a mouse hovering over its table."""
        problems = []
        for row in self.invalid_rows:
            for field, messages in row.error_dict.items():
                for message in messages:
                    values = {"line": row.number, "field": field, "message": message}
                    if field == NON_FIELD_ERRORS:
                        problems.append(_("Line %(line)d: %(message)s") % values)
                    else:
                        problems.append(_("Line %(line)d, %(field)s: %(message)s") % values)
        return problems


class PlainDiff(resources.Diff):
    """The preview's changes as <ins> and <del> without the style attributes that
    diff-match-patch writes and our Content-Security-Policy refuses; import-export's CSS
    colours them."""

    def as_html(self):
        return [
            mark_safe(  # noqa: S308 (diff-match-patch escaped the texts)
                html.replace('<ins style="background:#e6ffe6;">', "<ins>").replace(
                    '<del style="background:#ffe6e6;">', "<del>"
                )
            )
            for html in super().as_html()
        ]


class PlaceResource(resources.ModelResource):
    DEFAULT_RESOURCE_FIELD = Cell
    WIDGETS_MAP = {
        **resources.ModelResource.WIDGETS_MAP,
        "CharField": Text,
        "TextField": Text,
        "DecimalField": Number,
        "BooleanField": YesNo,
    }

    category = fields.Field(attribute="category", column_name="category", widget=CategoryBySlug())
    website = Cell(attribute="website", column_name="website", widget=Website())
    opening_hours_osm = WeeklyHoursField(attribute=HOURS, column_name=HOURS, widget=WeeklyHours())

    class Meta:
        model = Place
        fields = columns()
        import_id_fields = ["slug"]
        clean_model_instances = True
        # The preview lists the places an import adds or changes, not the others.
        skip_unchanged = True
        report_skipped = False

    @classmethod
    def get_diff_class(cls):
        return PlainDiff

    def get_result_class(self):
        return SpreadsheetResult

    def get_queryset(self):
        return Place.objects.select_related("category")

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("category").prefetch_related("slots")

    def iter_queryset(self, queryset):
        # All at once (a city has hundreds of places), so two queries whatever their number;
        # import-export would count them, then read them by pages of 100.
        return iter(queryset)

    def before_import(self, dataset, **kwargs):
        missing = required_columns() - set(dataset.headers or [])
        if missing:
            del dataset[:]  # nothing can be said of its rows
            raise ValueError(
                _("Missing columns: %(columns)s.") % {"columns": ", ".join(sorted(missing))}
            )
        self.lines_by_slug = {}

    def before_import_row(self, row, row_number=None, **kwargs):
        slug = self.fields["slug"].clean(row)
        if slug in self.lines_by_slug:
            raise ValidationError(
                {
                    "slug": _("The slug %(slug)s is already on line %(line)d.")
                    % {"slug": slug, "line": self.lines_by_slug[slug]}
                }
            )
        self.lines_by_slug[slug] = row_number + 1

    def after_save_instance(self, place, row, **kwargs):
        if hasattr(place, HOURS):  # the file has the column: it says the weekly hours
            place.slots.all().delete()
            OpeningSlot.objects.bulk_create(
                OpeningSlot(place=place, **dataclasses.asdict(slot))
                for slot in getattr(place, HOURS)
            )


class CSV(base_formats.CSV):
    """CSV as a French spreadsheet writes it: `;` between cells (the comma is the decimal
    mark), UTF-8 with a byte order mark so that Excel reads the accents. Files with commas or
    tabs, from LibreOffice or older exports, are read too: the header line tells which."""

    CONTENT_TYPE = "text/csv; charset=utf-8"

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8-sig")
        in_stream = in_stream.removeprefix("\ufeff")
        header = in_stream.split("\n", 1)[0]
        try:
            delimiter = csv.Sniffer().sniff(header, delimiters=",;\t").delimiter
        except csv.Error:  # a single column: nothing to tell the delimiter by
            delimiter = ","
        # Only the delimiter: a header has no quotes to learn quoting from, and spreadsheets
        # double the quotes inside a quoted cell (« "sur rendez-vous" » in the hours).
        return super().create_dataset(in_stream, delimiter=delimiter, **kwargs)

    def export_data(self, dataset, **kwargs):
        return "\ufeff" + super().export_data(dataset, delimiter=";", **kwargs)


# A row's cells, and those a merged cell covers.
CELLS = {(TABLENS, "table-cell"), (TABLENS, "covered-table-cell")}


def _ods_cell(cell):
    kind = cell.getAttribute("valuetype")
    if kind in ("float", "percentage", "currency"):
        return cell.getAttribute("value")  # the number itself, not as the cell shows it
    if kind == "boolean":
        return cell.getAttribute("booleanvalue")
    # A line break in a cell starts a new paragraph.
    return "\n".join(
        teletype.extractText(node)
        for node in cell.childNodes
        if getattr(node, "qname", None) == (TEXTNS, "p")  # not a comment's paragraphs
    )


class ODS(base_formats.TablibFormat):
    """OpenDocument spreadsheets, read and written as LibreOffice does. import-export 4.4 opens
    them as text (its issue #2176); tablib 3.10 writes line breaks and runs of spaces that
    LibreOffice shows as one space, and reads one paragraph a cell and skips the empty cells
    LibreOffice writes once with a repeat count, which shifts the columns after them."""

    TABLIB_MODULE = "tablib.formats._ods"
    CONTENT_TYPE = "application/vnd.oasis.opendocument.spreadsheet"

    def create_dataset(self, in_stream):
        document = opendocument.load(io.BytesIO(in_stream))
        sheet = document.spreadsheet.getElementsByType(table.Table)[0]
        rows = []
        for row in sheet.getElementsByType(table.TableRow):
            values = []
            for cell in row.childNodes:
                if getattr(cell, "qname", None) not in CELLS:
                    continue
                repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
                values += [_ods_cell(cell)] * repeat
            while values and values[-1] == "":
                values.pop()
            if values:  # LibreOffice ends a sheet with a million empty rows
                rows += [values] * int(row.getAttribute("numberrowsrepeated") or 1)
        dataset = base_formats.tablib.Dataset()
        if rows:
            dataset.headers = rows[0]
            width = len(rows[0])
            for values in rows[1:]:
                dataset.append((values + [""] * width)[:width])
        return dataset

    def export_data(self, dataset, **kwargs):
        document = opendocument.OpenDocumentSpreadsheet()
        sheet = table.Table(name=dataset.title or "Sheet1")
        for values in [dataset.headers, *dataset]:
            row = table.TableRow()
            for value in values:
                cell = table.TableCell(valuetype="string")
                for line in ("" if value is None else str(value)).split("\n"):
                    paragraph = text.P()
                    teletype.addTextToElement(paragraph, line)
                    cell.addElement(paragraph)
                row.addElement(cell)
            sheet.addElement(row)
        document.spreadsheet.addElement(sheet)
        stream = io.BytesIO()
        document.write(stream)
        return stream.getvalue()


FORMATS = [CSV, base_formats.XLSX, ODS]
