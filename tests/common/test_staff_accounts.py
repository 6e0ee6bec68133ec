"""Staff accounts: login lockout, password rules, cookie flags."""

import pytest
from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return User.objects.create_user("agent", password="une phrase de passe solide", is_staff=True)


def _login(client, password):
    return client.post("/admin/login/?next=/admin/", {"username": "agent", "password": password})


def test_repeated_failures_lock_the_account_out(client, staff):
    for _ in range(4):
        assert _login(client, "wrong password").status_code == 200
    assert _login(client, "wrong password").status_code == 429
    response = _login(client, "une phrase de passe solide")
    assert response.status_code == 429
    assert "<h1>Compte bloqué</h1>" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_success_resets_the_failure_count(client, staff):
    for _ in range(4):
        _login(client, "wrong password")
    assert _login(client, "une phrase de passe solide").status_code == 302
    client.logout()
    for _ in range(4):
        _login(client, "wrong password")
    assert _login(client, "une phrase de passe solide").status_code == 302


@pytest.mark.parametrize("password", ["court1!", "password1234", "agentagent123"])
def test_weak_passwords_are_refused(password):
    user = User(username="agentagent123")
    with pytest.raises(ValidationError):
        password_validation.validate_password(password, user)


def test_long_passwords_need_no_symbols_or_digits():
    password_validation.validate_password("une longue phrase facile à retenir", User(username="x"))


def test_session_and_csrf_cookies_are_locked_down(settings):
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == settings.CSRF_COOKIE_SAMESITE == "Lax"
