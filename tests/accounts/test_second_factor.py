"""The second factor: asked of every staff session, by code, recovery code or passkey."""

import datetime
import re
import time
from base64 import b32decode

import pytest
import time_machine
from django.contrib.auth.models import User
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from tests.factories import make_section
from tests.helpers import log_in_staff, recovery_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def nadia():
    return User.objects.create_user("nadia", "nadia@example.org", "x" * 12, is_staff=True)


def app_code(device, when=None):
    """What the authenticator app shows, from the device's secret (django-otp's own TOTP)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = when or max(time.time(), (device.last_t + 1) * device.step)
    return f"{totp.token():06d}"


def _enrolled(user):
    return TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)


def test_enrolment_shows_the_secret_and_confirms_it_with_a_code(client, nadia):
    client.force_login(nadia)
    page = client.get("/admin/account/enrol/?next=/admin/")
    html = page.content.decode()
    assert page.status_code == 200 and "<svg" in html
    device = TOTPDevice.objects.get(user=nadia, confirmed=False)
    shown = re.search(r'id="totp-secret">([^<]+)<', html)[1]
    assert b32decode(shown.replace(" ", "")) == device.bin_key
    # Reloading keeps the same secret (the QR code scanned a minute ago still counts).
    client.get("/admin/account/enrol/")
    assert TOTPDevice.objects.filter(user=nadia).count() == 1
    wrong = client.post("/admin/account/enrol/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 400
    assert "Ce code n’est pas le bon" in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.save()
    response = client.post("/admin/account/enrol/", {"code": app_code(device), "next": "/admin/"})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>(\w{4} \w{4})</code></li>", response.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert StaticToken.objects.filter(device__user=nadia).count() == 10
    assert 'href="/admin/"' in response.content.decode()
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_fails_and_a_recovery_code_works_once(client, nadia):
    _enrolled(nadia)
    code = recovery_code(nadia)
    client.force_login(nadia)
    assert client.get("/admin/").status_code == 302
    wrong = client.post("/admin/account/verify/", {"code": "123456"})
    assert wrong.status_code == 400
    assert client.get("/admin/")["Location"].startswith("/admin/account/verify/")
    # As printed: « abcd efgh », capitals or not.
    spaced = f"{code[:4]} {code[4:]}".upper()
    assert client.post("/admin/account/verify/", {"code": spaced}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.force_login(nadia)
    assert client.post("/admin/account/verify/", {"code": code}).status_code == 400


def test_wrong_codes_slow_down_the_next_tries(client, nadia):
    device = _enrolled(nadia)
    client.force_login(nadia)

    def attempt(code):
        response = client.post("/admin/account/verify/", {"code": code})
        return response.status_code, re.findall(r"<li>([^<]*)</li>", response.content.decode())

    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert attempt("000000")[0] == 400
        # Even the right code waits a second after a wrong one, then two after two, four…
        assert attempt(app_code(device, time.time()))[1] == [
            "Trop de codes faux : réessayez dans 1 seconde."
        ]
        clock.shift(datetime.timedelta(seconds=1))
        assert attempt("000000")[0] == 400
        assert "Trop de codes faux : réessayez dans 2 secondes." in attempt("000000")[1]
        clock.shift(datetime.timedelta(seconds=2))
        device.refresh_from_db()
        assert attempt(app_code(device, time.time())) == (302, [])


def test_a_code_from_the_app_is_not_accepted_twice(client, nadia):
    device = _enrolled(nadia)
    client.force_login(nadia)
    code = app_code(device, time.time())
    assert client.post("/admin/account/verify/", {"code": code}).status_code == 302
    client.logout()
    client.force_login(nadia)
    device.throttling_failure_count = 0
    assert client.post("/admin/account/verify/", {"code": code}).status_code == 400


def test_a_password_alone_shows_no_draft(client, nadia, section):
    draft = make_section(theme=section.theme, published=False)
    client.force_login(nadia)
    assert client.get(draft.get_absolute_url()).status_code == 404
    log_in_staff(client, nadia)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_a_development_machine_may_go_without(client, nadia, settings):
    settings.STAFF_SECOND_FACTOR = False
    client.force_login(nadia)
    assert client.get("/admin/").status_code == 200


def test_a_new_phone_replaces_the_old_one(client, nadia):
    old = _enrolled(nadia)
    log_in_staff(client, nadia)
    recovery_code(nadia)  # one left
    client.get("/admin/account/enrol/")
    new = TOTPDevice.objects.get(user=nadia, confirmed=False)
    response = client.post("/admin/account/enrol/", {"code": app_code(new), "next": "/admin/"})
    assert response.status_code == 302  # recovery codes kept: nothing more to show
    assert list(TOTPDevice.objects.filter(user=nadia)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()


def test_new_recovery_codes_replace_the_old_ones(client, nadia):
    _enrolled(nadia)
    log_in_staff(client, nadia)
    recovery_code(nadia)
    old = list(StaticToken.objects.filter(device__user=nadia).values_list("token", flat=True))
    page = client.get("/admin/account/security/").content.decode()
    assert "1 code de secours restant" in page
    response = client.post("/admin/account/security/recovery-codes/")
    assert response.status_code == 200
    new = set(StaticToken.objects.filter(device__user=nadia).values_list("token", flat=True))
    assert len(new) == 10 and not new & set(old)


def test_only_her_own_passkeys_can_be_removed(client, nadia):
    other = User.objects.create_user("omar", is_staff=True)
    passkey = WebAuthnCredential.objects.create(
        user=other, name="clé", credential_id=b"1", public_key=b"k", sign_count=0, confirmed=True
    )
    log_in_staff(client, nadia)
    assert client.post(f"/admin/account/security/passkeys/{passkey.pk}/remove/").status_code == 404
    assert WebAuthnCredential.objects.filter(pk=passkey.pk).exists()


def test_an_idle_session_ends(client, nadia):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        log_in_staff(client, nadia)
        clock.shift(datetime.timedelta(minutes=29))
        assert client.get("/admin/").status_code == 200
        clock.shift(datetime.timedelta(minutes=29))  # 58 minutes in, never 30 idle
        assert client.get("/admin/").status_code == 200
        clock.shift(datetime.timedelta(minutes=31))
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_the_passkey_scripts_speak_french(client):
    catalog = client.get("/admin/account/passkeys/jsi18n/").content.decode()
    # django-otp-webauthn has no French: locale/fr/LC_MESSAGES/djangojs.po gives it.
    assert '"Registration successful!": "Cl\\u00e9 d\\u2019acc\\u00e8s ajout\\u00e9e !"' in catalog


def test_the_code_step_can_be_left_by_logging_out(client, nadia):
    _enrolled(nadia)
    client.force_login(nadia)
    page = client.get("/admin/account/verify/").content.decode()
    assert '<form method="post" action="/admin/logout/"' in page
    assert client.post("/admin/logout/").status_code == 200
    assert "_auth_user_id" not in client.session
