"""Staff and the places: spreadsheets (CSV, XLSX, ODS) out and in, filters, position checks."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from odf import opendocument, table, text

from places import demo
from places.models import Category, HoursException, OpeningSlot, Place
from places.resources import ODS, PlaceResource
from tests.factories import make_category, make_place
from tests.helpers import log_in_staff

pytestmark = pytest.mark.django_db

# The format menus of the export and import pages, in this order.
FORMATS = {"csv": "0", "xlsx": "1", "ods": "2"}


@pytest.fixture
def places():
    category = make_category(slug="sante")
    return [make_place(slug=f"lieu-{n}", name_fr=f"Lieu {n}", category=category) for n in range(3)]


def _export(client, kind="csv", **data):
    response = client.post(
        "/admin/places/place/export/", {"resource": "0", "format": FORMATS[kind], **data}
    )
    assert response.status_code == 200
    return response.content


def _preview(client, content, kind="csv"):
    """The import page after choosing a file: the preview, or what is wrong."""
    upload = SimpleUploadedFile(f"lieux.{kind}", content)
    return client.post(
        "/admin/places/place/import/",
        {"resource": "0", "format": FORMATS[kind], "import_file": upload},
    )


def _confirm(client, preview):
    return client.post(
        "/admin/places/place/process_import/", preview.context["confirm_form"].initial, follow=True
    )


def _import(client, content, kind="csv"):
    preview = _preview(client, content, kind)
    assert "confirm_form" in preview.context, _errors(preview)
    return _confirm(client, preview)


def _errors(response):
    """What the import page says is wrong: by line, then the form's own errors."""
    result = response.context.get("result")
    found = [str(error.error) for error in result.base_errors] if result else []
    for row in result.invalid_rows if result else []:
        for field, messages in row.error_dict.items():
            found += [f"{row.number} {field}: {message}" for message in messages]
    for messages in response.context["form"].errors.values():
        found += messages
    return found


