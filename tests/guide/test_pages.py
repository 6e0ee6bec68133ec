"""Reading the guide: themes, sections, fallback to French, print view, sitemap, budgets."""

import datetime
import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone, translation

from tests.factories import make_place, make_section, make_term, make_theme
from tests.helpers import LANGUAGE_CODES

pytestmark = pytest.mark.django_db


def test_theme_page_lists_its_published_sections_in_order(client, theme):
    second = make_section(theme=theme, order=2, title_en="Second page")
    first = make_section(theme=theme, order=1, title_en="First page")
    make_section(theme=theme, order=3, title_en="Secret draft", published=False)
    html = client.get(f"/en/guide/{theme.slug}/").content.decode()
    assert html.index(first.title_en) < html.index(second.title_en)
    assert "Secret draft" not in html


def test_staff_see_drafts_marked_as_such(admin_client, theme):
    draft = make_section(theme=theme, title_en="Work in progress", published=False)
    html = admin_client.get(f"/en/guide/{theme.slug}/").content.decode()
    assert "Work in progress" in html and ">Draft</span>" in html
    response = admin_client.get(f"/en/guide/{theme.slug}/{draft.slug}/")
    assert response.status_code == 200
    assert "Draft: only staff can see this page." in response.content.decode()


def test_draft_section_is_not_found_for_readers(client, theme):
    draft = make_section(theme=theme, published=False)
    assert client.get(f"/fr/guide/{theme.slug}/{draft.slug}/").status_code == 404


def test_section_page_shows_everything_a_reader_needs(client, theme):
    place = make_place(name_fr="PASS du CHU", phone="04 73 75 00 00")
    section = make_section(
        theme=theme,
        places=[place],
        title_en="Free care",
        summary_en="Care without health cover.",
        body_en="<h2>Where</h2><p>Go to the <strong>PASS</strong>.</p>",
        last_reviewed=datetime.date(2026, 10, 1),
    )
    html = client.get(f"/en/guide/{theme.slug}/{section.slug}/").content.decode()
    assert "<h1>Free care</h1>" in html
    assert "Care without health cover." in html
    assert "<h2>Where</h2><p>Go to the <strong>PASS</strong>.</p>" in html
    assert "Information checked on Oct. 1, 2026." in html
    assert f'href="/en/places/{place.slug}/">PASS du CHU</a>' in html
    assert 'href="tel:0473750000"' in html


def test_section_page_links_to_previous_and_next_in_its_theme(client, theme):
    first, middle, last = (make_section(theme=theme, order=n) for n in (1, 2, 3))
    make_section(order=2)  # another theme: never a neighbour
    html = client.get(f"/fr/guide/{theme.slug}/{middle.slug}/").content.decode()
    assert f'href="/fr/guide/{theme.slug}/{first.slug}/" rel="prev"' in html
    assert f'href="/fr/guide/{theme.slug}/{last.slug}/" rel="next"' in html
    html = client.get(f"/fr/guide/{theme.slug}/{first.slug}/").content.decode()
    assert 'rel="prev"' not in html


def test_section_under_another_theme_is_not_found(client, theme):
    section = make_section()
    assert client.get(f"/fr/guide/{theme.slug}/{section.slug}/").status_code == 404


def test_english_reader_sees_french_text_and_a_notice(client, theme):
    section = make_section(theme=theme, title_en="", summary_en="", body_en="")
    html = client.get(f"/en/guide/{theme.slug}/{section.slug}/").content.decode()
    assert "This page is not translated into English yet. Here it is in French." in html
    assert f'<h1 lang="fr">{section.title_fr}</h1>' in html
    assert '<div class="prose" lang="fr">' in html
    assert "Appelez le <strong>15</strong>" in html


@pytest.mark.parametrize("missing", ["title", "summary", "body"])
def test_only_the_text_shown_in_french_is_marked_french(client, theme, missing):
    section = make_section(theme=theme, **{f"{missing}_en": ""})
    html = client.get(f"/en/guide/{theme.slug}/{section.slug}/").content.decode()
    marked = {
        "title": f'<h1 lang="fr">{section.title_fr}</h1>' in html,
        "summary": f'<p class="lead" lang="fr">{section.summary_fr}</p>' in html,
        "body": '<div class="prose" lang="fr">' in html,
    }
    assert marked == {field: field == missing for field in marked}


def test_falc_reader_sees_french_text_and_a_notice_in_falc(client, theme):
    section = make_section(theme=theme, body_fr_falc="")
    html = client.get(f"/fr-falc/guide/{theme.slug}/{section.slug}/").content.decode()
    assert "Appelez le <strong>15</strong>" in html
    assert 'class="notice" role="note"' in html
    assert '<div class="prose" lang="fr">' in html


