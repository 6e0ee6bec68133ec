"""What a reader does: switch language, skip to content, read on a narrow phone."""

import re

import pytest

from tests.factories import make_section, make_theme

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_switches_language_and_stays_on_the_same_theme(page, live_server):
    theme = make_theme(title_fr="Santé", title_en="Health", title_fr_falc="La santé")
    page.goto(f"{live_server.url}/fr/guide/{theme.slug}/")
    assert page.locator("h1").inner_text() == "Santé"

    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}/en/guide/{theme.slug}/")
    assert page.locator("h1").inner_text() == "Health"
    assert page.locator("html").get_attribute("lang") == "en"

    page.get_by_role("link", name="Facile à lire (FALC)").click()
    page.wait_for_url(f"{live_server.url}/fr-falc/guide/{theme.slug}/")
    assert page.locator("h1").inner_text() == "La santé"
    assert page.locator("html").get_attribute("lang") == "fr"


def test_keyboard_user_skips_to_the_content(page, live_server):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("element => element === document.activeElement")
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link is off screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("width", [320, 640])
def test_pages_reflow_without_horizontal_scrolling(page, live_server, width):
    """320 CSS pixels is a 1280-pixel screen at 400 % zoom; 640 is 200 %."""
    make_theme()
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("/fr/", "/fr-falc/", "/en/accessibility/"):
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path


def test_site_reads_without_javascript(browser, live_server):
    make_theme(title_en="Health")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("link", name="Health").click()
    assert page.locator("h1").inner_text() == "Health"
    context.close()


def test_reader_switches_language_on_a_section_and_stays_on_it(page, live_server):
    section = make_section(
        title_fr="Voir un médecin",
        title_en="Seeing a doctor",
        title_fr_falc="Aller chez le médecin",
    )
    page.goto(f"{live_server.url}/fr/guide/{section.theme.slug}/{section.slug}/")
    assert page.locator("h1").inner_text() == "Voir un médecin"
    for name, prefix, title in [
        ("Facile à lire (FALC)", "fr-falc", "Aller chez le médecin"),
        ("English", "en", "Seeing a doctor"),
        ("Français", "fr", "Voir un médecin"),
    ]:
        page.get_by_role("navigation", name=re.compile("langue|language", re.I)).get_by_role(
            "link", name=name
        ).click()
        page.wait_for_url(f"{live_server.url}/{prefix}/guide/{section.theme.slug}/{section.slug}/")
        assert page.locator("h1").inner_text() == title


def test_reader_of_an_untranslated_section_gets_french_and_a_notice(page, live_server):
    section = make_section(title_en="", summary_en="", body_en="")
    page.goto(f"{live_server.url}/en/guide/{section.theme.slug}/{section.slug}/")
    notice = page.get_by_role("note")
    assert notice.inner_text().split("\n") == [
        "This page is not translated into English yet. Here it is in French.",
        "",
        "It is written in: Français · Facile à lire (FALC)",
    ]
    notice.get_by_role("link", name="Facile à lire (FALC)").click()
    page.wait_for_url(f"{live_server.url}/fr-falc/guide/{section.theme.slug}/{section.slug}/")
    page.go_back()
    assert page.locator("h1").inner_text() == section.title_fr
    assert page.locator(".prose").get_attribute("lang") == "fr"
