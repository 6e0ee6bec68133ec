"""The guide kept on the phone: saved with one tap, read without network, updated online."""

import pytest
from playwright.sync_api import expect

from guide.models import Section
from tests.factories import make_place, make_section, make_term

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def guide():
    place = make_place(slug="cpam", name_fr="CPAM")
    section = make_section(
        places=[place], title_en="Health cover", body_en="<p>Ask the CPAM for the AME.</p>"
    )
    make_section(theme=section.theme, title_en="A doctor")
    make_term(slug="ame", term="AME", meaning_en="state medical aid", places=[place])
    return section


def _service_worker_ready(page):
    """Wait for the service worker to be active, then load the page again through it."""
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    assert page.evaluate("navigator.serviceWorker.controller !== null")


def test_a_reader_saves_the_guide_and_reads_it_offline(watched_page, live_server, guide):
    page = watched_page
    section_url = f"{live_server.url}/en/guide/{guide.theme.slug}/{guide.slug}/"
    page.goto(f"{live_server.url}/en/offline/")
    expect(page.locator(".lead")).to_contain_text("KB")  # the weight, before saving
    _service_worker_ready(page)
    page.get_by_role("button", name="Save the guide on this phone").click()
    expect(page.get_by_role("status")).to_contain_text("Saved on this phone on", timeout=20_000)

    page.context.set_offline(True)
    page.goto(section_url)
    expect(page.locator("h1")).to_have_text("Health cover")
    page.goto(f"{live_server.url}/en/glossary/")
    expect(page.locator("h1")).to_have_text("Words of the counter")
    page.goto(f"{live_server.url}/en/glossary/ame/")  # a word's page: the glossary instead
    expect(page.locator("#ame")).to_contain_text("state medical aid")
    page.goto(f"{live_server.url}/en/places/")
    expect(page.locator("#place-list")).to_contain_text("CPAM")
    page.goto(f"{live_server.url}/en/places/cpam/")  # not saved
    expect(page.locator("h1")).to_have_text("No connection")
    page.goto(f"{live_server.url}/ar/")  # a language this reader never opened: French
    expect(page.locator("h1")).to_have_text("Pas de connexion")
    assert page.console_errors == [] or all("net::" in e for e in page.console_errors)
    assert page.foreign_requests == []

    # Staff publish a change; the next visit online brings it to the saved copy.
    page.context.set_offline(False)
    Section.objects.filter(pk=guide.pk).update(title_en="Health cover for everyone")
    guide.theme.save()  # a save: the content version changes
    page.goto(f"{live_server.url}/en/")
    for _ in range(100):
        saved = page.evaluate("JSON.parse(localStorage.getItem('saved-en')).version")
        current = page.evaluate("document.documentElement.dataset.contentVersion")
        if saved == current:
            break
        page.wait_for_timeout(100)
    assert saved == current
    page.context.set_offline(True)
    page.goto(section_url)
    expect(page.locator("h1")).to_have_text("Health cover for everyone")


def test_the_site_is_installable(
    browser_type, browser_type_launch_args, tmp_path, live_server, guide
):
    # A profile on disk: Chromium never offers to install from a private (incognito) window.
    context = browser_type.launch_persistent_context(str(tmp_path), **browser_type_launch_args)
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/")
    _service_worker_ready(page)
    session = page.context.new_cdp_session(page)
    errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == [], errors
    manifest = session.send("Page.getAppManifest")
    assert manifest["url"].endswith("/fr/manifest.webmanifest")
    assert not manifest.get("errors")
    context.close()
