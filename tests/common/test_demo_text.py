"""The demo texts reach readers as written: line breaks, never a literal backslash-n."""

import re
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils import translation

from guide.models import Section, Theme
from places.models import Place
from routes.models import Route

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


def _public_urls():
    urls = []
    for code in LANGUAGE_CODES:
        with translation.override(code):
            urls += [reverse("home"), reverse("guide:print"), reverse("places:list")]
            urls.append(reverse("feedback:questionnaire"))
            for route in Route.objects.published():
                urls += [route.get_absolute_url(), reverse("routes:embed", args=[route.slug])]
            urls += [theme.get_absolute_url() for theme in Theme.objects.all()]
            sections = Section.objects.published().select_related("theme")
            urls += [section.get_absolute_url() for section in sections]
            urls += [place.get_absolute_url() for place in Place.objects.published()]
    return urls


def test_no_demo_page_shows_a_literal_backslash_n(demo, client):
    urls = _public_urls()
    assert len(urls) > 100
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        # Scripts hold JSON, where \n is how a line break is written.
        text = SCRIPT.sub("", response.content.decode())
        assert "\\n" not in text, url


def test_no_demo_text_holds_a_literal_backslash_n(demo):
    for model in apps.get_models():
        text_fields = [
            field.name
            for field in model._meta.get_fields()
            if isinstance(field, models.CharField | models.TextField)
        ]
        for field in text_fields:
            found = model.objects.filter(**{f"{field}__contains": "\\n"})
            assert not found.exists(), (model.__name__, field, list(found[:3]))


def test_falc_route_shows_one_sentence_per_line(demo, client):
    with translation.override("fr-falc"):
        url = Route.objects.get(slug="rallye-integration").get_absolute_url()
    html = client.get(url).content.decode()
    assert "Marchez ou prenez le tram A.<br>Descendez à l&#x27;arrêt Jaude." in html
