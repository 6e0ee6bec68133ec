"""A reader searches from the header of any page, on a phone, with or without JavaScript."""

import pytest

from tests.factories import make_place, make_section
from tests.helpers import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("javascript", [True, False])
def test_reader_searches_from_the_header_of_a_page_on_a_phone(browser, live_server, javascript):
    section = make_section(title_fr="Consulter un médecin", places=[make_place()])
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}{section.get_absolute_url()}")
    header = page.get_by_role("search", name="Rechercher dans le guide")
    header.get_by_role("searchbox").fill("medecins")
    header.get_by_role("button", name="Rechercher").click()
    page.wait_for_url(f"{live_server.url}/fr/search/?q=medecins")
    result = page.locator(".search-results li").first
    assert result.get_by_role("link").inner_text() == "Consulter un médecin"
    assert result.locator("mark").first.inner_text() == "médecin"
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    if javascript:
        assert axe_violations(page) == []
    result.get_by_role("link").click()
    page.wait_for_url(f"{live_server.url}{section.get_absolute_url()}")
    context.close()
