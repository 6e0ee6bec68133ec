"""What readers looked for and did not find: counted without knowing who, ranked for staff,
deleted with old feedback."""

import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone

from search.models import MissedSearch
from tests.factories import make_section
from tests.helpers import log_in_staff, search_results

pytestmark = pytest.mark.django_db


def test_a_search_without_result_is_counted_with_its_words_language_and_day(client):
    make_section(title_fr="Consulter un médecin")
    for _n in range(2):
        response = client.get("/fr/search/", {"q": "  Carte   VITALE "})
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]  # the second one is counted too
        assert response.cookies == {}
    client.get("/en/search/", {"q": "carte vitale"})
    client.head("/en/search/", {"q": "carte vitale"})  # robots checking links: not counted
    client.get("/fr/search/", {"q": "médecin"})  # found: not counted
    client.get("/fr/search/", {"q": "?!"})  # no word: not counted
    missed = MissedSearch.objects.order_by("language")
    assert [(m.query, m.language, m.day, m.count) for m in missed] == [
        ("carte vitale", "en", timezone.localdate(), 1),
        ("carte vitale", "fr", timezone.localdate(), 2),
    ]
    field_names = {field.name for field in MissedSearch._meta.get_fields()}
    assert field_names == {"id", "query", "language", "day", "count"}  # nothing on the reader


def test_a_long_query_is_kept_short(client):
    client.get("/fr/search/", {"q": "zut " * 2000})
    assert len(MissedSearch.objects.get().query) == 100


@pytest.fixture
def editor(client, staff_groups):
    user = User.objects.create_user("editrice", password="motdepasse-long-42", is_staff=True)
    user.groups.add(Group.objects.get(name="Éditeurs"))
    log_in_staff(client, user)
    return user


def _ranking(client, query):
    html = client.get(f"/admin/search/missedsearch/{query}").content.decode()
    main = html.split('id="content-main"')[1]
    rows = re.findall(r"<tr>(.*?)</tr>", main, re.S)[1:]
    return [re.findall(r"<td>(.*?)</td>", row)[:4] for row in rows]


def test_editors_see_the_missed_searches_ranked(client, editor):
    today = timezone.localdate()
    rows = [
        ("carte vitale", "fr", today, 3),
        ("carte vitale", "fr", today - datetime.timedelta(days=3), 4),
        ("dentiste", "fr", today, 5),
        ("dentist", "en", today, 1),
        ("vieux", "fr", today - datetime.timedelta(days=60), 50),
    ]
    for query, language, day, count in rows:
        MissedSearch.objects.create(query=query, language=language, day=day, count=count)
    assert _ranking(client, "") == [
        ["carte vitale", "Français", "7", "2"],  # 3 + 4 times, on 2 days
        ["dentiste", "Français", "5", "1"],
        ["dentist", "Anglais", "1", "1"],
    ]
    assert [row[0] for row in _ranking(client, "?days=90&language=fr")] == [
        "vieux",
        "carte vitale",
        "dentiste",
    ]
    odd = client.get("/admin/search/missedsearch/?days=abc&language=xx")
    assert odd.status_code == 200


def test_readers_and_translators_cannot_see_them(client, staff_groups):
    MissedSearch.objects.create(query="dentiste", language="fr", day=timezone.localdate())
    assert client.get("/admin/search/missedsearch/").status_code == 302  # to the login page
    user = User.objects.create_user("traducteur", password="motdepasse-long-42", is_staff=True)
    user.groups.add(Group.objects.get(name="Traducteurs — arabe"))
    log_in_staff(client, user)
    assert client.get("/admin/search/missedsearch/").status_code == 403


def test_editors_add_a_synonym_in_the_admin_and_readers_find_with_it(client, editor):
    make_section(title_fr="L'Assurance maladie", body_fr="<p>La carte Vitale.</p>")
    assert "L'Assurance maladie" not in client.get("/fr/search/?q=secu").content.decode()
    response = client.post(
        "/admin/search/synonym/add/",
        {"language": "fr", "term": "Sécu", "means": "assurance maladie"},
    )
    assert response.status_code == 302
    client.logout()
    assert search_results(client, "/fr/search/?q=secu") == ["L'Assurance maladie"]


def test_old_missed_searches_go_with_old_feedback(settings):
    settings.FEEDBACK_RETENTION_MONTHS = 24
    today = timezone.localdate()
    MissedSearch.objects.create(query="récent", language="fr", day=today)
    MissedSearch.objects.create(
        query="ancien", language="fr", day=today.replace(year=today.year - 3)
    )
    out = StringIO()
    call_command("delete_old_feedback", stdout=out)
    assert "1 searches without result" in out.getvalue()
    assert list(MissedSearch.objects.values_list("query", flat=True)) == ["récent"]
