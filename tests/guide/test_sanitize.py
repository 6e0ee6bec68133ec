"""Staff HTML is cleaned on every write path, and again at render: attacks never reach readers."""

import json

import pytest
from django.core.management import call_command

from guide.models import Section
from guide.sanitize import sanitized_html
from tests.factories import make_section

pytestmark = pytest.mark.django_db

ATTACK = (
    '<p>Bonjour<script>alert("x")</script></p>'
    '<img src="x" onerror="alert(1)">'
    '<p><a href="javascript:alert(2)">lien</a> '
    '<a href="https://example.org" onclick="x()">ok</a></p>'
    '<h2 style="color:red">Titre</h2><iframe src="https://evil.example"></iframe>'
)
DANGERS = ("<script", "onerror", "javascript:", "onclick", "<iframe", "<img", "style=")


def _reader_html(client, section):
    html = client.get(section.get_absolute_url()).content.decode()
    return html.split('<div class="prose"', 1)[1].split("</div>", 1)[0]


def _assert_safe(html):
    found = [danger for danger in DANGERS if danger in html]
    assert found == [], html


def test_admin_form_cleans_the_html(admin_client, theme):
    response = admin_client.post(
        "/admin/guide/section/add/",
        {
            "theme": theme.pk,
            "title_fr": "Titre",
            "slug": "titre",
            "summary_fr": "Résumé.",
            "body_fr": ATTACK,
            "body_en": ATTACK,
            "order": 1,
            "published": "on",
            "last_reviewed": "2026-11-01",
            # The recordings' inline, left empty.
            "recordings-TOTAL_FORMS": "0",
            "recordings-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    section = Section.objects.get(slug="titre")
    _assert_safe(section.body_fr + section.body_en)
    assert '<a href="https://example.org">ok</a>' in section.body_fr
    assert "<h2>Titre</h2>" in section.body_fr


def test_orm_create_and_save_clean_the_html(client):
    section = make_section(body_fr=ATTACK, body_fr_falc=ATTACK)
    section.refresh_from_db()
    _assert_safe(section.body_fr + section.body_fr_falc)
    _assert_safe(_reader_html(client, section))


def test_queryset_update_is_cleaned_at_render(client):
    section = make_section()
    Section.objects.filter(pk=section.pk).update(body_fr=ATTACK)
    _assert_safe(_reader_html(client, section))
    assert "Bonjour" in _reader_html(client, section)


def test_bulk_create_is_cleaned_at_render(client, theme):
    (section,) = Section.objects.bulk_create(
        [
            Section(
                theme=theme,
                slug="bulk",
                title_fr="En masse",
                summary_fr="Résumé.",
                body_fr=ATTACK,
                published=True,
            )
        ]
    )
    _assert_safe(_reader_html(client, section))


def test_loaddata_fixture_is_cleaned_at_render(client, theme, tmp_path):
    fixture = tmp_path / "sections.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "guide.section",
                    "pk": 999,
                    "fields": {
                        "theme": theme.pk,
                        "slug": "fixture",
                        "title_fr": "Depuis un fichier",
                        "summary_fr": "Résumé.",
                        "body_fr": ATTACK,
                        "published": True,
                        "last_reviewed": "2026-11-01",
                    },
                }
            ]
        )
    )
    call_command("loaddata", str(fixture), verbosity=0)
    section = Section.objects.get(pk=999)
    assert "<script" in section.body_fr  # loaddata writes raw rows...
    _assert_safe(_reader_html(client, section))  # ...which never reach readers as they are


def test_print_page_is_cleaned_too(client):
    section = make_section()
    Section.objects.filter(pk=section.pk).update(body_fr=ATTACK)
    html = client.get("/fr/guide/print/").content.decode()
    _assert_safe(html.split("<main", 1)[1].split("</main>", 1)[0])


def test_demo_import_cleans_the_html():
    call_command("load_demo", verbosity=0)
    for section in Section.objects.all():
        for value in (section.body_fr, section.body_en, section.body_fr_falc):
            _assert_safe(value or "")


@pytest.mark.parametrize("empty", [None, ""])
def test_an_empty_text_renders_as_nothing(empty):
    assert sanitized_html(empty) == ""


def test_right_to_left_pages_keep_numbers_and_addresses_in_order(client):
    """Staff HTML cannot hold <bdi> (the editor has none): it is added when an Arabic, Persian
    or Pashto page is rendered, around text only, never inside a tag or a link's address."""
    body = (
        '<p>اتصل بالرقم 04 73 42 27 40 أو زر <a href="https://allo119.gouv.fr/aide">'
        "https://allo119.gouv.fr/aide</a>، العنوان 12 rue Émilienne-Goumy.</p>"
    )
    section = make_section(body_ar=body, body_fr="<p>Appelez le 04 73 42 27 40.</p>")
    path = section.get_absolute_url()[3:]  # after /fr
    arabic = client.get(f"/ar{path}").content.decode()
    assert (
        '<p>اتصل بالرقم <bdi dir="ltr">04 73 42 27 40</bdi> أو زر '
        '<a href="https://allo119.gouv.fr/aide"><bdi dir="ltr">https://allo119.gouv.fr/aide</bdi>'
        '</a>، العنوان <bdi dir="ltr">12 rue Émilienne-Goumy</bdi>.</p>'
    ) in arabic
    french = client.get(f"/fr{path}").content.decode()
    assert "<p>Appelez le 04 73 42 27 40.</p>" in french
