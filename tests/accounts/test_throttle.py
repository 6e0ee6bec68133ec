"""Login failures slow down (username, address) and the address, never a username everywhere."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.utils import timezone

from tests.helpers import log_in_staff

pytestmark = pytest.mark.django_db
PASSWORD = "une phrase de passe solide"


@pytest.fixture
def alice():
    return User.objects.create_user("alice", "alice@example.org", PASSWORD, is_staff=True)


def _login(client, username, password, address):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_five_failures_from_one_address_do_not_keep_alice_out_from_another(client, alice):
    for _ in range(4):
        assert _login(client, "alice", "wrong", "203.0.113.9").status_code == 200
    assert _login(client, "alice", "wrong", "203.0.113.9").status_code == 429
    # From there, even the right password waits…
    paused = _login(client, "alice", PASSWORD, "203.0.113.9")
    assert paused.status_code == 429
    assert "_auth_user_id" not in client.session
    # …but Alice, at her desk, logs in.
    assert _login(client, "alice", PASSWORD, "192.0.2.10").status_code == 302
    assert client.session["_auth_user_id"] == str(alice.pk)


def test_the_address_itself_is_throttled_whatever_the_usernames(client, alice):
    for number in range(30):
        _login(client, f"agent{number}", "wrong", "203.0.113.9")
    response = _login(client, "alice", PASSWORD, "203.0.113.9")
    assert response.status_code == 429
    assert _login(client, "alice", PASSWORD, "192.0.2.10").status_code == 302


def test_twenty_nine_failures_from_an_office_leave_its_staff_in(client, alice):
    for number in range(29):
        _login(client, f"agent{number % 7}", "wrong", "198.51.100.4")
    assert _login(client, "alice", PASSWORD, "198.51.100.4").status_code == 302


def test_the_pause_page_says_what_to_do(client, alice):
    for _ in range(5):
        response = _login(client, "alice", "wrong", "203.0.113.9")
    html = response.content.decode()
    assert "<h1>Connexion suspendue</h1>" in html
    assert "Bienvenue à Clermont-Ferrand – administration" in html
    assert "15 minutes" in html
    assert 'href="/admin/account/password-reset/"' in html
    assert "« Tentatives de connexion »" in html


def test_the_pause_ends_by_itself(client, alice):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(5):
            _login(client, "alice", "wrong", "203.0.113.9")
        assert _login(client, "alice", PASSWORD, "203.0.113.9").status_code == 429
        clock.shift(datetime.timedelta(minutes=16))
        assert _login(client, "alice", PASSWORD, "203.0.113.9").status_code == 302


def test_an_administrator_lifts_a_pause_in_the_admin(client, alice, admin_client):
    for _ in range(5):
        _login(client, "alice", "wrong", "203.0.113.9")
    [attempt] = AccessAttempt.objects.filter(username="alice")
    listing = admin_client.get("/admin/axes/accessattempt/").content.decode()
    assert "203.0.113.9" in listing
    response = admin_client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert _login(client, "alice", PASSWORD, "203.0.113.9").status_code == 302


def test_a_success_clears_the_pairs_failures(client, alice):
    for _ in range(4):
        _login(client, "alice", "wrong", "203.0.113.9")
    assert _login(client, "alice", PASSWORD, "203.0.113.9").status_code == 302
    client.logout()
    for _ in range(4):
        _login(client, "alice", "wrong", "203.0.113.9")
    assert _login(client, "alice", PASSWORD, "203.0.113.9").status_code == 302


def test_a_password_alone_opens_nothing_in_the_admin(client, alice):
    assert _login(client, "alice", PASSWORD, "192.0.2.10").status_code == 302
    for url in ("/admin/", "/admin/guide/section/", "/admin/translations/", "/admin/axes/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/account/enrol/?next="), url
    log_in_staff(client, alice)
    assert client.get("/admin/").status_code == 200
