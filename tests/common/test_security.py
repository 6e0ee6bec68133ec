"""Security headers, and production settings read from the environment."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "DJANGO_SECRET_KEY": "a-long-random-production-key-for-tests-" + "x" * 30,
    "DJANGO_ALLOWED_HOSTS": "bienvenue.example.org",
}


def _run(code, **env):
    """Run Python with the project's settings and the given environment (nothing inherited)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "welcome.settings", **env},
        capture_output=True,
        text=True,
    )


def _directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_pages_send_a_strict_content_security_policy(client):
    directives = _directives(client.get("/fr/"))
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in directives.get("style-src", [])


def test_map_tiles_are_the_only_other_images_allowed(client):
    directives = _directives(client.get("/fr/"))
    assert directives["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]


def test_pages_send_the_other_security_headers(client):
    response = client.get("/en/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_readers_get_no_cookie(client):
    response = client.get("/fr/")
    assert response.cookies == {}


def test_deploy_check_is_clean_with_production_settings():
    result = _run(
        "import sys; from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_secret_key_alone_turns_debug_off():
    result = _run(
        "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        **PRODUCTION,
    )
    assert result.stdout.strip() == "False", result.stderr


def test_no_secret_key_means_development_mode_and_a_warning():
    result = _run(
        "from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check'])"
    )
    assert "common.W001" in result.stderr
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_without_secret_key_says_what_is_missing():
    result = _run("import django; django.setup()", DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_bad_boolean_in_environment_is_a_clear_error():
    result = _run("import django; django.setup()", DJANGO_DEBUG="maybe")
    assert "DJANGO_DEBUG must be true or false, not 'maybe'" in result.stderr


def test_production_forces_https_with_hsts_and_secure_cookies():
    script = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
client = Client(raise_request_exception=False)
plain = client.get('/healthz', headers={'host': 'bienvenue.example.org'})
secure = client.get('/healthz', secure=True, headers={'host': 'bienvenue.example.org'})
print(json.dumps({
    'redirect': plain.status_code,
    'location': plain.get('Location'),
    'hsts': secure.get('Strict-Transport-Security'),
    'cookies': [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
}))
"""
    result = _run(script, **PRODUCTION, DATABASE_URL="sqlite:///:memory:")
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["redirect"] == 301
    assert seen["location"] == "https://bienvenue.example.org/healthz"
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert seen["cookies"] == [True, True]
