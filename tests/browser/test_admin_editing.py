"""What city staff do in the admin: write a theme in three languages, one tab each."""

import pytest
from playwright.sync_api import expect

from guide.models import Theme
from tests.factories import make_place, make_section, make_theme
from tests.helpers import LANGUAGE_CODES

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_edit_each_language_in_its_tab(watched_page, live_server, log_in):
    theme = make_theme(title_en="Old title")
    page = watched_page
    log_in(page, f"/admin/guide/theme/{theme.pk}/change/")

    english = page.locator("#id_title_en")
    title_tabs = page.locator(".ui-tabs").filter(has=page.locator("#id_title_en"))
    tabs = title_tabs.locator(".ui-tabs-nav")
    expect(tabs.locator("a")).to_have_text(LANGUAGE_CODES)
    expect(english).to_be_hidden()  # only the first language's tab is open
    tabs.get_by_text("en", exact=True).click()
    expect(english).to_be_visible()
    english.fill("Health and care")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url(f"{live_server.url}/admin/guide/theme/")

    theme.refresh_from_db()
    assert theme.title_en == "Health and care"
    assert Theme.objects.count() == 1
    assert page.console_errors == []
    assert page.foreign_requests == []


def test_staff_edit_a_section_english_body_and_readers_see_it(watched_page, live_server, log_in):
    section = make_section(body_en="<p>Old English text.</p>")
    page = watched_page
    log_in(page, f"/admin/guide/section/{section.pk}/change/")

    body_tabs = page.locator(".ui-tabs").filter(has=page.locator("#id_body_en"))
    body_tabs.locator(".ui-tabs-nav").get_by_text("en", exact=True).click()
    editor = body_tabs.locator("#tab_id_body_en").get_by_role("textbox")
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("Bring your passport and a proof of address.")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url(f"{live_server.url}/admin/guide/section/")
    assert page.console_errors == []
    assert page.foreign_requests == []

    page.goto(f"{live_server.url}/en/guide/{section.theme.slug}/{section.slug}/")
    expect(page.locator(".prose")).to_have_text("Bring your passport and a proof of address.")
    section.refresh_from_db()
    assert section.body_en == "<p>Bring your passport and a proof of address.</p>"


def test_staff_place_a_point_by_clicking_the_map(watched_page, live_server, log_in):
    place = make_place(latitude=None, longitude=None)
    page = watched_page
    log_in(page, f"/admin/places/place/{place.pk}/change/")
    picker = page.locator(".point-picker")
    expect(picker.locator(".leaflet-tile-pane")).to_be_attached()
    picker.click(position={"x": 200, "y": 120})
    expect(page.locator("#id_latitude")).not_to_have_value("")
    latitude = float(page.locator("#id_latitude").input_value())
    longitude = float(page.locator("#id_longitude").input_value())
    expect(picker.locator(".leaflet-marker-icon")).to_have_count(1)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url(f"{live_server.url}/admin/places/place/")
    place.refresh_from_db()
    assert (float(place.latitude), float(place.longitude)) == (latitude, longitude)
    assert 45.6 < latitude < 45.9 and 2.9 < longitude < 3.3
    assert page.console_errors == []


def test_staff_export_edit_and_import_places_as_csv(watched_page, live_server, log_in, tmp_path):
    place = make_place(phone="04 73 00 00 00")
    page = watched_page
    log_in(page, "/admin/places/place/")
    page.get_by_role("link", name="Exporter", exact=True).click()
    page.get_by_label("Format").select_option("csv")
    with page.expect_download() as download:
        page.get_by_role("button", name="Soumettre").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    assert exported.name.startswith("lieux-") and exported.suffix == ".csv"
    text = exported.read_text(encoding="utf-8-sig")
    assert text.startswith("slug;category;") and "04 73 00 00 00" in text
    edited = tmp_path / "lieux-modifies.csv"
    edited.write_text(text.replace("04 73 00 00 00", "04 73 12 34 56"), encoding="utf-8-sig")

    page.goto(f"{live_server.url}/admin/places/place/")
    page.get_by_role("link", name="Importer", exact=True).click()
    page.wait_for_url(f"{live_server.url}/admin/places/place/import/")  # and its scripts run
    page.get_by_label("Fichier à importer").set_input_files(edited)
    expect(page.get_by_label("Format")).to_have_value("0")  # guessed from the name: CSV
    page.get_by_role("button", name="Soumettre").click()
    # The preview: the change, and nothing saved yet.
    expect(page.locator("table.import-preview ins")).to_have_text("12 34 56")
    expect(page.locator("table.import-preview del")).to_have_text("00 00 00")
    place.refresh_from_db()
    assert place.phone == "04 73 00 00 00"
    page.get_by_role("button", name="Confirmer l’importation").click()
    expect(page.locator(".messagelist")).to_contain_text("0 lieux créés, 1 mis à jour")
    place.refresh_from_db()
    assert place.phone == "04 73 12 34 56"
    assert page.console_errors == []  # our Content-Security-Policy blocked nothing
    assert page.foreign_requests == []
