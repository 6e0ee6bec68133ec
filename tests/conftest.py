import importlib

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.core.cache import cache
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import translation

from tests.factories import make_place, make_section, make_theme

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(scope="session", autouse=True)
def _plain_static_storage(tmp_path_factory):
    """Serve static files from the apps in tests; test_static_files.py covers the manifest."""
    with override_settings(
        STATIC_ROOT=tmp_path_factory.mktemp("static"),
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with no cached page and no rate-limit count from an earlier one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Start every test in French, whatever language an earlier request left active."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def staff_groups():
    """Run the data migrations that create the staff groups again.

    Transactional tests (the browser ones) empty every table when they end, groups included.
    """
    for name in (
        "guide.migrations.0002_staff_groups",
        "feedback.migrations.0003_mentoring_coordinators",
    ):
        migration = importlib.import_module(name)
        create = getattr(migration, "create_groups", None) or migration.create_group
        create(django_apps, None)


@pytest.fixture
def theme(db):
    return make_theme()


@pytest.fixture
def section(theme):
    return make_section(theme=theme, places=[make_place()])


def page_urls(section):
    """Every public page type, in every language, as (language, url)."""
    urls = []
    place = section.places.first()
    for code in LANGUAGE_CODES:
        with translation.override(code):
            urls += [
                (code, reverse("home")),
                (code, reverse("accessibility")),
                (code, reverse("privacy")),
                (code, reverse("legal-notice")),
                (code, section.theme.get_absolute_url()),
                (code, section.get_absolute_url()),
                (code, reverse("guide:print")),
                (code, reverse("search") + "?q=m%C3%A9decin+doctor"),
                (code, reverse("search") + "?q=zzzz"),
                (code, reverse("places:list")),
                (code, reverse("places:embed") + "?category=" + place.category.slug),
                (code, place.get_absolute_url()),
                (code, reverse("places:partners") + "?category=" + place.category.slug),
                (code, reverse("feedback:questionnaire")),
                (code, reverse("mentoring")),
                (code, reverse("mentoring-thanks")),
            ]
    return urls


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    """Print how many browser tests ran, so a run that skipped them all is visible."""
    counts = {}
    for outcome in ("passed", "failed", "skipped", "error"):
        reports = terminalreporter.stats.get(outcome, [])
        counts[outcome] = sum(
            1 for r in reports if getattr(r, "when", "call") == "call" and "browser" in r.keywords
        )
    from django.db import connection

    terminalreporter.write_line(
        f"database: {connection.vendor}; browser tests: {counts['passed']} passed, "
        f"{counts['failed']} failed, {counts['skipped']} skipped"
    )
