"""
The site as production serves it: `make serve` (DEBUG off, collected static files with hashed
names, gunicorn with several workers, the default cache), on a database of its own.

`ProductionSite` prepares that database (migrate, demo content, two staff accounts), starts
`make serve` on a free port and stops it. `Client` speaks plain HTTP to it, one connection per
request, so that requests spread over the workers, and keeps the cookies of a staff session.
"""

import collections
import http.client
import http.cookies
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import psycopg

from tests.helpers import BLANK_TILE
from tests.postgres import free_port

BASE_DIR = Path(__file__).resolve().parents[2]
PASSWORD = "un mot de passe assez long"
USERS = """
from django.contrib.auth.models import Group, User
User.objects.create_superuser("admin", "admin@example.org", {password!r})
editor = User.objects.create_user("editrice", "editrice@example.org", {password!r}, is_staff=True)
editor.groups.add(Group.objects.get(name="Éditeurs"))
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
for user in User.objects.all():
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=f"code{{number:05d}}") for number in range({codes})
    )
"""
# Each staff account above has these recovery codes (as a second factor), each used once.
RECOVERY_CODES = 1000
_next_code = collections.Counter()


def _database_url(workdir):
    """A new, empty database: SQLite by default, PostgreSQL in the PostgreSQL run."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{workdir / 'db.sqlite3'}"
    name = f"production_{secrets.token_hex(4)}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return urllib.parse.urlsplit(url)._replace(path=f"/{name}").geturl()


class ProductionSite:
    def __init__(self, workdir, workers=3, **environment):
        self.workdir = Path(workdir)
        self.port = free_port()
        self.workers = workers
        self.access_log = self.workdir / "access.log"
        self.server_log = self.workdir / "server.log"
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "REDIS_", "PYTEST_"))
        }
        self.env.update(
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_HTTPS="false",
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=_database_url(self.workdir),
            DJANGO_STATIC_ROOT=str(self.workdir / "static"),
            DJANGO_MEDIA_ROOT=str(self.workdir / "media"),
            DJANGO_CACHE_DIR=str(self.workdir / "cache"),
            MAP_TILE_URL=BLANK_TILE,
            **environment,
        )
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def manage(self, *args, input=None):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env={**self.env, "DJANGO_DEBUG": "false"},
            check=True,
            capture_output=True,
            text=True,
            input=input,
        )

    def prepare(self):
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("load_demo", "--verbosity", "0")
        self.manage(
            "shell", "--no-imports", input=USERS.format(password=PASSWORD, codes=RECOVERY_CODES)
        )

    def start(self):
        with open(self.server_log, "wb") as log:
            self.process = subprocess.Popen(
                [
                    "make",
                    "--no-print-directory",
                    "serve",
                    f"PORT={self.port}",
                    f"WORKERS={self.workers}",
                    f"BIN={Path(sys.executable).parent}",
                    f"GUNICORN_ARGS=--access-logfile {self.access_log} "
                    "--access-logformat '%(p)s %(s)s %(m)s %(U)s'",
                ],
                cwd=BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"make serve stopped:\n{self.server_log.read_text()}")
            try:
                if Client(self.url).get("/healthz").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"make serve did not answer:\n{self.server_log.read_text()}")

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def errors_logged(self):
        """Return the tracebacks the server wrote (Django logs every 500 with one)."""
        text = self.server_log.read_text(errors="replace")
        return [block for block in text.split("\n\n") if "Traceback" in block]

    def workers_that_served(self, path, since_line):
        """Return the worker process ids that answered GET `path` after line `since_line`."""
        lines = self.access_log.read_text().splitlines()[since_line:]
        return {line.split()[0] for line in lines if line.split()[2:4] == ["GET", path]}

    def access_log_length(self):
        return len(self.access_log.read_text().splitlines()) if self.access_log.exists() else 0


class Reply:
    def __init__(self, response, body):
        self.status = response.status
        self.headers = response.headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self):
        return self.headers.get("Location", "")


class Client:
    """HTTP to the site, a new connection per request; keeps cookies (a staff session)."""

    def __init__(self, url, source_address=None):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.source_address = source_address
        self.cookies = http.cookies.SimpleCookie()

    def request(self, method, path, data=None, headers=None):
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=60, source_address=self.source_address
        )
        headers = dict(headers or {})
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        headers.setdefault("Accept-Language", "fr")
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            reply = Reply(response, response.read())
        finally:
            connection.close()
        for header in reply.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        return reply

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.request("POST", path, data=data, **kwargs)

    def log_in(self, username):
        form = Form.first(self.get("/admin/login/").text, id="login-form")
        form.values.update(username=username, password=PASSWORD)
        reply = self.post("/admin/login/?next=/admin/", form.data())
        assert reply.status == 302 and reply.location == "/admin/", reply.text[:500]
        # The second factor: one of the account's recovery codes, never the same twice.
        reply = self.get("/admin/")
        assert reply.status == 302 and reply.location.startswith("/admin/account/verify/")
        form = Form.first(self.get(reply.location).text, id="code-form")
        form.values.update(code=f"code{_next_code[username]:05d}")
        _next_code[username] += 1
        reply = self.post(reply.location, form.data())
        assert reply.status == 302 and reply.location == "/admin/", reply.text[:500]
        return self


class Form(HTMLParser):
    """The fields of one HTML form, as a browser would send them unchanged."""

    def __init__(self, **wanted):
        super().__init__(convert_charrefs=True)
        self.wanted = wanted
        self.inside = False
        self.depth = 0
        self.action = None
        self.values = {}
        self.lists = {}
        self.choices = {}  # radio/checkbox name → values offered
        self.required = set()
        self._textarea = None
        self._select = None

    @classmethod
    def first(cls, html, **wanted):
        """The first form whose attributes contain what `wanted` says (id="login-form"…)."""
        form = cls(**wanted)
        form.feed(html)
        assert form.action is not None, f"no form with {wanted}"
        return form

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.action is None and not self.inside:
            if all(value in (attrs.get(name) or "") for name, value in self.wanted.items()):
                self.inside = True
                self.action = attrs.get("action", "")
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if "required" in attrs and name:
            self.required.add(name)
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("radio", "checkbox"):
                self.choices.setdefault(name, []).append(attrs.get("value", "on"))
                if "checked" in attrs:
                    self.lists.setdefault(name, []).append(attrs.get("value", "on"))
                return
            self.values[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.choices.setdefault(name, [])
            if "multiple" in attrs:
                self.lists.setdefault(name, [])
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            self.choices[self._select].append(value)
            if "selected" in attrs:
                if self._select in self.lists:
                    self.lists[self._select].append(value)
                else:
                    self.values[self._select] = value
            elif self._select not in self.values and self._select not in self.lists:
                self.values[self._select] = value  # a browser sends the first option

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            # A browser drops the newline that follows <textarea>.
            text = self.values[self._textarea] + data
            self.values[self._textarea] = text.removeprefix("\n")

    def data(self):
        return [*self.values.items(), *((k, v) for k, vs in self.lists.items() for v in vs)]


STATIC_REFERENCE = re.compile(r"""/static/[^"'\s)<>\\]+""")
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")


def static_references(text):
    """Every static file a page or a stylesheet names (attributes, JSON data, url())."""
    return set(STATIC_REFERENCE.findall(text.replace("\\/", "/")))
