"""The guide on the reader's phone: a web app manifest, a service worker, and the list of pages
a reader keeps with one tap (guide/static/guide/offline.js saves them in the browser's Cache
Storage; the service worker answers from it when the network does not)."""

import json
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from common.content import content_version
from common.middleware import release
from common.templatetags.common_tags import html_lang

from .models import Section, Theme

# Static files a saved page names: its stylesheet, scripts, pictograms.
_STATIC = re.compile(r'(?:href|src)="(/static/[^"]+)"')


def saved_paths():
    """The pages of the guide in the active language: everything a reader needs offline."""
    paths = [
        reverse("home"),
        reverse("guide:print"),
        reverse("places:list"),
        # Not the events: a saved list would keep an event after its date.
        reverse("courses:list"),
        reverse("glossary"),
        reverse("offline"),
        reverse("offline-unavailable"),
    ]
    paths += [theme.get_absolute_url() for theme in Theme.objects.order_by("order", "pk")]
    paths += [
        section.get_absolute_url()
        for section in Section.objects.published().select_related("theme").without_bodies()
    ]
    # Not each word's page: the glossary holds every definition, and the service worker shows
    # it for a word's page that is not saved (half the pages, a third of the weight).
    return paths


def _measure(request, paths):
    """Bytes of the pages and of the static files they name, as the reader will download them.

    Read through the site itself (and its page cache), once per content version and language.
    """
    key = f"offline-weight:{release()}:{content_version()}:{get_language()}"
    weight = cache.get(key)
    if weight is None:
        client = Client(HTTP_HOST=request.get_host())
        weight, statics = 0, set()
        for path in paths:
            if path == request.path:
                continue  # this page, being built: a few kilobytes
            response = client.get(path, secure=request.is_secure())
            if response.status_code == 200:
                weight += len(response.content)
                statics.update(_STATIC.findall(response.content.decode()))
        for path in statics:
            response = client.get(path, secure=request.is_secure())
            if response.status_code == 200:
                weight += (
                    sum(len(chunk) for chunk in response)
                    if response.streaming
                    else len(response.content)
                )
        cache.set(key, weight, None)
    return weight


@require_safe
def save_page(request):
    """« Keep the guide on this phone »: what it weighs, and the button (offline.js)."""
    paths = saved_paths()
    return render(
        request,
        "guide/offline.html",
        {"page_count": len(paths), "kilobytes": max(1, round(_measure(request, paths) / 1024))},
    )


@require_safe
def pages(request):
    """The list offline.js saves, and the version it is of: a new one when staff publish."""
    return JsonResponse({"version": content_version(), "urls": saved_paths()})


@require_safe
def unavailable(request):
    """What a reader offline sees instead of a page they did not save."""
    return render(request, "guide/offline_unavailable.html")


@require_safe
def manifest(request):
    """The web app manifest, in the reader's language: Android's « Add to home screen »."""
    code = get_language()
    data = {
        "id": reverse("home"),
        "name": _("Welcome to Clermont-Ferrand"),
        "short_name": _("Welcome"),
        "description": _("The welcome guide of the City of Clermont-Ferrand for newcomers."),
        "lang": html_lang(code),
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": reverse("home"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b3d6b",
        "icons": [
            {
                "src": static(f"guide/icon-{size}.png"),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "any maskable",
            }
            for size in (192, 512)
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/manifest+json"
    )


@require_safe
def service_worker(request):
    """The service worker, at the root so that it answers for every language. A new release
    is a new script, which browsers install at the next visit."""
    with translation.override(settings.LANGUAGE_CODE):
        offline_fr = reverse("offline-unavailable")
    body = render(
        request,
        "guide/sw.js",
        {
            "release": release(),
            "languages": json.dumps([code for code, _name in settings.LANGUAGES]),
            "core": json.dumps([offline_fr, static("common/site.css")]),
        },
        content_type="text/javascript",
    )
    body["Cache-Control"] = "no-cache"
    return body
