"""axe-core on every page type in every language, with no console error and no foreign request."""

from io import StringIO

import pytest
from django.core.management import call_command

from guide.models import Theme
from tests.factories import (
    make_course,
    make_event,
    make_place,
    make_section,
    make_term,
    make_theme,
)
from tests.helpers import LANGUAGE_CODES, axe_violations, page_urls, recovery_code

pytestmark = pytest.mark.django_db(transaction=True)

# Django's admin is not ours to restructure: hold it to the legal standard, WCAG 2.1 AA,
# without axe's best-practice rules (such as one <h1> per page) that public pages also pass.
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


# jQuery UI's tabs put a link inside each role="tab" item (axe: nested-interactive); the tabs
# still work with the keyboard. Known upstream, left out of the check rather than patched.
JQUERY_UI_TABS = {"exclude": [[".ui-tabs-nav"]]}


# One test a language: xdist spreads them over the test processes.
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_public_pages_have_no_accessibility_violation(watched_page, live_server, code):
    place = make_place()
    section = make_section(places=[place])
    term = make_term(places=[place])
    # The place's page then shows a course and an event too.
    make_course(place=place, slots=[(5, "09:30", "11:30")], teacher_languages="en ar")
    event = make_event(place=place, repeat="weekly")
    problems = {}
    pages = page_urls(section, term, event)
    for _language, url in [(lang, url) for lang, url in pages if lang == code]:
        watched_page.goto(live_server.url + url)
        if found := axe_violations(watched_page):
            problems[url] = found
    assert problems == {}
    assert watched_page.console_errors == []
    assert watched_page.foreign_requests == []


def test_error_pages_have_no_accessibility_violation(page, live_server):
    for url in ("/en/no-such-page/", "/fr-falc/nope/", "/fr/guide/unknown/"):
        response = page.goto(live_server.url + url)
        assert response.status == 404
        assert axe_violations(page) == [], url


def test_admin_pages_have_no_accessibility_violation(watched_page, live_server, admin_user):
    theme = make_theme()
    page = watched_page
    page.goto(live_server.url + "/admin/login/")
    assert axe_violations(page, WCAG_21_AA) == []
    code = recovery_code(admin_user)
    page.get_by_label("Nom d’utilisateur").fill("admin")
    page.get_by_label("Mot de passe").fill("password")
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(live_server.url + "/admin/account/verify/**")
    assert axe_violations(page, WCAG_21_AA) == []
    page.get_by_role("textbox", name="Code").fill(code)
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_url(live_server.url + "/admin/")
    page.goto(f"{live_server.url}/admin/guide/theme/{theme.pk}/change/")
    page.wait_for_selector(".ui-tabs-nav")
    assert axe_violations(page, WCAG_21_AA, JQUERY_UI_TABS) == []
    section = make_section(theme=theme, title_ar="", body_ar="")
    for path in (
        "guide/theme/",
        "search/missedsearch/",
        "search/synonym/add/",
        "translations/",
        f"translations/ar/section/{section.pk}/",
        "translations/ar/import/",
        "account/security/",
        "account/enrol/",
    ):
        page.goto(f"{live_server.url}/admin/{path}")
        assert axe_violations(page, WCAG_21_AA) == [], path
    assert page.console_errors == []
    assert page.foreign_requests == []


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_demo_content_pages_have_no_accessibility_violation(watched_page, live_server, code):
    """The real guide, not only test data: the first section of each theme, in each language."""
    call_command("load_demo", stdout=StringIO())
    problems = {}
    for theme in Theme.objects.all():
        section = theme.sections.first()
        watched_page.goto(f"{live_server.url}/{code}/guide/{theme.slug}/{section.slug}/")
        if found := axe_violations(watched_page):
            problems[watched_page.url] = found
    assert problems == {}
