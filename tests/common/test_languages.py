"""The nine languages: prefixes, the redirect from /, <html lang> and dir, the switcher,
catalogs, logical CSS for right-to-left."""

import datetime
import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from common.management.commands.compile_catalogs import catalogs, compiled
from common.models import LanguageFallback
from tests.factories import make_place, make_section

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9,en;q=0.8", "/fr/"),
        ("fr", "/fr/"),
        ("fr-CA", "/fr/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("ar,en;q=0.5", "/ar/"),
        ("ar-DZ", "/ar/"),
        ("fa-AF,fa;q=0.9", "/fa/"),
        ("fa-IR", "/fa/"),
        ("ps-AF", "/ps/"),
        ("uk-UA,uk;q=0.9,ru;q=0.8", "/uk/"),
        ("ru-RU", "/ru/"),
        ("ti-ER", "/ti/"),
        ("de-DE,de;q=0.9", "/fr/"),
        ("", "/fr/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_french_browser_never_gets_falc(client):
    for header in ("fr", "fr-FR", "fr-BE,fr;q=0.8", "fr-falc;q=0.1,fr;q=0.9"):
        response = client.get("/", headers={"accept-language": header})
        assert response["Location"] == "/fr/", header


@pytest.mark.parametrize(
    ("prefix", "html_lang", "direction"),
    [
        ("fr", "fr", "ltr"),
        ("en", "en", "ltr"),
        ("fr-falc", "fr", "ltr"),
        ("ar", "ar", "rtl"),
        ("fa", "fa", "rtl"),
        ("ps", "ps", "rtl"),
        ("uk", "uk", "ltr"),
        ("ru", "ru", "ltr"),
        ("ti", "ti", "ltr"),
    ],
)
def test_html_lang_is_a_real_language_tag_with_its_direction(client, prefix, html_lang, direction):
    html = client.get(f"/{prefix}/").content.decode()
    assert f'<html lang="{html_lang}" dir="{direction}" ' in html


def test_our_css_is_written_with_logical_properties():
    """Right-to-left pages mirror the layout only if no rule says left or right."""
    physical = re.compile(r"(?<![\w-])(left|right)(?![\w-])|-(left|right)\b")
    sheets = [
        path
        for folder in ("common", "places", "routes", "guide", "search", "feedback", "mentoring")
        for path in (Path(settings.BASE_DIR) / folder / "static").rglob("*.css")
        if "vendor" not in path.parts
    ]
    assert sheets
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sheets
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if physical.search(line.split("/*")[0])
    ]
    assert found == []


def test_switcher_names_the_languages_in_their_own_words(client):
    html = client.get("/en/").content.decode()
    names = ("Français", "English", "Facile à lire (FALC)", "العربيّة", "دری / فارسی", "پښتو")
    for name in (*names, "Українська", "Русский", "ትግርኛ"):
        assert f">{name}</a>" in html
    assert 'lang="fr" hreflang="fr-x-falc">Facile à lire (FALC)' in html


def test_switcher_keeps_the_reader_on_the_same_page(client, theme):
    html = client.get(f"/en/guide/{theme.slug}/").content.decode()
    assert f'href="/fr/guide/{theme.slug}/"' in html
    assert f'href="/fr-falc/guide/{theme.slug}/"' in html
    assert f'href="/en/guide/{theme.slug}/" lang="en" aria-current="true"' in html


def test_switcher_keeps_the_query_string(client):
    html = client.get("/fr/places/?category=sante").content.decode()
    assert 'href="/en/places/?category=sante"' in html


def test_switcher_on_a_missing_page_leads_home(client):
    html = client.get("/en/nowhere/").content.decode()
    assert 'href="/fr/"' in html


def test_content_falls_back_to_french_when_untranslated(client, theme):
    theme.title_en = ""
    theme.save()
    html = client.get(f"/en/guide/{theme.slug}/").content.decode()
    assert f'<h1 class="with-pictogram" lang="fr">{theme.title_fr}</h1>' in html
    assert "This page is not translated into English yet. Here it is in French." in html


def test_falc_catalog_rewords_rather_than_copies_french():
    def text(entry):
        return entry.msgstr_plural if entry.msgid_plural else entry.msgstr

    french = {e.msgid: text(e) for e in polib.pofile(LOCALE / "fr/LC_MESSAGES/django.po")}
    falc = [e for e in polib.pofile(LOCALE / "fr_Falc/LC_MESSAGES/django.po") if e.translated()]
    assert len(falc) >= 20, "the FALC catalog should reword the site's sentences"
    copies = [e.msgid for e in falc if text(e) == french.get(e.msgid)]
    assert copies == []


def test_french_catalog_is_complete():
    po = polib.pofile(LOCALE / "fr/LC_MESSAGES/django.po")
    assert po.percent_translated() == 100
    assert [e.msgid for e in po if "fuzzy" in e.flags] == []


def test_catalogs_are_compiled_and_current():
    """The .mo files the site reads match their .po files (run `make catalogs`)."""
    found = list(catalogs())
    assert {po.parent.parent.name for po, _mo in found} >= {"fr", "fr_Falc"}
    for po_path, mo_path in found:
        assert mo_path.exists(), mo_path
        assert mo_path.read_bytes() == compiled(po_path), f"{mo_path} is stale"


@pytest.mark.skipif(
    not shutil.which("xgettext") and os.environ.get("CI") != "true",
    reason="GNU gettext is not installed",
)
def test_catalogs_hold_every_string_of_the_code(tmp_path, monkeypatch):
    """Running makemessages would add nothing: no UI string is left out of the catalogs."""
    source = Path(settings.BASE_DIR)
    copy = tmp_path / "src"
    shutil.copytree(
        source,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", "var", ".git", "*.mo", "__pycache__", ".pytest_cache", ".ruff_cache"
        ),
    )
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        # As `make messages` runs it: every catalog, however many languages there are.
        call_command("makemessages", all=True, ignore_patterns=[".venv"], verbosity=0)
    languages = sorted(path.name for path in LOCALE.iterdir() if path.is_dir())
    assert {"fr", "fr_Falc"} <= set(languages)
    for language in languages:
        before = {e.msgid for e in polib.pofile(LOCALE / language / "LC_MESSAGES/django.po")}
        after = polib.pofile(copy / "locale" / language / "LC_MESSAGES/django.po")
        missing = {e.msgid for e in after if not e.obsolete} - before
        assert missing == set(), f"run `make messages` and translate: {sorted(missing)}"


