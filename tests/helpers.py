"""What several test modules share. Data factories are in tests/factories.py."""

import io
import math
import re
import struct
import wave
from html import unescape

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# A transparent 1×1 PNG: the maps draw without the tile server, which tests cannot reach.
BLANK_TILE = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)

AXE = Axe()


def page_urls(section, term=None, event=None):
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
                (code, reverse("search:results") + "?q=m%C3%A9decin+doctor"),
                (code, reverse("search:results") + "?q=zzzz"),
                (code, reverse("places:list")),
                (code, reverse("places:embed") + "?category=" + place.category.slug),
                (code, place.get_absolute_url()),
                (code, reverse("places:partners") + "?category=" + place.category.slug),
                (code, reverse("feedback:questionnaire")),
                (code, reverse("mentoring:programme")),
                (code, reverse("mentoring:thanks")),
                (code, reverse("glossary")),
                (code, reverse("offline")),
                (code, reverse("offline-unavailable")),
                (code, f"{reverse('handoff:list')}?s={section.pk}&p={place.slug}&q=a"),
                (code, reverse("courses:list")),
                (code, reverse("courses:list") + "?level=a1&day=sat&time=morning&cost=free"),
                (code, reverse("events:list")),
            ]
            if term is not None:
                urls.append((code, term.get_absolute_url()))
            if event is not None:
                urls.append((code, event.get_absolute_url()))
    return urls


def search_results(client, url):
    """The titles of a search's results, in order, as a reader reads them (no highlights)."""
    html = client.get(url).content.decode()
    results = re.search(r'<ol class="search-results">(.*?)</ol>', html, re.S)
    found = re.findall(r'<li>\s*<a href="[^"]+">(.*?)</a>', results[1]) if results else []
    return [unescape(re.sub(r"</?mark>", "", title)) for title in found]


def recovery_code(user):
    """A new recovery code of `user`'s, as if she had kept it from her list."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="recovery codes", defaults={"confirmed": True}
    )
    code = StaticToken.random_token()
    device.token_set.create(token=code)
    return code


def log_in_staff(client, user):
    """Log `user` in as staff do: the password step (taken as passed), then a second factor."""
    client.force_login(user)
    response = client.post(reverse("account-verify"), {"code": recovery_code(user)})
    assert response.status_code == 302, response.content.decode()[:1000]
    return client


def admin_log_in(page, base_url, username, password, next_url="/admin/"):
    """Log in through the admin's French forms, as staff do, and land on `next_url`.

    The second step takes a recovery code (tests/accounts prove the app's codes and passkeys).
    """
    code = recovery_code(get_user_model().objects.get(username=username))
    page.goto(f"{base_url}/admin/login/?next={next_url}")
    page.get_by_label("Nom d’utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(f"{base_url}/admin/account/verify/**")
    page.get_by_role("textbox", name="Code").fill(code)
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_url(f"{base_url}{next_url}")


def axe_violations(page, options=None, context=None):
    """axe-core's findings on the page, one line each; none is the goal."""
    # axe itself sets inline styles, which our CSP reports: judge the page's own errors first.
    assert getattr(page, "console_errors", []) == [], page.url
    results = AXE.run(page, context=context, options=options)
    if hasattr(page, "console_errors"):
        page.console_errors.clear()
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


def wav(seconds=2, rate=8000):
    """A real sound file (WAV): a 440 Hz tone, for the recordings of sections."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(rate)
        sound.writeframes(
            b"".join(
                struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * n / rate)))
                for n in range(seconds * rate)
            )
        )
    return buffer.getvalue()
