"""Two app servers sharing one PostgreSQL and one Redis behave as one site."""

import http.client
import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import User

from tests import pg_cluster
from tests.factories import make_section
from tests.helpers import admin_log_in
from tests.postgres import free_port

pytestmark = [pg_cluster.needs_cluster, pytest.mark.django_db(transaction=True)]


def _wait(port, path="/healthz"):
    for _ in range(150):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"nothing answers on port {port}")


@pytest.fixture
def redis_url(tmp_path):
    server = shutil.which("redis-server")
    if server is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is not installed (CI=true: a failure, not a skip).")
        pytest.skip("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen(
        [
            server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait()


@pytest.fixture
def instances(redis_url, tmp_path):
    """Two gunicorn servers with production settings, like two machines behind a proxy."""
    env = {
        **os.environ,
        "DATABASE_URL": pg_cluster.url(),
        "REDIS_URL": redis_url,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "MAP_TILE_URL": settings.MAP_TILE_URL,
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    base = Path(settings.BASE_DIR)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=base,
        env=env,
        check=True,
    )
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [
                gunicorn,
                "welcome.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--log-level",
                "warning",
            ],
            cwd=base,
            env=env,
        )
        for port in ports
    ]
    try:
        for port in ports:
            _wait(port)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            process.terminate()
            process.wait()


def _get(url, path):
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.request("GET", path)
    body = conn.getresponse().read().decode()
    conn.close()
    return body


def test_a_change_saved_on_one_server_shows_on_the_other(page, instances):
    server_a, server_b = instances
    # Hashed as the servers hash: the test process itself uses a fast hasher they do not know.
    hasher = PBKDF2PasswordHasher()
    User.objects.create(
        username="chef",
        is_staff=True,
        is_superuser=True,
        password=hasher.encode("une phrase de passe solide", hasher.salt()),
    )
    section = make_section(title_fr="Ancien titre")
    path = f"/fr/guide/{section.theme.slug}/{section.slug}/"
    assert "<h1>Ancien titre</h1>" in _get(server_b, path)  # now in the shared cache
    assert "<h1>Ancien titre</h1>" in _get(server_a, path)

    admin_log_in(
        page,
        server_a,
        "chef",
        "une phrase de passe solide",
        f"/admin/guide/section/{section.pk}/change/",
    )
    page.locator("#id_title_fr").fill("Nouveau titre")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_url(f"{server_a}/admin/guide/section/")

    assert "<h1>Nouveau titre</h1>" in _get(server_b, path)
