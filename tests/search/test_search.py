"""Searching the guide as newcomers type: without accents, in the plural, with mistakes, in their
own words; one list where the place or page named by the query comes first."""

import re
from html import unescape

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.models import Synonym
from search.queries import search
from tests.factories import make_category, make_place, make_section, make_theme
from tests.helpers import search_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections():
    return [
        make_section(
            title_fr="Ouvrir un compte bancaire",
            title_en="Opening a bank account",
            title_fr_falc="Avoir un compte à la banque",
            summary_fr="Le droit au compte.",
            summary_en="The right to an account.",
            summary_fr_falc="C'est un droit.",
            body_fr="<p>Apportez une pièce d'identité et un justificatif de domicile.</p>",
            body_en="<p>Bring an identity document and proof of address.</p>",
            body_fr_falc="<p>Apportez un papier avec votre photo.</p>",
        ),
        make_section(
            title_fr="Consulter un médecin",
            title_en="Seeing a doctor",
            title_fr_falc="Aller chez le médecin",
            summary_fr="Choisir un médecin traitant et se faire rembourser.",
            summary_en="Choosing a family doctor and being paid back.",
            summary_fr_falc="Vous êtes malade ? Allez voir un médecin.",
            body_fr="<p>La santé est un droit. L'Assurance maladie rembourse les soins.</p>",
            body_en="<p>Health care is a right. Health insurance pays for care.</p>",
            body_fr_falc="<p>La santé est un droit.</p>",
        ),
    ]


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/fr/search/?q=sante", "Consulter un médecin"),  # no accent typed
        ("/fr/search/?q=SANTÉ", "Consulter un médecin"),  # capitals
        ("/fr/search/?q=medecin", "Consulter un médecin"),
        ("/fr/search/?q=médecins", "Consulter un médecin"),  # a plural
        ("/fr/search/?q=comptes+bancaires", "Ouvrir un compte bancaire"),
        ("/en/search/?q=doctors", "Seeing a doctor"),
        ("/en/search/?q=accounts", "Opening a bank account"),
        ("/fr-falc/search/?q=medecins", "Aller chez le médecin"),
        ("/fr-falc/search/?q=photos", "Avoir un compte à la banque"),
    ],
)
def test_accents_case_and_word_forms_do_not_matter(client, sections, url, title):
    assert search_results(client, url)[:1] == [title]


def test_french_words_find_pages_in_the_other_languages(client, sections):
    """Readers know the French words of their procedures; English pages answer them."""
    assert search_results(client, "/en/search/?q=médecin") == ["Seeing a doctor"]


@pytest.mark.parametrize(
    ("url", "typed", "corrected", "title"),
    [
        ("/fr/search/?q=medcin", "medcin", "médecin", "Consulter un médecin"),
        (
            "/fr/search/?q=justificatf+domicile",
            "justificatf domicile",
            "justificatif domicile",
            "Ouvrir un compte bancaire",
        ),
        ("/en/search/?q=doctr", "doctr", "doctor", "Seeing a doctor"),
    ],
)
def test_a_typing_mistake_is_corrected_and_said(client, sections, url, typed, corrected, title):
    html = unescape(client.get(url).content.decode())
    said = {
        "fr": f"Aucun résultat pour « {typed} ». Résultats pour « {corrected} » :",
        "en": f"No result for « {typed} ». Results for « {corrected} »:",
    }
    assert said[url[1:3]] in " ".join(html.split())
    assert search_results(client, url)[:1] == [title]


def test_a_word_too_far_from_any_is_not_corrected(client, sections):
    assert search_results(client, "/fr/search/?q=xylophone") == []
    assert "Résultats pour" not in client.get("/fr/search/?q=xylophone").content.decode()


def test_synonyms_staff_keep_find_the_guide_words(client, sections):
    assert search_results(client, "/fr/search/?q=toubib") == []
    Synonym.objects.create(language="fr", term="Toubib", means="médecin, docteur")
    Synonym.objects.create(language="fr", term="la sécu", means="assurance maladie")
    assert search_results(client, "/fr/search/?q=toubib") == ["Consulter un médecin"]
    assert search_results(client, "/fr/search/?q=la+secu") == ["Consulter un médecin"]
    # French synonyms serve every reader (FALC, and French words typed in English)...
    assert search_results(client, "/fr-falc/search/?q=toubib") == ["Aller chez le médecin"]
    # ...an English one only English readers.
    Synonym.objects.create(language="en", term="GP", means="doctor")
    assert search_results(client, "/en/search/?q=GP") == ["Seeing a doctor"]
    assert search_results(client, "/fr/search/?q=GP") == []


def test_a_synonym_for_a_phrase_replaces_the_phrase(client, sections):
    Synonym.objects.create(language="fr", term="carte vitale", means="assurance maladie")
    assert search_results(client, "/fr/search/?q=carte+vitale") == ["Consulter un médecin"]
    # « ma » is a stop word, left out; « xylophone » is in no page: every other word must match.
    assert search_results(client, "/fr/search/?q=ma+carte+vitale") == ["Consulter un médecin"]
    assert search_results(client, "/fr/search/?q=carte+vitale+xylophone") == []