def _rows(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def _csv(rows, delimiter=";"):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode()


def _message(response):
    return [str(message) for message in response.context["messages"]]


def _hours(place):
    return [(s.weekday, f"{s.opens:%H:%M}", f"{s.closes:%H:%M}") for s in place.slots.all()]


def test_the_csv_export_opens_in_a_french_spreadsheet(admin_client, places):
    """Semicolons (the comma is the decimal mark) and a byte order mark, for Excel."""
    response = admin_client.post(
        "/admin/places/place/export/", {"resource": "0", "format": FORMATS["csv"]}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = datetime.date.today()
    assert response["Content-Disposition"] == f'attachment; filename="lieux-{today}.csv"'
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeffslug;category;name_fr;name_en;name_fr_falc;name_ar;")
    assert content.splitlines()[0].endswith(";public_holidays;opening_hours_osm")
    row = next(r for r in _rows(response.content) if r["slug"] == "lieu-0")
    assert (row["category"], row["latitude"], row["published"]) == ("sante", "45,777200", "true")


@pytest.mark.parametrize("kind", ["csv", "xlsx", "ods"])
def test_the_demo_places_go_to_a_spreadsheet_and_back_unchanged(admin_client, kind):
    """Every kind of hours a real place has: the préfecture is open by appointment only."""
    demo.load()
    preview = _preview(admin_client, _export(admin_client, kind), kind)
    assert "confirm_form" in preview.context, _errors(preview)
    result = preview.context["result"]
    assert (result.totals["new"], result.totals["update"]) == (0, 0)
    assert result.totals["skip"] == Place.objects.count() == 30


@pytest.mark.parametrize("kind", ["csv", "xlsx", "ods"])
def test_export_then_import_changes_nothing(admin_client, places, kind):
    lieu = places[0]
    lieu.description_fr = "Accueil au rez-de-chaussée.\nSonnez  deux fois."
    lieu.name_en = "Place 0"
    lieu.save()
    OpeningSlot.objects.create(place=lieu, weekday=0, opens="08:30", closes="12:00")
    Place.objects.filter(slug="lieu-1").update(latitude=None, longitude=None, published=False)
    before = list(Place.objects.order_by("pk").values())

    preview = _preview(admin_client, _export(admin_client, kind), kind)
    result = preview.context["result"]
    assert (result.totals["new"], result.totals["update"], result.totals["skip"]) == (0, 0, 3)
    response = _confirm(admin_client, preview)

    assert _message(response) == ["Import terminé : 0 lieux créés, 0 mis à jour."]
    assert list(Place.objects.order_by("pk").values()) == before
    assert _hours(lieu) == [(0, "08:30", "12:00")]


def test_an_edited_spreadsheet_updates_the_same_places(admin_client, places):
    stamps = {p.slug: (p.translated_at_fr, p.translated_at_en) for p in Place.objects.all()}
    rows = _rows(_export(admin_client))
    rows[0]["phone"] = "04 73 99 99 99"
    rows[0]["opening_hours_osm"] = "Mo-Fr 09:00-12:00; We 14:00-17:00"
    rows[1]["name_en"] = "Place one"
    rows[1]["description_ar"] = "مكان"
    rows[2]["published"] = "non"
    rows[2]["latitude"], rows[2]["longitude"] = "45,78", "3.09"
    rows.append({**rows[0], "slug": "nouveau", "name_fr": "Nouveau lieu", "latitude": ""})
    rows[-1]["longitude"] = ""
    response = _import(admin_client, _csv(rows))

    assert _message(response) == ["Import terminé : 1 lieux créés, 3 mis à jour."]
    assert Place.objects.count() == 4
    lieu = Place.objects.get(slug="lieu-0")
    assert lieu.phone == "04 73 99 99 99"
    # In OpenStreetMap syntax a later rule replaces the day's hours.
    assert _hours(lieu) == [
        (day, "14:00" if day == 2 else "09:00", "17:00" if day == 2 else "12:00")
        for day in range(5)
    ]
    assert Place.objects.get(slug="lieu-1").name_en == "Place one"
    assert Place.objects.get(slug="lieu-1").description_ar == "مكان"
    # Only the English of lieu-1 changed: no other translation looks out of date.
    lieu = Place.objects.get(slug="lieu-1")
    assert lieu.translated_at_fr == stamps["lieu-1"][0]
    assert lieu.translated_at_en > stamps["lieu-1"][0]
    lieu = Place.objects.get(slug="lieu-0")
    assert (lieu.translated_at_fr, lieu.translated_at_en) == stamps["lieu-0"]
    lieu = Place.objects.get(slug="lieu-2")
    assert (lieu.published, str(lieu.latitude), str(lieu.longitude)) == (
        False,
        "45.780000",
        "3.090000",
    )
    assert Place.objects.get(slug="nouveau").latitude is None
    assert len(_hours(Place.objects.get(slug="nouveau"))) == 5


def test_an_edited_workbook_updates_the_places(admin_client, places):
    """What Excel gives back: numbers, TRUE and FALSE, empty cells as nothing at all."""
    book = openpyxl.load_workbook(io.BytesIO(_export(admin_client, "xlsx")))
    sheet = book.active
    column = {cell.value: cell.column for cell in sheet[1]}
    row = next(r[0].row for r in sheet.iter_rows(min_row=2) if r[0].value == "lieu-0")
    sheet.cell(row, column["latitude"]).value = 45.7801
    sheet.cell(row, column["published"]).value = False
    sheet.cell(row, column["name_uk"]).value = "Місце"
    sheet.cell(row, column["phone"]).value = None
    sheet.cell(row, column["opening_hours_osm"]).value = "Sa 10:00-12:00"
    saved = io.BytesIO()
    book.save(saved)
    response = _import(admin_client, saved.getvalue(), "xlsx")

    assert _message(response) == ["Import terminé : 0 lieux créés, 1 mis à jour."]
    lieu = Place.objects.get(slug="lieu-0")
    assert (str(lieu.latitude), lieu.published, lieu.name_uk, lieu.phone) == (
        "45.780100",
        False,
        "Місце",
        "",
    )
    assert _hours(lieu) == [(5, "10:00", "12:00")]


def _libreoffice_cell(*paragraphs, repeat=1):
    cell = table.TableCell(valuetype="string")
    if repeat > 1:
        cell.setAttribute("numbercolumnsrepeated", repeat)
    for paragraph in paragraphs:
        cell.addElement(paragraph)
    return cell


def test_a_sheet_saved_by_libreoffice_is_read_cell_by_cell(admin_client, places):
    """LibreOffice writes runs of equal cells once with a count, a line break as a new
    paragraph, double spaces as <text:s/>, and a million empty rows at the end."""
    document = opendocument.OpenDocumentSpreadsheet()
    sheet = table.Table(name="lieux")
    rows = [
        ["slug", "category", "name_fr", "name_en", "name_fr_falc", "city", "description_fr"],
        ["lieu-0", "sante", "Lieu 0", "", "", "Aubière", "Accueil.\nSonnez  deux fois."],
    ]
    header = table.TableRow()
    for name in rows[0]:
        header.addElement(_libreoffice_cell(text.P(text=name)))
    sheet.addElement(header)
    row = table.TableRow()
    row.addElement(_libreoffice_cell(text.P(text="lieu-0")))
    row.addElement(_libreoffice_cell(text.P(text="sante")))
    row.addElement(_libreoffice_cell(text.P(text="Lieu 0")))
    row.addElement(table.TableCell(numbercolumnsrepeated=2))  # name_en, name_fr_falc
    row.addElement(_libreoffice_cell(text.P(text="Aubière")))
    sonnez = text.P(text="Sonnez")
    sonnez.addElement(text.S())
    sonnez.addText(" deux fois.")
    row.addElement(_libreoffice_cell(text.P(text="Accueil."), sonnez))
    row.addElement(table.TableCell(numbercolumnsrepeated=1017))
    sheet.addElement(row)
    empty = table.TableRow(numberrowsrepeated=1048574)
    empty.addElement(table.TableCell(numbercolumnsrepeated=1024))
    sheet.addElement(empty)
    document.spreadsheet.addElement(sheet)
    saved = io.BytesIO()
    document.write(saved)

    assert ODS().create_dataset(saved.getvalue()).dict == [dict(zip(*rows, strict=True))]
    _import(admin_client, saved.getvalue(), "ods")
    lieu = Place.objects.get(slug="lieu-0")
    assert (lieu.city, lieu.description_fr) == ("Aubière", "Accueil.\nSonnez  deux fois.")


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(admin_client, places):
    rows = _rows(_export(admin_client))
    rows[0]["phone"] = "04 00 00 00 00"  # valid, but must not be saved
    rows[1]["latitude"] = "quarante-cinq"
    rows[2]["category"] = "inconnue"
    rows[2]["opening_hours_osm"] = "le matin"
    preview = _preview(admin_client, _csv(rows))

    assert "confirm_form" not in preview.context
    errors = _errors(preview)
    assert [error.split(":")[0] for error in errors] == [
        "3 latitude",
        "4 category",
        "4 opening_hours_osm",
    ]
    assert errors[0] == "3 latitude: Saisissez un nombre."
    assert "inconnue" in errors[1] and "sante" in errors[1]  # the slugs there are
    assert "Mo-Fr 08:30-12:00" in errors[2]  # an example
    html = preview.content.decode()
    assert "Rien n'a été importé. Corrigez ces lignes et recommencez :" in html
    assert "<li>Ligne 3, latitude : Saisissez un nombre.</li>" in html  # not only on hover
    assert "<li>Ligne 4, opening_hours_osm : " in html
    assert "<td>3 </td>" in html and "<td>4 </td>" in html  # import-export's table
    assert Place.objects.get(slug="lieu-0").phone != "04 00 00 00 00"


def test_the_preview_shows_the_change_and_nothing_is_saved_before_confirming(admin_client, places):
    rows = _rows(_export(admin_client))
    rows[0]["phone"] = "04 73 12 34 56"
    preview = _preview(admin_client, _csv(rows))

    html = preview.content.decode()
    assert "Nouveaux lieux : 0. Modifiés : 1. Inchangés, donc non listés : 2." in html
    assert "<del>00 00 00</del><ins>12 34 56</ins>" in html
    assert "style=" not in html.split('<table class="import-preview">')[1]  # our CSP refuses them
    assert 'value="Confirmer l’importation"' in html
    assert Place.objects.get(slug="lieu-0").phone == "04 73 00 00 00"
    _confirm(admin_client, preview)
    assert Place.objects.get(slug="lieu-0").phone == "04 73 12 34 56"


def test_nothing_is_saved_if_a_line_went_wrong_since_the_preview(admin_client, places):
    """All or nothing at the confirmation too: here a category was deleted in between."""
    make_category(slug="provisoire")
    rows = _rows(_export(admin_client))
    rows[0]["phone"] = "04 73 12 34 56"
    rows[1]["category"] = "provisoire"
    preview = _preview(admin_client, _csv(rows))
    Category.objects.get(slug="provisoire").delete()
    response = _confirm(admin_client, preview)

    assert response.redirect_chain[-1][0] == "/admin/places/place/import/"
    assert _message(response)[0].startswith("Nothing was imported") or _message(response)[
        0
    ].startswith("Rien n")
    assert Place.objects.get(slug="lieu-0").phone == "04 73 00 00 00"


def test_a_file_gone_from_the_cache_is_asked_for_again(admin_client, places):
    rows = _rows(_export(admin_client))
    rows[0]["phone"] = "04 73 12 34 56"
    preview = _preview(admin_client, _csv(rows))
    cache.clear()
    response = _confirm(admin_client, preview)

    assert response.redirect_chain[-1][0] == "/admin/places/place/import/"
    assert len(_message(response)) == 1
    assert Place.objects.get(slug="lieu-0").phone == "04 73 00 00 00"


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_files_saved_by_other_spreadsheets_are_read(admin_client, places, delimiter):
    """LibreOffice and older exports use commas, some tools tabs: the header line tells."""
    rows = [
        {"slug": "lieu-0", "category": "sante", "name_fr": "Lieu 0", "address": "12, rue X"},
        {"slug": "lieu-1", "category": "sante", "name_fr": "Lieu 1", "address": "3; place Y"},
    ]
    _import(admin_client, _csv(rows, delimiter=delimiter))
    assert Place.objects.get(slug="lieu-0").address == "12, rue X"
    assert Place.objects.get(slug="lieu-1").address == "3; place Y"


def test_quotes_doubled_by_a_spreadsheet_are_read(admin_client, places):
    content = (
        'slug;category;name_fr;opening_hours_osm\nlieu-0;sante;"Lieu ""zéro""";'
        '"We 13:30-16:30 ""sur rendez-vous"""\n'
    ).encode()
    _import(admin_client, content)
    lieu = Place.objects.get(slug="lieu-0")
    assert lieu.name_fr == 'Lieu "zéro"'
    assert [s.by_appointment for s in lieu.slots.all()] == [True]


def test_import_refuses_a_non_utf8_file(admin_client, places):
    preview = _preview(admin_client, "slug;name_fr\nété;x\n".encode("latin-1"))
    assert _errors(preview) == [
        "Le fichier n'est pas un texte UTF-8. Enregistrez-le en « CSV UTF-8 »."
    ]
    assert "confirm_form" not in preview.context


def test_import_refuses_a_file_without_the_key_columns(admin_client, places):
    preview = _preview(admin_client, b"nom;adresse\nA;B\n")
    assert _errors(preview) == ["Colonnes manquantes : category, name_fr, slug."]
    assert "Traceback" not in preview.content.decode()
    preview = _preview(admin_client, b"slug\nlieu-0\n")
    assert _errors(preview) == ["Colonnes manquantes : category, name_fr."]


def test_a_slug_twice_in_the_file_is_refused(admin_client, places):
    rows = [
        {"slug": "lieu-0", "category": "sante", "name_fr": name, "latitude": "45.77"}
        for name in ("A", "B", "C")
    ]
    rows.append({"slug": "lieu-1", "category": "sante", "name_fr": "D", "latitude": "nord"})
    preview = _preview(admin_client, _csv(rows))
    errors = _errors(preview)
    assert [error.split(":")[0] for error in errors] == ["3 slug", "4 slug", "5 latitude"]
    assert "lieu-0" in errors[0] and "2" in errors[0].split(":", 1)[1]  # where it was first
    assert Place.objects.get(slug="lieu-0").name_fr == "Lieu 0"


def test_yes_and_no_survive_a_spreadsheet(admin_client, places):
    """Staff type « non », « faux », 0 or nothing for no; anything else is yes."""
    Place.objects.filter(slug="lieu-0").update(published=False, to_verify=True)
    rows = {row["slug"]: row for row in _rows(_export(admin_client))}
    assert (rows["lieu-0"]["published"], rows["lieu-0"]["to_verify"]) == ("false", "true")
    assert (rows["lieu-1"]["published"], rows["lieu-1"]["to_verify"]) == ("true", "false")
    answers = {"lieu-0": ("non", "oui"), "lieu-1": ("Faux", "1"), "lieu-2": ("", "x")}
    edited = [
        {
            "slug": slug,
            "category": "sante",
            "name_fr": f"Lieu {slug[-1]}",
            "published": published,
            "to_verify": to_verify,
        }
        for slug, (published, to_verify) in answers.items()
    ]
    _import(admin_client, _csv(edited))
    assert set(Place.objects.values_list("published", "to_verify")) == {(False, True)}
    # Columns left out of the file keep their values, yes or no.
    _import(admin_client, _csv([{"slug": "lieu-0", "category": "sante", "name_fr": "L"}]))
    lieu = Place.objects.get(slug="lieu-0")
    assert (lieu.name_fr, lieu.published, lieu.to_verify) == ("L", False, True)


def test_spreadsheets_carry_the_weekly_hours_in_openstreetmap_syntax(admin_client, places):
    office = places[0]
    office.public_holidays = Place.Holidays.CLOSED
    office.save()
    for day in range(5):
        OpeningSlot.objects.create(place=office, weekday=day, opens="08:30", closes="12:00")
        OpeningSlot.objects.create(
            place=office, weekday=day, opens="13:30", closes="16:30", by_appointment=day == 2
        )
    HoursException.objects.create(
        place=office, starts=datetime.date(2026, 12, 21), ends=datetime.date(2026, 12, 24)
    )
    rows = _rows(_export(admin_client))
    hours = next(row for row in rows if row["slug"] == "lieu-0")["opening_hours_osm"]
    assert hours.startswith("Mo,Tu 08:30-12:00,13:30-16:30; ") and hours.endswith("; PH off")
    assert 'We 08:30-12:00, We 13:30-16:30 "sur rendez-vous"' in hours
    for row in rows:
        row["opening_hours_osm"] = row["opening_hours_osm"].replace(
            "Th,Fr 08:30-12:00,13:30-16:30", "Th,Fr 09:00-12:00"
        )
    _import(admin_client, _csv(rows))

    assert [(s.opens, s.closes) for s in office.slots.filter(weekday=4)] == [
        (datetime.time(9), datetime.time(12))
    ]
    assert office.slots.get(weekday=2, opens="13:30").by_appointment is True
    assert office.exceptions.count() == 1  # dated closures are kept


def test_editors_import_and_export_places(client, places, staff_groups):
    editor = User.objects.create_user("editrice", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Éditeurs"))
    log_in_staff(client, editor)
    html = client.get("/admin/places/place/").content.decode()
    assert "/admin/places/place/import/" in html and "/admin/places/place/export/" in html
    rows = _rows(_export(client))
    rows[0]["city"] = "Aubière"
    _import(client, _csv(rows))
    assert Place.objects.get(slug=rows[0]["slug"]).city == "Aubière"


def test_staff_who_may_not_add_or_change_places_cannot_import(client, places):
    """Import: adding and changing places. Export: seeing them."""
    reader = User.objects.create_user("lectrice", password="x", is_staff=True)
    reader.user_permissions.add(
        Permission.objects.get(codename="view_place"),
        Permission.objects.get(codename="change_place"),
    )
    log_in_staff(client, reader)
    html = client.get("/admin/places/place/").content.decode()
    assert "/admin/places/place/export/" in html
    assert "/admin/places/place/import/" not in html
    content = _rows(_export(client))
    assert len(content) == 3
    upload = SimpleUploadedFile("lieux.csv", _csv(content))
    response = client.post(
        "/admin/places/place/import/", {"format": "0", "import_file": upload, "resource": "0"}
    )
    assert response.status_code == 403
    assert client.post("/admin/places/place/process_import/", {}).status_code == 403

    reader.user_permissions.set([Permission.objects.get(codename="add_place")])
    reader = User.objects.get(pk=reader.pk)  # permissions are cached on the user
    log_in_staff(client, reader)
    assert client.get("/admin/places/place/import/").status_code == 403
    assert client.get("/admin/places/place/export/").status_code == 403


def test_staff_export_the_places_they_select(admin_client, places):
    response = admin_client.post(
        "/admin/places/place/",
        {"action": "export_admin_action", "_selected_action": [places[0].pk, places[2].pk]},
    )
    html = response.content.decode()
    assert 'name="export_items"' in html
    content = _export(admin_client, export_items=[places[0].pk, places[2].pk])
    assert [row["slug"] for row in _rows(content)] == ["lieu-0", "lieu-2"]


def test_the_export_follows_the_filters_of_the_list(admin_client, places):
    Place.objects.filter(slug="lieu-1").update(latitude=None, longitude=None)
    response = admin_client.post(
        "/admin/places/place/export/?position=none", {"resource": "0", "format": "0"}
    )
    assert [row["slug"] for row in _rows(response.content)] == ["lieu-1"]


@pytest.mark.parametrize("count", [3, 30])
def test_the_export_reads_places_categories_and_hours_in_two_queries(
    django_assert_num_queries, count
):
    """The places with their categories, then their weekly hours, whatever their number."""
    for n in range(count):
        place = make_place(category=make_category())
        OpeningSlot.objects.create(place=place, weekday=n % 7, opens="09:00", closes="12:00")
    with django_assert_num_queries(2):
        dataset = PlaceResource().export(Place.objects.all())
    assert len(dataset) == count
    assert len(set(dataset["category"])) == count
    assert all(dataset["opening_hours_osm"])


def test_filter_places_without_coordinates(admin_client, places):
    make_place(slug="sans-position", latitude=None, longitude=None)
    html = admin_client.get("/admin/places/place/?position=none").content.decode()
    assert "/admin/places/place/" in html
    assert html.count('class="action-select"') == 1


def test_filter_places_missing_a_translation(admin_client, places):
    Place.objects.update(name_en="A place")
    make_place(slug="decrit", name_en="Described", description_fr="Un lieu.", description_en="")
    html = admin_client.get("/admin/places/place/?translation=missing-en").content.decode()
    assert html.count('class="action-select"') == 1


# The management forms of the place's inlines (weekly hours, exceptions), with no row.
INLINES_EMPTY = {
    f"{prefix}-{name}": value
    for prefix in ("slots", "exceptions")
    for name, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))
}


def test_far_away_point_gets_a_warning(admin_client):
    category = make_category()
    response = admin_client.post(
        "/admin/places/place/add/",
        {
            "name_fr": "Lieu à Paris",
            "slug": "paris",
            "category": category.pk,
            "city": "Paris",
            "latitude": "48.8566",
            "longitude": "2.3522",
            "published": "on",
            "precision": "verified",
            "public_holidays": "unknown",
            **INLINES_EMPTY,
        },
        follow=True,
    )
    assert re.search(r"Ce lieu est à 3\d\d km de Clermont-Ferrand", response.content.decode())
    assert Place.objects.filter(slug="paris").exists()


def test_place_form_has_the_point_picker(admin_client, places):
    html = admin_client.get(f"/admin/places/place/{places[0].pk}/change/").content.decode()
    assert 'class="point-picker" data-lat-input="id_latitude"' in html
    assert re.search(r"places/admin/point_picker\.[0-9a-f]{12}\.js", html)
