"""The demo content: real, complete in three languages, easy to read in FALC, loaded once."""

import re
from io import StringIO

import pytest
from django.core import serializers
from django.core.management import call_command
from django.utils.html import strip_tags

from guide.models import Section, Theme
from places.models import Place

pytestmark = pytest.mark.django_db

SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n")


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


def _sentences(html):
    text = strip_tags(re.sub(r"</(p|li|h2|h3)>|<br>", "\n", html))
    return [s for s in (part.strip() for part in SENTENCE_END.split(text)) if re.search(r"\w", s)]


def _words(sentence):
    return [word for word in sentence.split() if re.search(r"\w", word)]


def test_demo_covers_what_a_newcomer_needs_first(demo):
    assert Theme.objects.count() >= 8
    assert Section.objects.published().count() >= 30
    slugs = set(Theme.objects.values_list("slug", flat=True))
    assert {
        "urgences",
        "sante",
        "logement",
        "apprendre-le-francais",
        "papiers",
        "travail-et-formation",
        "banque",
        "enfants-et-ecole",
        "se-deplacer",
        "culture-et-loisirs",
    } <= slugs
    assert Section.objects.filter(slug="contrat-integration").exists()
    assert Place.objects.count() == 30


def test_every_demo_section_is_written_in_three_languages(demo):
    for section in Section.objects.all():
        for code in ("fr", "en", "fr-falc"):
            assert section.is_translated(code), (section.slug, code)


def test_demo_sections_cite_places(demo):
    cited = Section.objects.filter(places__isnull=False).distinct().count()
    assert cited >= 25


def test_falc_demo_text_has_short_sentences_and_no_italics(demo):
    all_lengths = []
    for section in Section.objects.all():
        lengths = [
            len(_words(sentence))
            for sentence in _sentences(section.summary_fr_falc + "\n" + section.body_fr_falc)
        ]
        assert sum(lengths) / len(lengths) <= 12, section.slug
        assert max(lengths) <= 20, section.slug
        assert "<em>" not in section.body_fr_falc, section.slug
        all_lengths += lengths
    assert sum(all_lengths) / len(all_lengths) <= 12


def test_loading_the_demo_twice_changes_nothing(demo):
    def snapshot():
        return serializers.serialize(
            "json",
            [*Theme.objects.order_by("pk"), *Section.objects.order_by("pk"), *Place.objects.all()],
        )

    before = snapshot()
    call_command("load_demo", stdout=StringIO())
    assert snapshot() == before


def test_demo_bodies_keep_a_sound_heading_outline(demo):
    """Bodies sit under the page's <h1>: headings start at <h2> and never skip a level."""
    for section in Section.objects.all():
        for code in ("fr", "en", "fr_falc"):
            levels = [int(n) for n in re.findall(r"<h([1-6])>", getattr(section, f"body_{code}"))]
            previous = 1
            for level in levels:
                assert 2 <= level <= previous + 1, (section.slug, code, levels)
                previous = level


def test_demo_is_translated_for_the_readers_who_arrive_and_marked_draft(demo):
    essentials = {"urgences", "sante", "logement", "papiers"}
    for section in Section.objects.select_related("theme"):
        codes = ["ar", "fa", "uk", "ru"]
        if section.theme.slug in essentials:
            codes += ["ps", "ti"]
        for code in codes:
            assert section.is_translated(code), (section.slug, code)
            assert section.is_draft(code), (section.slug, code)  # no speaker has read it yet
    for theme in Theme.objects.all():
        assert all(theme.is_translated(code) for code in ("ar", "fa", "uk", "ru")), theme.slug
