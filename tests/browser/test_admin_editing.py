"""What city staff do in the admin: write a theme in three languages, one tab each."""

import pytest
from playwright.sync_api import expect

from guide.models import Theme
from tests.factories import make_section, make_theme

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_edit_each_language_in_its_tab(watched_page, live_server, admin_user):
    theme = make_theme(title_en="Old title")
    page = watched_page
    page.goto(f"{live_server.url}/admin/login/?next=/admin/guide/theme/{theme.pk}/change/")
    page.get_by_label("Nom d’utilisateur").fill("admin")
    page.get_by_label("Mot de passe").fill("password")
    page.get_by_role("button", name="Connexion").click()

    english = page.locator("#id_title_en")
    tabs = page.locator(".ui-tabs-nav").first
    expect(tabs.locator("a")).to_have_text(["fr", "en", "fr-falc"])
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


def test_staff_edit_a_section_english_body_and_readers_see_it(
    watched_page, live_server, admin_user
):
    section = make_section(body_en="<p>Old English text.</p>")
    page = watched_page
    page.goto(f"{live_server.url}/admin/login/?next=/admin/guide/section/{section.pk}/change/")
    page.get_by_label("Nom d’utilisateur").fill("admin")
    page.get_by_label("Mot de passe").fill("password")
    page.get_by_role("button", name="Connexion").click()

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