def test_a_place_named_by_the_query_comes_first_then_titles_then_mentions(client):
    health = make_theme(title_fr="Santé")
    make_section(
        theme=health,
        title_fr="Les aides de la CAF pour votre loyer",
        summary_fr="Le logement.",
        body_fr="<p>Une aide chaque mois.</p>",
    )
    for n in range(3):
        make_section(
            theme=health,
            title_fr=f"Autre démarche {n}",
            summary_fr="Voir plus bas.",
            body_fr="<p>Demandez à la CAF, à la CAF ou à la CAF, la CAF sait.</p>",
        )
    make_place(name_fr="CAF du Puy-de-Dôme", category=make_category(name_fr="Services publics"))
    titles = search_results(client, "/fr/search/?q=caf")
    assert titles[:2] == ["CAF du Puy-de-Dôme", "Les aides de la CAF pour votre loyer"]
    assert len(titles) == 5


def test_the_title_that_is_the_query_comes_before_longer_ones(client):
    make_section(
        title_fr="Sans titre de séjour : l'aide médicale", body_fr="<p>Titre de séjour.</p>"
    )
    make_section(title_fr="Titre de séjour", body_fr="<p>Demander un titre de séjour.</p>")
    assert search_results(client, "/fr/search/?q=titre+de+sejour")[:2] == [
        "Titre de séjour",
        "Sans titre de séjour : l'aide médicale",
    ]


def test_matched_words_are_highlighted_safely(client):
    make_section(
        title_fr="Le <b>médecin</b> & vous",
        summary_fr="Résumé.",
        body_fr="<p>" + "Un long texte. " * 30 + "Les médecins <script>x</script> reçoivent.</p>",
    )
    html = client.get("/fr/search/?q=medecin").content.decode()
    main = html.split('class="search-results"')[1]
    assert "Le &lt;b&gt;<mark>médecin</mark>&lt;/b&gt; &amp; vous" in main
    snippet = re.search(r"<p>(.*?)</p>", main)[1]
    assert snippet.startswith("… ") and "<mark>médecins</mark>" in snippet  # a window on it
    assert "<script>" not in main and "<b>" not in main


@pytest.mark.parametrize(
    "query",
    [
        "\x00bank",
        "a" * 5000,
        "'; DROP TABLE guide_section; --",
        "<script>",
        "&&|!():*\"'",
        "NEAR(a b)",
        '"unclosed',
        "title:bank",
        "*",
        "é" * 300,
        "١٢٣ банк",
    ],
)
def test_odd_queries_get_a_useful_page_never_an_error(client, sections, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    main = response.content.decode().split("<main", 1)[1]
    assert "<script>" not in main
    assert "The themes of the guide" in main or 'class="search-results"' in main


def test_empty_search_shows_the_form_and_the_themes(client, sections):
    html = client.get("/fr/search/").content.decode()
    assert 'name="q"' in html and "Les thèmes du guide" in html


def test_drafts_are_not_found(client):
    make_section(title_en="Hidden draft about banks", published=False)
    assert search_results(client, "/en/search/?q=banks") == []


@pytest.mark.parametrize("size", [1, 10])
def test_a_search_costs_the_same_queries_whatever_the_content(client, size):
    """Found at once: 2 queries (synonyms, matches). Corrected: 6 (+ known words, close words,
    synonyms and matches again). Nothing: 4 to search (synonyms, matches, known words, close
    words), the themes to offer, and the count of the missed search (a new row: an update that
    finds none, then a savepoint, an insert and its release)."""
    for n in range(size):
        make_section(title_fr=f"Consulter un médecin {n}", body_fr="<p>Le médecin.</p>")
        make_place(name_fr=f"Centre médical {n}")
    for query, expected in (("médecins", 2), ("medcin", 6), ("zzzz", 9)):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/fr/search/", {"q": query})
        assert response.status_code == 200
        searching = [q["sql"] for q in queries]
        assert len(searching) == expected, (query, searching)


def test_the_demo_content_answers_what_newcomers_type():
    """The queries of issue 13, on the demo content, on this test run's database."""
    call_command("load_demo", verbosity=0)
    expected = {
        ("fr", "sante"): "Centre de santé Paul-Suss (Solidarité Santé 63)",
        ("fr", "medecin"): "Consulter un médecin",
        ("fr", "médecins"): "Consulter un médecin",
        ("fr", "prefecture"): "Préfecture du Puy-de-Dôme",
        ("fr", "prefectur"): "Préfecture du Puy-de-Dôme",
        ("fr", "medcin"): "Consulter un médecin",
        ("en", "doctors"): "Seeing a doctor",
        ("fr", "CAF"): "CAF du Puy-de-Dôme (Caisse d'allocations familiales)",
        ("fr", "titre de séjour"): "Titre de séjour et préfecture",
        ("fr", "sécu"): "CPAM du Puy-de-Dôme - bâtiment Solaris (assurance maladie)",
        ("fr", "papiers"): "Titre de séjour et préfecture",
        ("fr", "hôpital"): "CHU Estaing (hôpital d'Estaing, maternité)",
        ("fr", "docteur"): "Consulter un médecin",
        ("en", "hospital"): "CHU Estaing (university hospital with the maternity unit)",
        ("fr-falc", "médecin"): "Aller chez le médecin",
        ("ru", "врачи"): "Приём у врача",  # Russian is stemmed
        ("ar", "طبيب"): "زيارة الطبيب",  # Arabic too
        ("fa", "داکتر"): "رفتن نزد داکتر",
        ("ti", "ሓኪም"): "ሓኪም ምርኣይ",
        ("uk", "CAF"): "CAF du Puy-de-Dôme (каса сімейних допомог)",
    }
    found = {key: [hit.title for hit in search(key[1], key[0]).hits][:1] for key in expected}
    assert found == {key: [title] for key, title in expected.items()}
