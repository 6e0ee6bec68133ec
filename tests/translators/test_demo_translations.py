"""The demo content in the newcomers' languages, as the translators' dashboard counts it."""

from io import StringIO

import pytest
from django.core.management import call_command

from translators.units import State, documents

pytestmark = pytest.mark.django_db

ESSENTIAL_THEMES = {"urgences", "sante", "logement", "papiers"}


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


def _missing(code):
    return [f"{doc.kind.key} {doc.root}" for doc in documents(code) if doc.state == State.MISSING]


@pytest.mark.parametrize("code", ["en", "fr-falc", "ar", "fa", "uk", "ru"])
def test_everything_is_written_in_the_main_languages(demo, code):
    assert _missing(code) == []


@pytest.mark.parametrize("code", ["ps", "ti"])
def test_the_essentials_are_written_in_pashto_and_tigrinya(demo, code):
    written = {
        doc.root.slug
        for doc in documents(code)
        if doc.kind.key == "theme" and doc.state != State.MISSING
    }
    assert written >= ESSENTIAL_THEMES
    missing_sections = [
        doc.root.slug
        for doc in documents(code)
        if doc.kind.key == "section"
        and doc.root.theme.slug in ESSENTIAL_THEMES
        and doc.state == State.MISSING
    ]
    assert missing_sections == []
    kinds_written = {d.kind.key for d in documents(code) if d.state != State.MISSING}
    assert {"place", "category", "route", "questionnaire"} <= kinds_written


@pytest.mark.parametrize("code", ["ar", "fa", "ps", "uk", "ru", "ti"])
def test_no_demo_translation_claims_a_check_nobody_made(demo, code):
    assert {doc.state for doc in documents(code)} <= {State.MISSING, State.DRAFT}