def test_an_untranslated_page_offers_the_languages_it_is_written_in(client):
    """In French, English, FALC (the factory's) and Dari; not in Pashto, Ukrainian and the rest."""
    section = make_section(title_fa="دیدن داکتر", summary_fa="خلاصه.", body_fa="<p>متن.</p>")
    html = client.get(f"/ps{section.get_absolute_url()[3:]}").content.decode()
    notice = html.split('class="notice" role="note"')[1].split("</div>")[0]
    offered = re.findall(r'<a href="/([a-z-]+)/[^"]*" lang="[a-z]+" hreflang="[^"]+">', notice)
    assert offered == ["en", "fr", "fr-falc", "fa"]  # English and French first, unless staff say
    LanguageFallback.objects.create(language="ps", offered="fa en fr uk")
    html = client.get(f"/ps{section.get_absolute_url()[3:]}").content.decode()
    notice = html.split('class="notice" role="note"')[1].split("</div>")[0]
    offered = re.findall(r'<a href="/([a-z-]+)/[^"]*" lang="[a-z]+" hreflang="[^"]+">', notice)
    assert offered == ["fa", "en", "fr"]


def test_staff_name_only_languages_of_the_site(admin_client):
    response = admin_client.post(
        "/admin/common/languagefallback/add/", {"language": "ps", "offered": "fa xx en"}
    )
    assert response.status_code == 200
    assert "Codes de langue inconnus : xx." in response.content.decode()
    assert not LanguageFallback.objects.exists()


def test_latin_fragments_keep_their_order_in_right_to_left_pages(client):
    """In Arabic, « 04 73 00 00 00 » would read backwards, group by group, without isolation."""
    place = make_place(phone="04 73 00 00 00", website="https://example.org/accueil")
    html = client.get(f"/ar/places/{place.slug}/").content.decode()
    assert '<bdi dir="ltr">04 73 00 00 00</bdi>' in html
    assert 'dir="ltr">04 73 00 00 00</a>' in html
    assert "<bdi>12 rue Montlosier, 63000 Clermont-Ferrand</bdi>" in html
    assert 'dir="ltr">https://example.org/accueil</a>' in html


def test_a_place_not_translated_yet_says_nothing_of_a_check(client):
    place = make_place(description_fr="")
    html = client.get(f"/en/places/{place.slug}/").content.decode()
    assert "not been checked" not in html
    place.name_en = "Health centre"
    place.description_fr, place.description_en = "Un accueil.", "A welcome desk."
    place.save()
    html = client.get(f"/en/places/{place.slug}/").content.decode()
    assert "This translation has not been checked by a speaker yet." in html


@pytest.mark.parametrize(
    ("code", "expected"), [("ps", "22 دسمبر 2026 08:30"), ("ti", "22 ታሕሳስ 2026 08:30")]
)
def test_dates_and_times_in_languages_django_has_no_formats_for(code, expected):
    """Without common/formats, a Pashto reader got « déc. 22, 2026 » and « 8:30 a.m. »."""
    from django.utils.formats import date_format

    moment = datetime.datetime(2026, 12, 22, 8, 30)
    with translation.override(code):
        assert date_format(moment, "DATETIME_FORMAT") == expected
