"""What machines read: valid language tags (BCP 47) and schema.org data without empty values."""

import json
import re
from io import StringIO
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from places.models import Place
from routes.models import Route
from tests.helpers import page_urls

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# RFC 5646: a language tag (language, script, region, variants, extensions, private use) or a
# private-use tag alone. A 4-letter subtag after the language is a script.
_ALNUM = "[A-Za-z0-9]"
LANGTAG = re.compile(
    rf"""
    (?:
        (?P<language>[A-Za-z]{{2,3}}(?:-[A-Za-z]{{3}}){{0,3}}|[A-Za-z]{{5,8}})
        (?:-(?P<script>[A-Za-z]{{4}}))?
        (?:-(?:[A-Za-z]{{2}}|[0-9]{{3}}))?
        (?:-(?:{_ALNUM}{{5,8}}|[0-9]{_ALNUM}{{3}}))*
        (?:-[0-9A-WYZa-wyz](?:-{_ALNUM}{{2,8}})+)*
        (?:-[xX](?:-{_ALNUM}{{1,8}})+)?
    |
        [xX](?:-{_ALNUM}{{1,8}})+
    )
    """,
    re.VERBOSE,
)
# Scripts are registered (ISO 15924): those of the languages a guide like ours may add.
SCRIPTS = {"Latn", "Arab", "Cyrl", "Ethi", "Hans", "Hant"}


def _is_bcp47(tag):
    match = LANGTAG.fullmatch(tag)
    return bool(match) and (match["script"] or "Latn").title() in SCRIPTS


@pytest.mark.parametrize("tag", ["fr", "en", "fr-x-falc", "ar", "fa-AF", "sr-Latn-RS", "x-default"])
def test_bcp47_check_accepts_real_tags(tag):
    assert _is_bcp47(tag)


@pytest.mark.parametrize("tag", ["fr-falc", "fr_falc", "fr-", "français", "fr-x-"])
def test_bcp47_check_refuses_what_is_not_a_tag(tag):
    assert not _is_bcp47(tag)


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


def test_sitemap_alternates_carry_bcp47_tags(client, section):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    links = root.findall("s:url/x:link", ns)
    tags = {link.get("hreflang") for link in links}
    assert all(_is_bcp47(tag) for tag in tags), tags
    assert len(tags) == len(LANGUAGE_CODES) + 1  # every language and x-default
    falc = {link.get("href") for link in links if link.get("hreflang") == "fr-x-falc"}
    assert "http://testserver/fr-falc/" in falc


def test_pages_send_bcp47_tags_in_hreflang_and_content_language(client, section):
    seen = set()
    for _code, url in page_urls(section):
        response = client.get(url)
        assert response.status_code == 200, url
        hreflangs = set(re.findall(r'hreflang="([^"]*)"', response.content.decode()))
        assert all(_is_bcp47(tag) for tag in hreflangs), (url, hreflangs)
        assert _is_bcp47(response["Content-Language"]), (url, response["Content-Language"])
        seen |= hreflangs
    assert len(seen) == len(LANGUAGE_CODES)  # the language switcher names them all


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_language_has_a_valid_content_language(client, code):
    for _request in range(2):  # built, then from the page cache
        response = client.get(f"/{code}/")
        assert _is_bcp47(response["Content-Language"]), response["Content-Language"]


def test_falc_pages_are_tagged_private_use_but_read_in_french(client):
    response = client.get("/fr-falc/")
    assert response["Content-Language"] == "fr-x-falc"
    assert '<html lang="fr" ' in response.content.decode()
    switcher = client.get("/fr/").content.decode()
    assert 'href="/fr-falc/" lang="fr" hreflang="fr-x-falc"' in switcher


def _json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def _empty_values(data, path=""):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _empty_values(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _empty_values(value, f"{path}[{index}]")
    elif data is None or (isinstance(data, str) and not data.strip()):
        yield path


def test_place_json_ld_has_no_empty_values(demo, client):
    places = Place.objects.published()
    assert places.filter(postcode="").exists()  # the case the check is about
    for code in LANGUAGE_CODES:
        for place in places:
            with translation.override(code):
                url = place.get_absolute_url()
            data = _json_ld(client.get(url).content.decode())
            assert data["name"] and data["url"], url
            assert list(_empty_values(data)) == [], url
            assert all(value != {"@type": "PostalAddress"} for value in data.values()), url


def test_place_json_ld_keeps_what_the_place_has(demo, client):
    place = Place.objects.exclude(postcode="").exclude(phone="").filter(latitude__isnull=False)[0]
    data = _json_ld(client.get(place.get_absolute_url()).content.decode())
    assert data["address"]["postalCode"] == place.postcode
    assert data["telephone"] == place.phone
    assert data["geo"]["latitude"] == float(place.latitude)


def test_route_pages_send_bcp47_tags(demo, client):
    for code in LANGUAGE_CODES:
        with translation.override(code):
            url = Route.objects.get(slug="rallye-integration").get_absolute_url()
        response = client.get(url)
        assert _is_bcp47(response["Content-Language"]), url
