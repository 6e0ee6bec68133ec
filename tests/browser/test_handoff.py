"""A social worker builds a list for a newcomer, who opens it on their own phone and prints it."""

import io
import re
import unicodedata

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from guide.models import Section
from places.models import Place
from tests.factories import make_place, make_section

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def guide():
    cover = make_section(title_fr="La couverture santé", title_en="Health cover")
    make_section(theme=cover.theme, title_fr="Voir un médecin", title_en="Seeing a doctor")
    make_place(slug="cpam", name_fr="CPAM", name_en="CPAM health insurance")
    make_place(slug="pass", name_fr="PASS", name_en="PASS free care", latitude="45.76")
    make_place(slug="caf", name_fr="CAF", name_en="CAF family benefits", latitude="45.78")


def _add(page, words, name):
    page.get_by_label("Find a page or a place").fill(words)
    page.get_by_role("button", name="Find", exact=True).click()
    page.get_by_role("listitem").filter(has_text=name).get_by_role("link", name="Add").click()


def test_a_list_is_built_shared_and_printed_in_english_and_french(
    page, browser, live_server, guide
):
    rows = (Section.objects.count(), Place.objects.count())
    page.goto(f"{live_server.url}/en/list/")
    _add(page, "cover", "Health cover")
    _add(page, "doctor", "Seeing a doctor")
    _add(page, "CPAM", "CPAM health insurance")
    _add(page, "PASS", "PASS free care")
    # From a place's own page: the link adds it to the list being built.
    page.goto(f"{live_server.url}/en/places/caf/")
    page.get_by_role("link", name="Add to a list for a newcomer").click()
    expect(page.locator(".handoff-item")).to_have_count(5)
    link = page.locator("#handoff-link").get_attribute("href")

    newcomer = browser.new_context().new_page()  # the newcomer's phone, from the QR code
    newcomer.goto(link)
    expect(newcomer.locator(".handoff-item")).to_have_count(5)
    pdf = PdfReader(io.BytesIO(newcomer.pdf()))
    # NFKC: the PDF writes « fi » as one ligature.
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in pdf.pages))
    for words in (
        "Health cover",
        "La couverture santé",
        "Seeing a doctor",
        "Voir un médecin",
        "CPAM health insurance",
        "CAF family benefits",
        "Pour vous",
    ):
        assert words in text, words
    assert len(pdf.pages) == 1
    assert (Section.objects.count(), Place.objects.count()) == rows


def test_a_list_works_without_javascript(browser, live_server, guide):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(f"{live_server.url}/en/places/cpam/")
    page.get_by_role("link", name="Add to a list for a newcomer").click()
    _add(page, "PASS", "PASS free care")
    expect(page.locator(".handoff-item")).to_have_count(2)
    page.get_by_role("link", name=re.compile(r"^Remove\W+CPAM health insurance$")).click()
    expect(page.locator(".handoff-item")).to_have_count(1)
