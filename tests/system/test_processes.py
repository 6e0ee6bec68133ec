"""
Several worker processes, one site: what staff change through one worker is what every worker
serves at its next request, and a reader's submission limit is the same whichever answers.
"""

import http.client
import re
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.system.production import Client, Form, Reply

# One production site for the run: its tests go to the same test process.
pytestmark = pytest.mark.xdist_group("production_site")

THEME = "/fr/guide/logement/"


def _open_connections(site, count, source_address=None):
    """Connections opened before any request is sent, so that different workers take them.

    A worker serves one connection at a time: requests sent one after the other on new
    connections are mostly answered by whichever worker is free first.
    """
    connections = [
        http.client.HTTPConnection("127.0.0.1", site.port, source_address=source_address)
        for _n in range(count)
    ]
    for connection in connections:
        connection.connect()
    time.sleep(0.3)  # not a measurement: lets each idle worker accept a connection
    return connections


def _send(connection, method, path, data=None):
    headers = {"Accept-Language": "fr"}
    body = None
    if data is not None:
        body = urllib.parse.urlencode(data, doseq=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return Reply(response, response.read())
    finally:
        connection.close()


def _fetch_all(site, path, count=6):
    """GET `path` on `count` connections at once."""
    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(lambda c: _send(c, "GET", path), _open_connections(site, count)))


def _titles(replies):
    return [re.search(r"<h1[^>]*>(?:<img[^>]*>)?([^<]*)</h1>", r.text).group(1) for r in replies]


def _fetch_from_several_workers(site, path):
    """GET `path` in rounds until at least two workers have answered (at most ten rounds)."""
    start = site.access_log_length()
    replies = []
    for _round in range(10):
        replies += _fetch_all(site, path)
        if len(site.workers_that_served(path, start)) >= 2 and len(replies) >= 12:
            return replies
    raise AssertionError(f"one worker answered all {len(replies)} requests")


def _change_theme_title_in_admin(site, title):
    staff = Client(site.url).log_in("editrice")
    changelist = staff.get("/admin/guide/theme/?q=logement").text
    change = re.search(r'href="(/admin/guide/theme/\d+/change/)', changelist).group(1)
    form = Form.first(staff.get(change).text, method="post", id="theme_form")
    form.values["title_fr"] = title
    reply = staff.post(change, form.data())
    assert reply.status == 302, reply.text[:2000]


def test_a_theme_renamed_in_the_admin_is_renamed_for_every_worker(production_site):
    before = _fetch_from_several_workers(production_site, THEME)
    assert set(_titles(before)) == {"Logement et hébergement"}
    _change_theme_title_in_admin(production_site, "Trouver un logement")
    replies = _fetch_from_several_workers(production_site, THEME)
    assert set(_titles(replies)) == {"Trouver un logement"}, "a worker served the old title"


def test_a_change_made_outside_the_workers_reaches_every_one(production_site):
    path = "/en/places/"
    _fetch_from_several_workers(production_site, path)
    production_site.manage(
        "shell",
        "--no-imports",
        "-c",
        "from places.models import Place\n"
        "place = Place.objects.get(slug='caf')\n"
        "place.name_en = 'Family allowance fund (CAF)'\n"
        "place.save()",
    )
    replies = _fetch_from_several_workers(production_site, path)
    assert all("Family allowance fund (CAF)" in reply.text for reply in replies)


def test_the_submission_limit_holds_across_workers(production_site):
    """MENTORING_RATE_LIMIT is 4 for this site: the fifth request, whoever answers, waits."""
    reader = Client(production_site.url, source_address=("127.0.0.4", 0))
    page = reader.get("/en/mentoring/")
    form = Form.first(page.text, method="post")
    form.values.update(first_name="Nadia", email="nadia@example.org", languages="English")
    form.lists.update(kind=["mentor"], consent=["on"])
    start = production_site.access_log_length()
    connections = _open_connections(production_site, 7, ("127.0.0.4", 0))
    statuses = [_send(c, "POST", "/en/mentoring/", form.data()).status for c in connections]
    assert statuses == [302, 302, 302, 302, 429, 429, 429]
    posts = production_site.access_log.read_text().splitlines()[start:]
    assert len({line.split()[0] for line in posts if " POST " in line}) >= 2
    # Another reader, at another address, is not held back.
    other = Client(production_site.url, source_address=("127.0.0.5", 0))
    assert other.post("/en/mentoring/", form.data()).status == 302
