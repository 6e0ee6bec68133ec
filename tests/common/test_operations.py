"""What operators and machines read: health, robots.txt, sitemap.xml, error pages, commands."""

import os
import subprocess
import sys
from io import StringIO
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from guide.models import Theme

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not():
    """A real process whose database cannot be opened."""
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client(raise_request_exception=False).get('/healthz', headers={'host': 'localhost'});"
        "print(r.status_code, r.content.decode())"
    )
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="welcome.settings",
        DATABASE_URL="sqlite:////nonexistent-directory/db.sqlite3",
        DJANGO_LOG_LEVEL="CRITICAL",
    )
    env.pop("DJANGO_SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == '503 {"status": "unavailable"}'


def test_pages_answer_head_requests(client, section):
    """Link checkers and proxies send HEAD; it must not be refused, and has no body."""
    theme = section.theme
    for url in ("/fr/", f"/en/guide/{theme.slug}/", "/fr-falc/places/", "/healthz"):
        response = client.head(url)
        assert (response.status_code, response.content) == (200, b""), url
        assert response["Content-Type"] == client.get(url)["Content-Type"], url


def test_robots_txt_points_to_the_sitemap_and_hides_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_pages_in_every_language_with_alternates(client, theme):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.fromstring(response.content)
    locations = {url.find("s:loc", ns).text for url in root.findall("s:url", ns)}
    for code in ("fr", "en", "fr-falc"):
        assert f"http://testserver/{code}/" in locations
        assert f"http://testserver/{code}/accessibility/" in locations
        assert f"http://testserver/{code}/guide/{theme.slug}/" in locations
    first = root.find("s:url", ns)
    alternates = {link.get("hreflang") for link in first.findall("x:link", ns)}
    assert alternates == {"fr", "en", "fr-x-falc", "ar", "fa", "ps", "uk", "ru", "ti", "x-default"}


@pytest.mark.parametrize(
    ("prefix", "title"),
    [("fr", "Page introuvable"), ("en", "Page not found"), ("fr-falc", None)],
)
def test_not_found_page_speaks_the_readers_language(client, prefix, title):
    response = client.get(f"/{prefix}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    with translation.override(prefix):
        expected = translation.gettext("Page not found")
    assert f"<h1>{title or expected}</h1>" in html
    assert f'href="/{prefix}/"' in html


def test_unknown_theme_is_a_404(client):
    assert client.get("/fr/guide/nope/").status_code == 404


def test_server_error_page_speaks_the_readers_language():
    request = RequestFactory().get("/en/")
    with translation.override("en"):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Server error</h1>" in html
    assert '<html lang="en"' in html
    with translation.override("fr"):
        html = server_error(RequestFactory().get("/fr/")).content.decode()
    assert "<h1>Erreur du serveur</h1>" in html


def test_load_demo_fills_an_empty_database_once():
    out = StringIO()
    call_command("load_demo", "--if-empty", stdout=out)
    themes = Theme.objects.count()
    assert themes >= 8
    assert Theme.objects.filter(title_en="", title_fr_falc="").count() == 0
    Theme.objects.filter(slug="sante").update(title_fr="Santé (modifié)")
    call_command("load_demo", "--if-empty", stdout=out)
    assert Theme.objects.count() == themes
    assert Theme.objects.get(slug="sante").title_fr == "Santé (modifié)"
    assert "already has content" in out.getvalue()


def test_load_demo_leaves_a_database_with_staff_content_alone():
    Theme.objects.create(slug="notre-theme", title_fr="Notre thème", order=1)
    out = StringIO()
    call_command("load_demo", "--if-empty", stdout=out)
    assert list(Theme.objects.values_list("slug", flat=True)) == ["notre-theme"]
    assert "already has content" in out.getvalue()
