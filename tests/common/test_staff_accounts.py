"""Staff accounts: password rules, cookie flags (the login itself: tests/accounts)."""

import pytest
from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return User.objects.create_user("agent", password="une phrase de passe solide", is_staff=True)


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
