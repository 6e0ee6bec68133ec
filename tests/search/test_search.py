"""Searching the guide in the reader's language."""

import pytest
from django.db import connection

from tests.factories import make_place, make_section

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
            title_fr="Inscrire son enfant à l'école",
            title_en="Enrolling your child at school",
            title_fr_falc="Inscrire votre enfant à l'école",
        ),
    ]


def _titles(client, url):
    html = client.get(url).content.decode()
    return html


def test_english_reader_finds_a_section_by_its_english_title(client, sections):
    html = client.get("/en/search/?q=bank").content.decode()
    assert "Opening a bank account" in html
    assert "Enrolling your child" not in html
    assert "1 page found for « bank »." in html


def test_french_reader_finds_words_of_the_body(client, sections):
    html = client.get("/fr/search/?q=justificatif+domicile").content.decode()
    assert "Ouvrir un compte bancaire" in html


def test_falc_reader_finds_falc_words(client, sections):
    html = client.get("/fr-falc/search/?q=photo").content.decode()
    assert "Avoir un compte à la banque" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's")
def test_postgresql_search_understands_french_and_english_word_forms(client, sections):
    assert "Ouvrir un compte bancaire" in client.get("/fr/search/?q=comptes").content.decode()
    assert "Enrolling your child" in client.get("/en/search/?q=enrolled+schools").content.decode()


def test_drafts_are_not_found(client):
    make_section(title_en="Hidden draft about banks", published=False)
    assert "Hidden draft" not in client.get("/en/search/?q=banks").content.decode()


def test_places_are_found_too(client):
    make_place(name_fr="Médiathèque de Jaude")
    html = client.get("/fr/search/?q=Jaude").content.decode()
    assert "Médiathèque de Jaude" in html


def test_no_result_page_says_so_and_points_to_the_themes(client, sections):
    html = client.get("/en/search/?q=submarine").content.decode()
    assert "No result for « submarine ». Try other words, or choose a theme below." in html
    assert f'href="/en/guide/{sections[0].theme.slug}/"' in html


@pytest.mark.parametrize(
    "query", ["\x00bank", "a" * 5000, "'; DROP TABLE guide_section; --", "<script>", "&&|!():*"]
)
def test_odd_queries_get_an_answer_not_an_error(client, sections, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_empty_search_shows_the_form(client):
    response = client.get("/fr/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
