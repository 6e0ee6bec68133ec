"""When PostgreSQL stops, and when it must be restored from a backup (PostgreSQL runs only)."""

import http.client
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.management import call_command
from django.db import connection

from feedback import demo
from feedback.models import Question, Response
from guide.models import Section
from tests import pg_cluster
from tests.factories import make_section

pytestmark = [pg_cluster.needs_cluster, pytest.mark.django_db(transaction=True)]


def _request(live_server, method, path, body=None):
    address = urlsplit(live_server.url)
    conn = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    result = (response.status, dict(response.getheaders()), response.read().decode())
    conn.close()
    return result


def _answers(questionnaire):
    data = {}
    for question in questionnaire.questions.filter(required=True):
        data[f"q{question.pk}"] = 4 if question.kind == Question.Kind.SCALE else "yes"
    return urlencode(data).encode()


@pytest.mark.exclusive  # every other test's database is down meanwhile
def test_pages_answer_503_while_the_database_is_down_and_recover(live_server):
    section = make_section()
    questionnaire = demo.load()
    page = f"/guide/{section.theme.slug}/{section.slug}/"
    answers = _answers(questionnaire)
    pg_cluster.stop()
    try:
        status, headers, body = _request(live_server, "GET", "/en" + page)
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert "<h1>Service unavailable</h1>" in body
        status, _headers, body = _request(live_server, "GET", "/fr-falc" + page)
        assert (status, "<h1>Le site ne marche pas</h1>" in body) == (503, True)
        assert _request(live_server, "GET", "/healthz")[0] == 503
        status, _headers, body = _request(live_server, "POST", "/fr/feedback/", answers)
        assert status == 503
        assert "Votre réponse n&#x27;a pas été enregistrée" in body or (
            "Votre réponse n'a pas été enregistrée" in body
        )
    finally:
        pg_cluster.start()
    # No restart of the site: the next requests open new connections.
    assert _request(live_server, "GET", "/en" + page)[0] == 200
    assert _request(live_server, "GET", "/healthz")[0] == 200
    assert _request(live_server, "POST", "/fr/feedback/", answers)[0] == 302
    connection.close()  # this test's own connection died with the server
    assert Response.objects.count() == 1


TABLES = [
    "guide_theme",
    "guide_section",
    "guide_section_places",
    "places_category",
    "places_place",
    "feedback_questionnaire",
    "feedback_question",
    "feedback_choice",
    "auth_group_permissions",
]


def _fingerprint(database_url):
    query = " UNION ALL ".join(
        f"SELECT '{table}', count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
        f" FROM {table} t"
        for table in TABLES
    )
    return pg_cluster.run("psql", "-At", "-d", database_url, "-c", query).decode()


def test_backup_restores_the_same_content():
    """The pg_dump / pg_restore commands of docs/deploy.md, round-tripped."""
    call_command("load_demo", verbosity=0)
    dump = pg_cluster.run("pg_dump", "--format=custom", "--no-owner", pg_cluster.url())
    pg_cluster.run("psql", "-d", pg_cluster.url(), "-c", "CREATE DATABASE restore_check")
    try:
        pg_cluster.run(
            "pg_restore", "--no-owner", "--dbname", pg_cluster.url("restore_check"), input=dump
        )
        original = _fingerprint(pg_cluster.url())
        assert f"guide_section|{Section.objects.count()}|" in original
        assert _fingerprint(pg_cluster.url("restore_check")) == original
    finally:
        pg_cluster.run("psql", "-d", pg_cluster.url(), "-c", "DROP DATABASE restore_check")
