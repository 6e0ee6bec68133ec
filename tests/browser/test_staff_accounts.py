"""A staff member's second factor, in Chromium: an authenticator app, recovery codes, passkeys."""

import re
import time
from base64 import b32decode, b32encode

import pytest
from django.contrib.auth.models import Group, User
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect

from tests.helpers import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "une phrase de passe solide"
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def nadia(staff_groups):
    user = User.objects.create_user("nadia", "nadia@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Éditeurs"))
    return user


@pytest.fixture
def no_throttle(settings):
    # A wrong code makes the next try wait a second (tests/accounts checks it with a set clock);
    # here the browser retries at once.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def app_code(secret, last_t=-1):
    """What an authenticator app shows for this secret now (never a step already used)."""
    totp = TOTP(b32decode(secret))
    totp.time = max(time.time(), (last_t + 1) * 30)
    return f"{totp.token():06d}"


def _password(page, base_url):
    page.goto(f"{base_url}/admin/login/?next=/admin/")
    page.get_by_label("Nom d’utilisateur").fill("nadia")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()


def _log_out(page):
    page.get_by_role("button", name="Déconnexion").click()
    expect(page.get_by_role("heading", name="Déconnecté")).to_be_visible()


def test_a_new_staff_member_sets_up_an_app_and_logs_in_with_it(
    watched_page, live_server, nadia, no_throttle
):
    page = watched_page
    _password(page, live_server.url)
    page.wait_for_url(f"{live_server.url}/admin/account/enrol/**")
    assert axe_violations(page, WCAG_21_AA) == []
    expect(page.locator(".account-qr svg")).to_be_visible()
    page.get_by_text("Pas d’appareil photo ? Tapez plutôt cette clé").click()
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.get_by_label("Code affiché par l’application").fill(app_code(secret))
    page.get_by_role("button", name="Vérifier le code").click()

    expect(page.locator("#recovery-codes code")).to_have_count(10)
    codes = page.locator("#recovery-codes code").all_inner_texts()
    assert axe_violations(page, WCAG_21_AA) == []
    page.get_by_role("link", name="Je les ai notés, continuer").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    _log_out(page)

    # Back the next morning: password, then the app's code; a wrong code first.
    _password(page, live_server.url)
    page.wait_for_url(f"{live_server.url}/admin/account/verify/**")
    page.get_by_role("textbox", name="Code").fill("000000")
    page.get_by_role("button", name="Continuer").click()
    expect(page.get_by_text("Ce code n’est pas le bon.")).to_be_visible()
    assert page.url.startswith(f"{live_server.url}/admin/account/verify/")
    last_t = TOTPDevice.objects.get(user=nadia).last_t
    page.get_by_role("textbox", name="Code").fill(app_code(secret, last_t))
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    _log_out(page)

    # Phone left at home: a recovery code, once.
    for attempt in range(2):
        _password(page, live_server.url)
        page.wait_for_url(f"{live_server.url}/admin/account/verify/**")
        page.get_by_role("textbox", name="Code").fill(codes[0])
        page.get_by_role("button", name="Continuer").click()
        if attempt == 0:
            page.wait_for_url(f"{live_server.url}/admin/")
            expect(page.get_by_text("il en reste 9")).to_be_visible()
            _log_out(page)
    expect(page.get_by_text("Ce code n’est pas le bon.")).to_be_visible()
    # Chromium reports each refused code's 400; nothing else went wrong (no CSP violation).
    assert set(page.console_errors) == {
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    }


def test_a_passkey_replaces_the_code(watched_page, live_server, nadia):
    app = TOTPDevice.objects.create(user=nadia, name="app", confirmed=True)
    page = watched_page
    # Chromium's virtual authenticator stands for the laptop's fingerprint reader.
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )["authenticatorId"]

    _password(page, live_server.url)
    page.wait_for_url(f"{live_server.url}/admin/account/verify/**")
    # No passkey yet: the page only asks for a code.
    expect(page.get_by_role("button", name="Utiliser ma clé d’accès")).to_have_count(0)
    page.get_by_role("textbox", name="Code").fill(app_code(b32encode(app.bin_key).decode()))
    page.get_by_role("button", name="Continuer").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    page.get_by_role("link", name="Sécurité du compte").click()
    expect(page.locator("#no-passkey")).to_be_visible()
    # The button is the library's, put in place by its script: wait until every script has run.
    page.wait_for_load_state("load")
    page.get_by_role("button", name="Ajouter une clé d’accès").click()
    # Two requests to the server and the authenticator, then the page reloads: on a loaded CI
    # machine this takes longer than Playwright's five seconds.
    expect(page.get_by_role("button", name=re.compile("Retirer"))).to_be_visible(timeout=20_000)
    assert WebAuthnCredential.objects.filter(user=nadia, confirmed=True).count() == 1
    credentials = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})
    assert len(credentials["credentials"]) == 1
    assert axe_violations(page, WCAG_21_AA) == []
    _log_out(page)

    _password(page, live_server.url)
    page.wait_for_url(f"{live_server.url}/admin/account/verify/**")
    page.get_by_role("button", name="Utiliser ma clé d’accès").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    assert WebAuthnCredential.objects.get(user=nadia).last_used_at is not None
    assert page.console_errors == []
