"""The glossary: the words of the counter, their pages, and their first use in the guide."""

import re

import pytest

from guide.glossary import link_terms
from guide.models import Term
from search.index import rebuild
from tests.factories import make_place, make_section, make_term

pytestmark = pytest.mark.django_db


def _links(html):
    return re.findall(r'<a class="term" href="([^"]+)">([^<]+)</a>', str(html))


def test_the_first_use_of_each_term_links_to_it():
    caf = Term(pk=1, slug="caf", term="CAF")
    sejour = Term(pk=2, slug="titre-de-sejour", term="titre de séjour", variants="titres de séjour")
    html = (
        "<h2>La CAF et le titre de séjour</h2>"
        "<p>Demandez à la CAF. Avec vos titres de séjour, retournez à la CAF.</p>"
        '<p><a href="https://caf.fr">CAF</a> et le Titre de séjour.</p>'
    )
    linked = link_terms(html, [caf, sejour])
    assert _links(linked) == [
        ("/fr/glossary/caf/", "CAF"),
        ("/fr/glossary/titre-de-sejour/", "titres de séjour"),
    ]
    assert "<h2>La CAF et le titre de séjour</h2>" in linked  # never in a heading
    assert '<a href="https://caf.fr">CAF</a>' in linked  # never in a link


def test_acronyms_keep_their_case_and_words_their_edges():
    ame = Term(pk=1, slug="ame", term="AME")
    cada = Term(pk=2, slug="cada", term="CADA")
    linked = link_terms("<p>Une âme, une ame, des CADAs ; puis l'AME.</p>", [ame, cada])
    assert _links(linked) == [("/fr/glossary/ame/", "AME")]


def test_words_with_an_apostrophe_are_found_as_the_page_writes_them():
    asile = Term(pk=1, slug="demande-d-asile", term="demande d'asile")
    for text in ("demande d'asile", "demande d’asile", "demande d&#x27;asile"):
        assert _links(link_terms(f"<p>Votre {text}.</p>", [asile])) == [
            ("/fr/glossary/demande-d-asile/", text)
        ]


def test_a_section_links_terms_in_the_readers_language(client):
    make_term(slug="recepisse", term="récépissé", meaning_en="receipt")
    section = make_section(
        body_fr="<p>Gardez le récépissé.</p>", body_en="<p>Keep the receipt (récépissé).</p>"
    )
    path = f"guide/{section.theme.slug}/{section.slug}/"
    french = client.get(f"/fr/{path}").content.decode()
    assert '<a class="term" href="/fr/glossary/recepisse/">récépissé</a>' in french
    english = client.get(f"/en/{path}").content.decode()
    assert '<a class="term" href="/en/glossary/recepisse/">receipt</a>' in english
    assert english.count('class="term"') == 1  # the first use only


def test_the_glossary_lists_every_published_term(client):
    make_term(slug="caf", term="CAF", meaning_en="family benefits office")
    make_term(slug="brouillon", term="brouillon", published=False)
    html = client.get("/en/glossary/").content.decode()
    assert '<a href="/en/glossary/caf/" lang="fr">CAF</a>' in html
    assert "(family benefits office)" in html
    assert "brouillon" not in html
    assert client.get("/en/glossary/brouillon/").status_code == 404


def test_a_term_page_says_where_to_go_and_which_pages_use_it(client):
    caf = make_place(slug="caf", name_fr="CAF du Puy-de-Dôme")
    make_term(slug="caf", term="CAF", places=[caf], definition_en="Family benefits.")
    make_section(title_fr="Les aides", body_fr="<p>La CAF verse les aides.</p>", slug="aides")
    make_section(title_fr="Le bus", body_fr="<p>Rien à voir.</p>", slug="bus")
    html = client.get("/fr/glossary/caf/").content.decode()
    assert '<h1 lang="fr">CAF</h1>' in html
    assert "CAF du Puy-de-Dôme" in html
    assert "Les aides" in html and "Le bus" not in html


def test_glossary_pages_cost_the_same_queries_with_ten_times_the_terms(
    client, django_assert_max_num_queries
):
    for _n in range(5):
        make_term(places=[make_place()])
    with django_assert_max_num_queries(6) as few:
        assert client.get("/fr/glossary/").status_code == 200
    for _n in range(45):
        make_term()
    assert Term.objects.count() == 50
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/fr/glossary/").status_code == 200


def test_search_finds_a_term_in_french_and_in_the_readers_language(client):
    make_term(slug="domiciliation", term="domiciliation", meaning_en="postal address service")
    rebuild()
    french = client.get("/fr/search/", {"q": "domiciliation"}).content.decode()
    assert "/fr/glossary/domiciliation/" in french
    english = client.get("/en/search/", {"q": "postal address"}).content.decode()
    assert "/en/glossary/domiciliation/" in english
