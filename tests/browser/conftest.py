"""Browser tests: Debian's Chromium driven by Playwright against Django's live server."""

import pytest

from tests.helpers import BLANK_TILE, admin_log_in


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
        admin_log_in(page, live_server.url, "admin", "password", next_url)

    return log_in
