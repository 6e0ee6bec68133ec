import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.cache import cache
from django.core.management import call_command
from django.test.utils import override_settings
from django.utils import translation

from common.content import sync_staff_groups
from tests.factories import make_place, make_section, make_theme

# Playwright's sync API runs an event loop in the test thread; the ORM calls our tests make
# there are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]


@pytest.fixture(scope="session", autouse=True)
def _production_static_files(tmp_path_factory):
    """Static files as production has them: collected, with hashed names and a strict manifest.

    A template that names a static file the manifest does not know then fails here as it would
    in production. Django's live server serves them from STATIC_ROOT (CollectedFilesFinder).
    TEST_STATIC_ROOT names a folder to collect into once and reuse (`make mutation` runs
    thousands of short sessions on unchanged static files).
    """
    reused = os.environ.get("TEST_STATIC_ROOT")
    static_root = Path(reused) if reused else tmp_path_factory.mktemp("static")
    with override_settings(
        STATIC_ROOT=static_root,
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
        STATICFILES_FINDERS=[*STATICFILES_FINDERS, "tests.conftest.CollectedFilesFinder"],
    ):
        if not (reused and (static_root / "staticfiles.json").exists()):
            call_command("collectstatic", "--noinput", verbosity=0)
        yield


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    """Django's advice for test suites: a fast hasher, since every staff login hashes twice."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def _shared_cache(tmp_path_factory, _production_static_files):
    """The default cache (files shared by every process), in a folder of this test session."""
    location = tmp_path_factory.mktemp("cache")
    with override_settings(
        CACHES={"default": {**settings.CACHES["default"], "LOCATION": str(location)}}
    ):
        yield


class CollectedFilesFinder(BaseFinder):
    """Find collected (hashed) static files in STATIC_ROOT, for the live server of the tests."""

    def find(self, path, find_all=False, **kwargs):
        found = os.path.join(settings.STATIC_ROOT, path)
        if not os.path.isfile(found):
            return [] if find_all else None
        return [found] if find_all else found

    def list(self, ignore_patterns):
        return []  # nothing to collect: these are the collected files


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


class Inbox:
    """An aiosmtpd handler that keeps what it receives: (recipients, message text)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append((envelope.rcpt_tos, envelope.content.decode().replace("\r\n", "\n")))
        return "250 OK"


@pytest.fixture
def smtp(settings):
    """A real SMTP server on the loopback, and Django's SMTP backend sending to it."""
    from aiosmtpd.controller import Controller

    from tests.postgres import free_port

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    yield inbox
    controller.stop()


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's, but past the second factor, as every staff session must be."""
    from tests.helpers import log_in_staff

    return log_in_staff(client, admin_user)


@pytest.fixture
def staff_groups(db):
    """The staff groups, as `migrate` leaves them (common.content.sync_staff_groups)."""
    sync_staff_groups()


@pytest.fixture
def theme(db):
    return make_theme()


@pytest.fixture
def section(theme):
    return make_section(theme=theme, places=[make_place()])


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is not installed (CI=true: this is a failure, not a skip).")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


def pytest_collection_modifyitems(config, items):
    """The folder is the tier: tests/browser/ drive Chromium, tests/system/ start servers."""
    for item in items:
        parts = item.path.relative_to(config.rootpath).parts
        if parts[:2] == ("tests", "browser"):
            item.add_marker(pytest.mark.browser)
        elif parts[:2] == ("tests", "system"):
            item.add_marker(pytest.mark.system)
            if "page" in getattr(item, "fixturenames", ()):
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
