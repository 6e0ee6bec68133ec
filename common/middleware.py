import functools
import hashlib
import logging
import math
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_max_age, patch_cache_control

from .content import content_version, project_apps

logger = logging.getLogger(__name__)
# Versioned keys are never stale; the timeout only frees the space of abandoned versions.
PAGE_CACHE_SECONDS = 24 * 3600


def admin_in_default_language(get_response):
    """Show the staff admin in French whatever the browser asks for.

    The admin lives outside the language prefixes, so LocaleMiddleware would otherwise pick its
    language from Accept-Language.
    """

    def middleware(request):
        if request.path_info.startswith(reverse("admin:index")):
            translation.activate(settings.LANGUAGE_CODE)
        return get_response(request)

    return middleware


def _release():
    """Fingerprint the code, templates and catalogs, so a new release never serves old pages."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    folders = [Path(config.path) for config in project_apps()]
    for folder in [*folders, *settings.TEMPLATES[0]["DIRS"], *settings.LOCALE_PATHS]:
        for path in sorted(Path(folder).rglob("*")):
            if path.suffix in {".py", ".html", ".mo", ".css", ".js", ".json"}:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]  # pragma: no mutate (any length that stays unique)


@functools.cache
def release():
    """The running release's fingerprint, computed once per process (the service worker's
    version: a new release installs a new one)."""
    return _release()


def public_page_cache(get_response):
    """Serve anonymous readers' pages from the cache until staff change the content.

    Every key carries the release and the content version, which common.content changes
    whenever an object shown to readers (ContentKind.PUBLIC) is saved or deleted: a cached page
    is never stale, it is abandoned.
    Readers have no session cookie; anyone who has one (staff) always gets a fresh page.
    """
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    release = _release()

    def middleware(request):
        if (
            settings.DEBUG  # in development, templates change under a running server
            or request.method not in ("GET", "HEAD")
            or not request.path.startswith(prefixes)
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return get_response(request)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{release}:{content_version()}:{request.method}:{path}"
        response = cache.get(key)
        if response is not None:
            return _still_fresh(response)
        response = get_response(request)
        # Header names are case-insensitive; no header, no directive (`no mutate`).
        directives = response.get("Cache-Control", "")  # pragma: no mutate
        timeout = _seconds_left(response, PAGE_CACHE_SECONDS)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "no-store" not in directives
            and timeout > 0
        ):
            cache.set(key, response, timeout=timeout)  # pragma: no mutate (space)
        return response

    return middleware


def true_until(response, *moments):
    """Keep the page no longer than it stays true: until the first of `moments` (the end of an
    event it lists, the closing time it shows). The page cache reads `fresh_until`; a page with
    a max-age (open data) tells its users' caches the same."""
    moments = [moment for moment in moments if moment is not None]
    current = getattr(response, "fresh_until", None)
    if current is not None:
        moments.append(current)
    if not moments:
        return response
    response.fresh_until = min(moments)
    max_age = get_max_age(response)
    if max_age is not None:
        seconds = max(1, math.ceil((response.fresh_until - timezone.now()).total_seconds()))
        patch_cache_control(response, max_age=min(max_age, seconds))
    return response


def _seconds_left(response, longest):
    """A page saying what changes with the clock (« open until 16:30 ») has `fresh_until`."""
    until = getattr(response, "fresh_until", None)
    if until is None:
        return longest
    return min(longest, math.ceil((until - timezone.now()).total_seconds()))


def _still_fresh(response):
    """A page from the cache tells browsers to keep it only as long as it is still true."""
    max_age = get_max_age(response)
    if max_age is not None and getattr(response, "fresh_until", None) is not None:
        patch_cache_control(
            response, max_age=max(0, min(max_age, _seconds_left(response, max_age)))
        )
    return response


class DatabaseUnavailableMiddleware:
    """Answer 503, in the reader's language, while the database does not answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable: %s", exception)
        response = render(
            request,
            "503.html",
            {"not_saved": request.method == "POST"},
            status=503,
        )
        response["Retry-After"] = "30"  # pragma: no mutate (header names are case-insensitive)
        patch_cache_control(response, no_store=True)
        return response
