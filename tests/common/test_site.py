"""Site-wide guards: what must hold for every page and every part of the project."""

import os
import re
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

from tests.factories import make_theme
from tests.helpers import page_urls

pytestmark = pytest.mark.django_db


def _patterns(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue  # Django's own, with unnamed redirects we cannot change
            yield from _patterns(pattern, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def test_suite_runs_on_the_configured_database():
    """`make test` runs twice; make sure the second run really is on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    assert connection.vendor == ("postgresql" if url.startswith("postgres") else "sqlite")


def test_no_pending_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_every_url_has_a_name():
    unnamed = [
        route
        for route, pattern in _patterns(get_resolver())
        if isinstance(pattern, URLPattern) and not pattern.name
    ]
    assert unnamed == []


class _PageParser(HTMLParser):
    """Collect what a browser would fetch from a page, and its headings."""

    RESOURCE_ATTRIBUTES = {
        "script": ["src"],
        "img": ["src", "srcset"],
        "source": ["src", "srcset"],
        "iframe": ["src"],
        "link": ["href"],
        "form": ["action"],
        "video": ["src", "poster"],
        "audio": ["src"],
        "object": ["data"],
        "embed": ["src"],
    }

    def __init__(self):
        super().__init__()
        self.h1_count = 0
        self.resources = []
        self.inline_scripts = 0
        self.style_attributes = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1_count += 1
        # JSON data blocks (application/json, ld+json) are not run, so CSP lets them be.
        executable = attrs.get("type", "text/javascript") in ("text/javascript", "module")
        if tag == "script" and "src" not in attrs and executable:
            self.inline_scripts += 1
        if "style" in attrs:
            self.style_attributes += 1
        for name in self.RESOURCE_ATTRIBUTES.get(tag, []):
            if attrs.get(name):
                self.resources.append(attrs[name])


def _parse(response):
    parser = _PageParser()
    parser.feed(response.content.decode())
    return parser


def test_every_page_has_exactly_one_h1(client, section):
    for _language, url in page_urls(section):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _parse(response).h1_count == 1, url


def test_error_page_has_exactly_one_h1(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert _parse(response).h1_count == 1


def test_no_page_references_an_external_host(client, section):
    for _language, url in page_urls(section):
        response = client.get(url)
        parser = _parse(response)
        external = [src for src in parser.resources if urlsplit(src).netloc]
        assert external == [], url
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", response.content.decode()), url


def test_no_page_has_inline_script_or_style(client, section):
    """The Content-Security-Policy forbids them, so they would silently not work."""
    for _language, url in page_urls(section):
        parser = _parse(client.get(url))
        assert (parser.inline_scripts, parser.style_attributes) == (0, 0), url


def test_each_language_home_page_is_in_that_language(client):
    pages = {}
    for code in ("fr", "en", "fr-falc"):
        html = client.get(f"/{code}/").content.decode()
        with translation.override(code):
            expected = translation.gettext("Skip to content")
            lead = translation.gettext(
                "You have just arrived in Clermont-Ferrand. This guide tells you where to go "
                "and what to do, step by step."
            )
        assert expected in html, code
        assert lead.replace("\n", "<br>") in html, code
        pages[code] = lead
    assert pages["fr"] != pages["en"], "the French home page shows English"
    assert pages["fr-falc"] != pages["fr"], "the FALC home page is a copy of the French one"
    assert "Aller au contenu" in client.get("/fr/").content.decode()


def test_home_page_runs_the_same_queries_whatever_the_number_of_themes(
    client, django_assert_num_queries
):
    make_theme()
    with django_assert_num_queries(4):  # themes, routes, notices, events
        client.get("/fr/")
    for _ in range(30):
        make_theme()
    with django_assert_num_queries(4):
        html = client.get("/fr/").content.decode()
    assert html.count('<a href="/fr/guide/theme-') == 31
