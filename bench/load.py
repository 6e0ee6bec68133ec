"""
Load test of the production-like server: `make bench` runs it on a throwaway PostgreSQL.

Loads the demo content and ten times more sections and places, starts gunicorn with production
settings, and for each page type runs wrk from this second process, then the same server
serving a static file of the same size. Prints a Markdown table (requests/s, p50, p99, errors,
ratio page/static). Figures, not assertions: the tests assert behaviour.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import urlopen

BASE_DIR = Path(__file__).resolve().parent.parent
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="bienvenue-bench-static-"))
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "32")

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "welcome.settings",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_DEBUG": "false",
    "DJANGO_HTTPS": "false",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_STATIC_ROOT": str(STATIC_ROOT),
    # The default cache (files shared by the workers), in a folder of this run.
    "DJANGO_CACHE_DIR": tempfile.mkdtemp(prefix="bienvenue-bench-cache-"),
    "DATABASE_CONN_MAX_AGE": "60",
    # The load comes from one address: lift the per-client limit for the questionnaire run.
    "FEEDBACK_RATE_LIMIT": str(10**9),
}
os.environ.update(ENV)
sys.path.insert(0, str(BASE_DIR))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench.content import load_demo_times  # noqa: E402
from feedback.models import Question, Questionnaire  # noqa: E402
from guide.models import Section  # noqa: E402
from places.models import Place  # noqa: E402


def questionnaire_body():
    questionnaire = Questionnaire.objects.active().get()
    data = {}
    for question in questionnaire.questions.all():
        if question.kind == Question.Kind.SCALE:
            data[f"q{question.pk}"] = 4
        elif question.kind == Question.Kind.YES_NO:
            data[f"q{question.pk}"] = "yes"
        elif question.kind == Question.Kind.TEXT:
            data[f"q{question.pk}"] = "Merci pour ce guide."
    return urlencode(data)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(url, script=None, headers=(), connections=CONNECTIONS):
    threads = min(2, int(connections))
    argv = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{DURATION}", "--latency"]
    for header in headers:
        argv += ["-H", header]
    if script:
        argv += ["-s", script]
    out = subprocess.run([*argv, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    p50 = re.search(r"50%\s+([\d.]+\w+)", out)[1]
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)[1]
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(match[1])
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    ):
        errors += sum(int(n) for n in match.groups())
    return rps, p50, p99, errors


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (make bench installs it with apt-get when run as root).")
    if connection.vendor != "postgresql":
        sys.exit("Run through `make bench`: it starts a throwaway PostgreSQL.")
    load_demo_times(10)
    section = Section.objects.filter(slug="soins-sans-couverture").first()
    place = Place.objects.get(slug="chu-gabriel-montpied")
    pages = {
        "home": "/fr/",
        "section": f"/fr/guide/{section.theme.slug}/{section.slug}/",
        "map": "/fr/places/",
        "place": f"/fr/places/{place.slug}/",
        "GeoJSON": "/fr/places/places.geojson",
    }
    counts = f"{Section.objects.count()} sections, {Place.objects.count()} places"

    # A static file of each page's size, for WhiteNoise to serve beside the pages.
    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client()
    sizes = {}
    for name, path in pages.items():
        sizes[name] = len(client.get(path, headers={"host": "127.0.0.1"}).content)
        (STATIC_ROOT / f"bench-{name}.html").write_bytes(b"x" * sizes[name])
    body = questionnaire_body()
    script = Path(tempfile.mkdtemp()) / "post.lua"
    script.write_text(
        'wrk.method = "POST"\n'
        f'wrk.body = "{body}"\n'
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
    )
    connection.close()

    port = free_port()
    workers = str(2 * (os.cpu_count() or 1) + 1)
    server = subprocess.Popen(
        [
            str(BASE_DIR / ".venv/bin/gunicorn"),
            "welcome.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            workers,
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=ENV,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urlopen(base + "/healthz", timeout=1)  # noqa: S310 (our own server)
                break
            except OSError:
                time.sleep(0.2)
        for path in pages.values():  # fill the page cache, which every worker shares
            urlopen(base + path)  # noqa: S310
        rows = []
        for name, path in pages.items():
            page = wrk(base + path)
            static = wrk(f"{base}/static/bench-{name}.html")
            rows.append((f"{name} (cached)", sizes[name], page, static))
        # Staff have a session cookie: their pages bypass the cache, which measures rendering.
        uncached = wrk(base + pages["section"], headers=["Cookie: sessionid=bench"])
        rows.append(("section (uncached)", sizes["section"], uncached, None))
        alone = wrk(base + pages["section"], headers=["Cookie: sessionid=bench"], connections=1)
        rows.append(("section (uncached, 1 connection)", sizes["section"], alone, None))
        post = wrk(base + "/fr/feedback/", script=str(script))
        rows.append(("questionnaire POST", len(body), post, None))
    finally:
        server.terminate()
        server.wait()

    print(f"\n{counts}; gunicorn {workers} workers; wrk -t2 -c{CONNECTIONS} -d{DURATION}\n")
    print("| page | bytes | req/s | p50 | p99 | errors | static req/s | page/static |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, size, (rps, p50, p99, errors), static in rows:
        ratio = f"{rps / static[0]:.2f}" if static else "–"
        static_rps = f"{static[0]:.0f}" if static else "–"
        print(
            f"| {name} | {size} | {rps:.0f} | {p50} | {p99} | {errors} | {static_rps} | {ratio} |"
        )


if __name__ == "__main__":
    main()