def test_a_translation_nobody_checked_says_so_in_one_line(client, section):
    url = f"/en/guide/{section.theme.slug}/{section.slug}/"
    html = client.get(url).content.decode()
    assert html.count('role="note"') == 1
    assert "This translation has not been checked by a speaker yet." in html
    section.checked_by_en = "Sarah, volunteer"
    section.checked_on_en = timezone.localdate()
    section.save()
    html = client.get(url).content.decode()
    assert 'role="note"' not in html
    assert "Translation checked by Sarah, volunteer on" in html
    assert "checked by" not in client.get(url.replace("/en/", "/fr/")).content.decode()


def test_falc_badge_only_on_text_checked_by_a_panel(client, theme):
    section = make_section(theme=theme)
    url = f"/fr-falc/guide/{theme.slug}/{section.slug}/"
    assert "badge-falc" not in client.get(url).content.decode()
    section.checked_by_fr_falc = "Panel de l'atelier FALC"
    section.checked_on_fr_falc = timezone.localdate()
    section.save()
    html = client.get(url).content.decode()
    assert "Panel de l&#x27;atelier FALC" in html and "badge-falc" in html
    section.refresh_from_db()
    section.checked_on_fr_falc = timezone.localdate() - datetime.timedelta(days=3)
    section.body_fr_falc = "<p>Un texte changé après la relecture.</p>"
    section.save()
    html = client.get(url).content.decode()
    assert "badge-falc" not in html
    assert "pas encore relu" in html


def test_print_page_holds_every_published_section(client):
    sections = [
        make_section(body_fr="<h2>Étapes</h2><p>Texte.</p>", title_fr=f"Page {n}") for n in range(3)
    ]
    make_section(title_fr="Brouillon caché", published=False)
    html = client.get("/fr/guide/print/").content.decode()
    for section in sections:
        assert f"<h3>{section.title_fr}</h3>" in html
    assert "Brouillon caché" not in html
    # Body headings nest under the section title.
    assert "<h4>Étapes</h4>" in html and "<h2>Étapes</h2>" not in html


def test_print_stylesheet_hides_navigation_and_shows_link_addresses():
    with open(finders.find("common/site.css"), encoding="utf-8") as file:
        css = file.read()
    print_rules = css[css.index("@media print") :]
    assert ".site-nav" in print_rules and "display: none" in print_rules
    assert 'content: " (" attr(href) ")"' in print_rules


def test_sitemap_lists_published_sections_with_alternates(client, section):
    draft = make_section(theme=section.theme, published=False)
    xml = client.get("/sitemap.xml").content.decode()
    for code in ("fr", "en", "fr-falc"):
        url = f"http://testserver/{code}/guide/{section.theme.slug}/{section.slug}/"
        assert f"<loc>{url}</loc>" in xml
        assert f"http://testserver/{code}/guide/print/" in xml
    assert f"/{draft.slug}/" not in xml


def test_theme_slug_print_is_refused(admin_client):
    response = admin_client.post(
        "/admin/guide/theme/add/", {"title_fr": "Imprimer", "slug": "print", "order": 1}
    )
    assert response.status_code == 200
    assert "Cette adresse est déjà prise par une autre page." in response.content.decode()


def _content(themes=1, sections_per_theme=3, places_per_section=2):
    made = []
    for _ in range(themes):
        theme = make_theme()
        for _ in range(sections_per_theme):
            made.append(
                make_section(theme=theme, places=[make_place() for _ in range(places_per_section)])
            )
            make_term()  # the section page links the glossary's words: as many as pages
    return made


@pytest.mark.parametrize(
    ("page_type", "queries"),
    [
        ("home", 4),
        ("theme", 2),
        ("section", 5),  # + the glossary's terms, to link them; + the recording in its language
        ("print", 3),
    ],
)
def test_guide_pages_run_the_same_queries_with_ten_times_the_content(
    client, django_assert_num_queries, page_type, queries
):
    for scale in (1, 10):
        sections = _content(themes=scale, sections_per_theme=3)
        section = sections[len(sections) // 2]
        url = {
            "home": "/en/",
            "theme": section.theme.get_absolute_url(),
            "section": section.get_absolute_url(),
            "print": "/en/guide/print/",
        }[page_type]
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_section_page_with_its_css_and_js_weighs_under_30_kb_compressed(client, code):
    long_body = "".join(
        f"<h2>Étape {n}</h2><p>{'Un paragraphe de texte utile et concret. ' * 12}</p>"
        for n in range(8)
    )
    section = make_section(body_fr=long_body, places=[make_place() for _ in range(5)])
    with translation.override(code):
        html = client.get(section.get_absolute_url()).content
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    weight = len(gzip.compress(html))
    for asset in assets:
        with open(finders.find(asset.decode()), "rb") as file:
            weight += len(gzip.compress(file.read()))
    assert re.search(rb"common/site\.[0-9a-f]{12}\.css", b" ".join(assets))
    assert weight <= 30 * 1024, f"{weight} bytes"
