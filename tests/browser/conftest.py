"""Browser tests: Debian's Chromium driven by Playwright against Django's live server."""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls our tests make
# there are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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


# A transparent 1×1 PNG: maps draw without reaching a tile server, which tests cannot.
BLANK_TILE = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@pytest.fixture(autouse=True)
def local_tiles(request, settings):
    if "real_tiles" not in request.keywords:
        settings.MAP_TILE_URL = BLANK_TILE


@pytest.fixture
def watched_page(page, live_server):
    """A page that records console errors (CSP violations among them) and foreign requests."""
    page.console_errors = []
    page.foreign_requests = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on(
        "request",
        lambda request: (
            request.url.startswith((live_server.url, "data:"))
            or page.foreign_requests.append(request.url)
        ),
    )
    return page


@pytest.fixture
def log_in(live_server, admin_user):
    """Log the admin user in through the French login form, then go to `next_url`."""

    def log_in(page, next_url="/admin/"):
        page.goto(f"{live_server.url}/admin/login/?next={next_url}")
        page.get_by_label("Nom d’utilisateur").fill("admin")
        page.get_by_label("Mot de passe").fill("password")
        page.get_by_role("button", name="Connexion").click()

    return log_in
