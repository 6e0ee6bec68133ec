"""
Places as CSV, for staff who edit them in a spreadsheet: export, edit, import. Rows are matched
by slug, so a round trip updates the same places; a file with any bad row changes nothing and
every bad row is reported with its line number.
"""

import csv
import dataclasses
import io

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from .hours import slots_from_osm, to_osm
from .models import Category, OpeningSlot, Place

TRANSLATED = ("name", "description", "opening_hours", "transport", "languages")
PLAIN = (
    "address",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "wheelchair",
    "published",
    "to_verify",
    "precision",
    "public_holidays",
)
# The weekly hours in OpenStreetMap syntax (« Mo-Fr 08:30-12:00,13:30-16:30 »), as partners and
# OSM write them; dated closures are edited in the admin and kept by an import.
HOURS = "opening_hours_osm"
BOOLEANS = ("published", "to_verify")
FALSE = {"", "0", "false", "faux", "non", "no", "n"}


def columns():
    translated = [
        build_localized_fieldname(field, code)
        for field in TRANSLATED
        for code, _name in settings.LANGUAGES
    ]
    return ["slug", "category", *translated, *PLAIN, HOURS]


def export_places(places):
    """Return the places as CSV text (UTF-8 with a BOM, so spreadsheets read the accents)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(columns())
    for place in places.select_related("category").prefetch_related("slots", "exceptions"):
        row = []
        for column in columns():
            if column == HOURS:
                row.append(to_osm(place, exceptions=False))
                continue
            value = place.category.slug if column == "category" else getattr(place, column)
            if column in BOOLEANS:
                value = "true" if value else "false"
            row.append(value)  # the csv module writes None as an empty cell
        writer.writerow(row)
    return buffer.getvalue()


class PlaceRowForm(forms.ModelForm):
    category = forms.ModelChoiceField(queryset=Category.objects.all(), to_field_name="slug")

    class Meta:
        model = Place
        fields = [column for column in columns() if column not in ("category", HOURS)] + [
            "category"
        ]


def _read(data):
    text = data.decode("utf-8-sig")  # pragma: no mutate (codec names ignore case)
    # The header line tells the delimiter; `no mutate`: another maxsplit reads the same line.
    header = text.split("\n", 1)[0]  # pragma: no mutate
    try:
        delimiter = csv.Sniffer().sniff(header, delimiters=",;\t").delimiter
    except csv.Error:  # a single column: nothing to tell the delimiter by
        delimiter = ","  # pragma: no mutate (csv's default)
    # Only the delimiter: a header has no quotes to learn quoting from, and spreadsheets double
    # the quotes inside a quoted cell (« "sur rendez-vous" » in the hours).
    return csv.DictReader(io.StringIO(text), delimiter=delimiter)


def import_places(data):
    """Create or update places from CSV bytes; return (created, updated, errors).

    Nothing is saved unless every row is valid.
    """
    try:
        reader = _read(data)
        header = reader.fieldnames or []
    except UnicodeDecodeError:
        return 0, 0, [_("The file is not UTF-8 text. Save it as « CSV UTF-8 ».")]
    missing = {"slug", "category", build_localized_fieldname("name", settings.LANGUAGE_CODE)}
    missing -= set(header)
    if missing:
        return 0, 0, [_("Missing columns: %(columns)s.") % {"columns": ", ".join(sorted(missing))}]

    existing = {place.slug: place for place in Place.objects.all()}
    forms_to_save, errors, seen = [], [], set()
    for line, row in enumerate(reader, start=2):
        row = {key: (value or "").strip() for key, value in row.items() if key}
        for field in BOOLEANS:
            if field in row:
                row[field] = row[field].lower() not in FALSE
        slug = row["slug"]  # a required column
        if slug in seen:
            errors.append(
                _("Line %(line)d: the slug %(slug)s appears twice.") % {"line": line, "slug": slug}
            )
            continue
        seen.add(slug)
        instance = existing.get(slug)
        # Columns absent from the file keep their current values.
        data = forms.model_to_dict(instance) if instance else {}
        data.update(row)
        form = PlaceRowForm(data, instance=instance)
        slots = None
        if HOURS in row:
            try:
                slots = slots_from_osm(row[HOURS])[0] if row[HOURS] else []
            except ValueError:
                errors.append(
                    _("Line %(line)d, %(field)s: not OpenStreetMap opening_hours syntax.")
                    % {"line": line, "field": HOURS}
                )
        if form.is_valid():
            forms_to_save.append((form, slots))
        else:
            for field, messages in form.errors.items():
                for message in messages:
                    errors.append(
                        _("Line %(line)d, %(field)s: %(message)s")
                        % {"line": line, "field": field, "message": message}
                    )
    if errors:
        return 0, 0, errors
    created = sum(1 for form, _slots in forms_to_save if form.instance.pk is None)
    with transaction.atomic():
        for form, slots in forms_to_save:
            place = form.save()
            if slots is not None:  # the file has the column: it says the weekly hours
                place.slots.all().delete()
                OpeningSlot.objects.bulk_create(
                    OpeningSlot(place=place, **dataclasses.asdict(slot)) for slot in slots
                )
    return created, len(forms_to_save) - created, []
