"""Hand-off lists: the list lives in its URL; nothing is stored."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_place, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def items():
    return {
        "cover": make_section(title_fr="La couverture santé", title_en="Health cover"),
        "doctor": make_section(title_fr="Voir un médecin", title_en="Seeing a doctor"),
        "cpam": make_place(slug="cpam", name_fr="CPAM", name_en="CPAM (health insurance)"),
        "pass": make_place(slug="pass", name_fr="PASS", latitude="45.76", longitude="3.10"),
        "draft": make_section(title_fr="Brouillon", published=False),
    }


def _titles(html):
    return re.findall(
        r'<li class="handoff-item"><div class="handoff-columns[^"]*">\s*<div>\s*'
        r'<a href="[^"]+">([^<]+)</a>',
        html,
    )


def test_the_list_shows_its_items_in_order_with_the_french_beside(client, items):
    url = f"/en/list/?s={items['doctor'].pk},{items['cover'].pk}&p=pass,cpam"
    html = client.get(url).content.decode()
    assert _titles(html) == ["Seeing a doctor", "Health cover", "PASS", "CPAM (health insurance)"]
    assert '<div lang="fr" dir="ltr"><strong>Voir un médecin</strong>' in html
    assert '<div lang="fr" dir="ltr"><strong>CPAM</strong>' in html
    assert (
        f'href="http://testserver/en/list/?s={items["doctor"].pk},{items["cover"].pk}&amp;p=pass,cpam"'
        in html
    )
    assert "<svg" in html and 'class="segno"' in html  # the QR code, printed with the page
    french = client.get(url.replace("/en/", "/fr/")).content.decode()
    assert 'lang="fr" dir="ltr"><strong>' not in french  # French readers need no second column


@pytest.mark.parametrize(
    "query",
    [
        "s=abc,99999&p=../etc",
        "s=" + ",".join(str(n) for n in range(10**6, 10**6 + 500)),
        "p=%00",
        "q=" + "x" * 5000,
    ],
)
def test_what_is_not_a_list_is_ignored(client, items, query):
    response = client.get(f"/fr/list/?{query}")
    assert response.status_code == 200
    assert _titles(response.content.decode()) == []


def test_drafts_and_unknown_items_are_left_out(client, items):
    html = client.get(
        f"/fr/list/?s={items['draft'].pk},{items['cover'].pk}&p=nope"
    ).content.decode()
    assert _titles(html) == ["La couverture santé"]
    assert f'href="http://testserver/fr/list/?s={items["cover"].pk}"' in html


def test_search_adds_and_links_remove(client, items):
    cover = items["cover"].pk
    html = client.get(f"/en/list/?s={cover}&q=doctor").content.decode()
    assert f'href="?s={cover},{items["doctor"].pk}">Add' in html
    html = client.get("/en/list/?q=couverture").content.decode()  # French titles too
    assert f'href="?s={cover}">Add' in html
    html = client.get(f"/en/list/?s={cover}&q=couverture").content.decode()  # listed already
    assert "Nothing found. Try another word." in html
    html = client.get(f"/en/list/?s={cover}&p=cpam").content.decode()
    assert 'href="?p=cpam">Remove' in html and f'href="?s={cover}">Remove' in html


def test_a_list_is_twelve_items_at_most(client):
    places = [make_place(slug=f"lieu-{n}") for n in range(14)]
    html = client.get(
        "/fr/list/?p=" + ",".join(p.slug for p in places) + "&q=Centre"
    ).content.decode()
    assert len(_titles(html)) == 12
    assert "La liste est pleine" in html


def test_nothing_is_written_and_the_queries_do_not_grow(
    client, items, django_assert_max_num_queries
):
    url = f"/en/list/?s={items['doctor'].pk}&p=pass,cpam&q=a"
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    writes = [
        q["sql"]
        for q in queries
        if not q["sql"].lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE"))
    ]
    assert writes == []
    for n in range(8):
        make_place(slug=f"more-{n}")
    with django_assert_max_num_queries(len(queries)):
        client.get(url + "," + ",".join(f"more-{n}" for n in range(8)))


def test_every_section_and_place_offers_to_add_it_to_a_list(client, items):
    section = items["cover"]
    html = client.get(f"/en/guide/{section.theme.slug}/{section.slug}/").content.decode()
    assert f'href="/en/list/?s={section.pk}">Add to a list for a newcomer</a>' in html
    assert (
        'href="/en/list/?p=cpam">Add to a list for a newcomer</a>'
        in client.get("/en/places/cpam/").content.decode()
    )
