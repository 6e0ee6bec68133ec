"""The search index follows what staff publish, edit and delete, in every language."""

import pytest
from django.core.management import call_command
from django.db import connection

from guide.models import Section
from routes.models import Route, RouteStop
from search.models import Entry, Word
from search.queries import search
from tests.factories import make_category, make_place, make_section, make_theme
from tests.helpers import LANGUAGE_CODES

pytestmark = pytest.mark.django_db


def _titles(query, language="fr"):
    return [hit.title for hit in search(query, language).hits]


def test_each_published_object_has_an_entry_per_language():
    section = make_section(title_fr="Trouver un logement", title_en="Finding a home")
    entries = Entry.objects.filter(kind=Entry.Kind.SECTION, object_id=section.pk)
    assert sorted(entries.values_list("language", flat=True)) == sorted(LANGUAGE_CODES)
    english = entries.get(language="en")
    assert (english.title, english.url) == (
        "Finding a home",
        f"/en/guide/{section.theme.slug}/{section.slug}/",
    )
    assert "Trouver un logement" in english.also  # the French words, for English readers


def test_an_untranslated_field_is_found_in_french_as_readers_see_it():
    make_section(title_fr="Le droit au compte", title_en="", summary_en="", body_en="")
    assert _titles("droit compte", "en") == ["Le droit au compte"]


def test_editing_unpublishing_and_deleting_are_followed():
    section = make_section(title_fr="Inscrire son enfant à l'école")
    assert _titles("ecole") == ["Inscrire son enfant à l'école"]
    section.title_fr = "Inscrire son enfant au collège"
    section.save()
    assert _titles("ecole") == [] and _titles("college") == ["Inscrire son enfant au collège"]
    section.published = False
    section.save()
    assert _titles("college") == []
    section.published = True
    section.save()
    section.delete()
    assert _titles("college") == []
    assert not Entry.objects.filter(kind=Entry.Kind.SECTION, object_id=section.pk).exists()


def test_renaming_a_theme_or_a_category_updates_what_results_show():
    theme = make_theme(title_fr="Santé")
    make_section(theme=theme, title_fr="Consulter un médecin")
    category = make_category(name_fr="Santé")
    make_place(name_fr="Centre médical Montlosier", category=category)
    theme.title_fr = "Se soigner"
    theme.save()
    category.name_fr = "Soins"
    category.save()
    contexts = {hit.title: hit.context for hit in search("medecin", "fr").hits}
    contexts.update({hit.title: hit.context for hit in search("montlosier", "fr").hits})
    assert contexts["Consulter un médecin"] == "Se soigner"
    assert contexts["Centre médical Montlosier"] == "Soins"


def test_routes_are_found_by_their_stops():
    place = make_place(name_fr="Médiathèque de Jaude")
    route = Route.objects.create(slug="rallye", title_fr="Le rallye", published=True)
    assert _titles("jaude") == ["Médiathèque de Jaude"]
    RouteStop.objects.create(route=route, place=place, order=1, text_fr="Empruntez un livre.")
    assert _titles("jaude") == ["Médiathèque de Jaude", "Le rallye"]
    place.name_fr = "Médiathèque Jack-Ralite"
    place.save()
    assert _titles("ralite") == ["Médiathèque Jack-Ralite", "Le rallye"]


def test_rebuilding_writes_the_same_index_and_forgets_unused_words():
    make_section(title_fr="Consulter un médecin")
    hidden = make_section(title_fr="Ouvrir un compte bancaire")
    before = set(Entry.objects.values_list("kind", "object_id", "language", "title", "text"))
    Section.objects.filter(pk=hidden.pk).update(published=False)
    call_command("rebuild_search_index", verbosity=0)
    after = set(Entry.objects.values_list("kind", "object_id", "language", "title", "text"))
    assert after == {entry for entry in before if entry[1] != hidden.pk}
    assert not Word.objects.filter(folded="bancaire").exists()
    assert _titles("medecin") == ["Consulter un médecin"] and _titles("compte") == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 tables")
def test_sqlite_index_tables_are_kept_in_step_by_their_triggers():
    """Django rebuilds a SQLite table to alter it, and drops its triggers: a later migration
    of search_entry or search_word must create them again."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {row[0] for row in cursor.fetchall()}
    assert {"search_entry_deleted", "search_word_added", "search_word_deleted"} <= triggers
    make_section(title_fr="Consulter un médecin")
    Entry.objects.all().delete()
    Word.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_fts")
        assert cursor.fetchone() == (0,)
        cursor.execute("SELECT count(*) FROM search_word_trigrams WHERE folded MATCH 'medecin'")
        assert cursor.fetchone() == (0,)


def test_the_blocks_of_staff_html_stay_apart_and_inline_text_together():
    make_section(body_fr="<p>Appelez le <strong>15</strong>.</p><p>Pour un rendez-vous</p>")
    entry = Entry.objects.get(language="fr", kind=Entry.Kind.SECTION)
    assert entry.text.endswith("Appelez le 15. Pour un rendez-vous")
