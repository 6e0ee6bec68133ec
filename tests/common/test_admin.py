"""The staff admin: French whatever the browser says, tabbed languages, nothing from a CDN."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from guide.models import Theme

pytestmark = pytest.mark.django_db


def test_admin_speaks_french_to_an_english_browser(client):
    response = client.get("/admin/login/", headers={"accept-language": "en-GB,en"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Connexion" in html


def test_superuser_from_createsuperuser_can_log_in(client, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a sturdy passphrase 42")
    call_command("createsuperuser", interactive=False, username="agent", email="agent@example.org")
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "agent", "password": "a sturdy passphrase 42"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    # First login: the second factor is set up before anything else (tests/accounts).
    response = client.get("/admin/")
    assert response["Location"] == "/admin/account/enrol/?next=%2Fadmin%2F"
    html = client.get(response["Location"]).content.decode()
    assert "Bienvenue à Clermont-Ferrand – administration" in html
    assert get_user_model().objects.get(username="agent").is_superuser


def test_theme_form_has_a_tab_per_language_with_local_jquery_ui(admin_client, theme):
    html = admin_client.get(f"/admin/guide/theme/{theme.pk}/change/").content.decode()
    for field in ("title_fr", "title_en", "title_fr_falc", "introduction_fr_falc"):
        assert f'name="{field}"' in html
    jquery_ui = r'src="/static/common/vendor/jquery-ui/jquery-ui\.min\.[0-9a-f]{12}\.js"'
    assert re.search(jquery_ui, html)
    assert re.search(r"modeltranslation/js/tabbed_translation_fields\.[0-9a-f]{12}\.js", html)
    assert "googleapis" not in html


def test_staff_save_a_theme_in_three_languages(admin_client):
    response = admin_client.post(
        "/admin/guide/theme/add/",
        {
            "title_fr": "Logement",
            "title_en": "Housing",
            "title_fr_falc": "Se loger",
            "slug": "logement",
            "introduction_fr": "Trouver un toit.",
            "introduction_en": "Finding a roof.",
            "introduction_fr_falc": "Vous cherchez un logement ?",
            "order": 3,
        },
    )
    assert response.status_code == 302
    theme = Theme.objects.get(slug="logement")
    assert (theme.title_fr, theme.title_en, theme.title_fr_falc) == (
        "Logement",
        "Housing",
        "Se loger",
    )


def test_theme_without_french_title_is_refused_with_a_message(admin_client):
    response = admin_client.post(
        "/admin/guide/theme/add/", {"title_en": "Housing", "slug": "housing", "order": 1}
    )
    assert response.status_code == 200
    assert "Ce champ est obligatoire" in response.content.decode()
    assert not Theme.objects.exists()
