"""Staff and the places: CSV round trip, filters, position checks."""

import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from places.csv_io import export_places, import_places
from places.models import Place
from tests.factories import make_category, make_place

pytestmark = pytest.mark.django_db


def _rows(text):
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def _csv(rows, delimiter=","):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode()


@pytest.fixture
def places():
    category = make_category(slug="sante")
    return [make_place(slug=f"lieu-{n}", name_fr=f"Lieu {n}", category=category) for n in range(3)]


def test_export_then_import_changes_nothing(places):
    before = {p.slug: (p.name_fr, p.phone, p.latitude) for p in Place.objects.all()}
    created, updated, errors = import_places(export_places(Place.objects.all()).encode())
    assert (created, updated, errors) == (0, 3, [])
    assert {p.slug: (p.name_fr, p.phone, p.latitude) for p in Place.objects.all()} == before


def test_edited_spreadsheet_updates_the_same_places(places):
    rows = _rows(export_places(Place.objects.all()))
    rows[0]["phone"] = "04 73 99 99 99"
    rows[1]["name_en"] = "Place one"
    rows[2]["published"] = "non"
    rows.append({**rows[0], "slug": "nouveau", "name_fr": "Nouveau lieu", "latitude": ""})
    rows[-1]["longitude"] = ""
    created, updated, errors = import_places(_csv(rows, delimiter=";"))
    assert errors == []
    assert (created, updated) == (1, 3)
    assert Place.objects.count() == 4
    assert Place.objects.get(slug="lieu-0").phone == "04 73 99 99 99"
    assert Place.objects.get(slug="lieu-1").name_en == "Place one"
    assert Place.objects.get(slug="lieu-2").published is False
    assert Place.objects.get(slug="nouveau").latitude is None


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(places):
    rows = _rows(export_places(Place.objects.all()))
    rows[0]["phone"] = "04 00 00 00 00"  # valid, but must not be saved
    rows[1]["latitude"] = "quarante-cinq"
    rows[2]["category"] = "inconnue"
    created, updated, errors = import_places(_csv(rows))
    assert (created, updated) == (0, 0)
    assert len(errors) == 2
    assert errors[0].startswith("Ligne 3, latitude :")
    assert errors[1].startswith("Ligne 4, category :")
    assert Place.objects.get(slug="lieu-0").phone != "04 00 00 00 00"


def test_import_refuses_a_file_without_the_key_columns(places):
    _created, _updated, errors = import_places(b"nom;adresse\nA;B\n")
    assert errors == ["Colonnes manquantes : category, name_fr, slug."]


def test_import_refuses_a_non_utf8_file(places):
    _created, _updated, errors = import_places("slug,name_fr\nété,x\n".encode("latin-1"))
    assert errors == ["Le fichier n'est pas un texte UTF-8. Enregistrez-le en « CSV UTF-8 »."]


def test_staff_import_through_the_admin(admin_client, places):
    rows = _rows(export_places(Place.objects.all()))
    rows[0]["city"] = "Aubière"
    upload = SimpleUploadedFile("lieux.csv", _csv(rows), content_type="text/csv")
    response = admin_client.post("/admin/places/place/import/", {"file": upload})
    assert response.status_code == 302
    assert Place.objects.get(slug="lieu-0").city == "Aubière"


def test_staff_see_import_errors_in_the_admin(admin_client, places):
    rows = _rows(export_places(Place.objects.all()))
    rows[0]["postcode"] = "630"
    upload = SimpleUploadedFile("lieux.csv", _csv(rows), content_type="text/csv")
    html = admin_client.post("/admin/places/place/import/", {"file": upload}).content.decode()
    assert "Rien n'a été importé" in html
    assert "Ligne 2, postcode :" in html


def test_staff_export_from_the_admin(admin_client, places):
    response = admin_client.get("/admin/places/place/export/")
    assert response["Content-Disposition"] == 'attachment; filename="lieux.csv"'
    assert {row["slug"] for row in _rows(response.content.decode())} == {
        "lieu-0",
        "lieu-1",
        "lieu-2",
    }


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


def test_yes_and_no_survive_a_spreadsheet(places):
    """Staff type « non », « faux », 0 or nothing for no; anything else is yes."""
    Place.objects.filter(slug="lieu-0").update(published=False, to_verify=True)
    rows = {row["slug"]: row for row in _rows(export_places(Place.objects.all()))}
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
    assert import_places(_csv(edited)) == (0, 3, [])
    assert set(Place.objects.values_list("published", "to_verify")) == {(False, True)}
    # Columns left out of the file keep their values, yes or no.
    assert import_places(_csv([{"slug": "lieu-0", "category": "sante", "name_fr": "L"}]))[2] == []
    lieu = Place.objects.get(slug="lieu-0")
    assert (lieu.published, lieu.to_verify) == (False, True)


def test_an_unlocated_place_exports_empty_cells(places):
    Place.objects.filter(slug="lieu-0").update(latitude=None, longitude=None)
    row = next(r for r in _rows(export_places(Place.objects.all())) if r["slug"] == "lieu-0")
    assert (row["latitude"], row["longitude"]) == ("", "")


def test_a_slug_twice_in_the_file_is_refused(places):
    rows = [{"slug": "lieu-0", "category": "sante", "name_fr": name} for name in ("A", "B")]
    assert import_places(_csv(rows)) == (
        0,
        0,
        ["Ligne 3 : l'identifiant lieu-0 apparaît deux fois."],
    )
    assert Place.objects.get(slug="lieu-0").name_fr == "Lieu 0"


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_files_saved_by_french_spreadsheets_are_read(places, delimiter):
    """Excel in French saves with semicolons; the header line tells which."""
    rows = [
        {"slug": "lieu-0", "category": "sante", "name_fr": "Lieu 0", "address": "12, rue X"},
        {"slug": "lieu-1", "category": "sante", "name_fr": "Lieu 1", "address": "3; place Y"},
    ]
    assert import_places(_csv(rows, delimiter=delimiter)) == (0, 2, [])
    assert Place.objects.get(slug="lieu-0").address == "12, rue X"
    assert Place.objects.get(slug="lieu-1").address == "3; place Y"


def test_refused_files_change_nothing_and_count_nothing(places):
    assert import_places("slug;nom\n".encode("latin-1"))[:2] == (0, 0)
    assert import_places("é".encode("latin-1"))[:2] == (0, 0)


def test_every_bad_row_is_reported_even_after_a_repeated_slug(places):
    rows = [
        {"slug": "lieu-0", "category": "sante", "name_fr": "A", "latitude": "45.77"},
        {"slug": "lieu-0", "category": "sante", "name_fr": "B", "latitude": "45.77"},
        {"slug": "lieu-1", "category": "sante", "name_fr": "C", "latitude": "nord"},
    ]
    _created, _updated, errors = import_places(_csv(rows))
    assert len(errors) == 2
    assert errors[1].startswith("Ligne 4, latitude :")


def test_a_file_of_one_column_is_refused_with_the_missing_ones():
    assert import_places(b"slug\nlieu-0\n") == (0, 0, ["Colonnes manquantes : category, name_fr."])


def test_the_export_reads_the_categories_with_the_places(places, django_assert_num_queries):
    """The places with their categories, then their weekly hours and closures."""
    make_place(slug="autre", category=make_category(slug="droits"))
    with django_assert_num_queries(3):
        rows = _rows(export_places(Place.objects.all()))
    assert {row["category"] for row in rows} == {"sante", "droits"}
