"""A volunteer translates a page into Arabic: the source beside fields typed right to left."""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from common.content import sync_staff_groups
from guide.models import Section
from tests.factories import make_section
from tests.helpers import admin_log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_arabic_translator_writes_the_body_right_to_left(watched_page, live_server):
    sync_staff_groups()
    translator = User.objects.create_user("salma", password="mot-de-passe-long", is_staff=True)
    translator.groups.add(Group.objects.get(name="Traducteurs — arabe"))
    section = make_section(title_ar="زيارة الطبيب", summary_ar="كيف تجد طبيبًا.", body_ar="")
    page = watched_page
    admin_log_in(page, live_server.url, "salma", "mot-de-passe-long", "/admin/")
    page.get_by_role("link", name="Ce qui reste à traduire, langue par langue").click()
    page.get_by_role("row", name=section.title_fr).get_by_role("link").click()

    target = page.locator(f"#id_section-{section.pk}-body").locator("xpath=..")
    editor = target.get_by_role("textbox")
    expect(editor).to_be_visible()
    # The rich-text editor types from the right: it inherits the field's direction.
    assert editor.evaluate("node => getComputedStyle(node).direction") == "rtl"
    title = page.locator(f"#id_section-{section.pk}-title")
    assert title.evaluate("node => getComputedStyle(node).direction") == "rtl"
    source = page.locator(".translation-source").first
    assert source.evaluate("node => getComputedStyle(node).direction") == "ltr"
    editor.click()
    page.keyboard.type("اتصل بالرقم 15 في حالة الطوارئ.")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_text("Enregistré. Textes modifiés : 1.")).to_be_visible()
    assert page.console_errors == []
    assert page.foreign_requests == []
    assert Section.objects.get(pk=section.pk).body_ar == "<p>اتصل بالرقم 15 في حالة الطوارئ.</p>"
