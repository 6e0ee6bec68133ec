"""
The production tier: the demo site as `make serve` serves it, crawled as readers, partners and
staff use it. No 5xx, no missing static file, no broken image, on SQLite and on PostgreSQL.
"""

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings

from tests.system.production import CSS_URL, Client, Form, static_references

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# One production site for the run: its tests go to the same test process.
pytestmark = pytest.mark.xdist_group("production_site")


def _path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _sitemap_paths(client):
    reply = client.get("/sitemap.xml")
    assert reply.status == 200
    root = ET.fromstring(reply.body)
    paths = {_path(loc.text) for loc in root.iter(f"{SITEMAP}loc")}
    paths |= {_path(link.get("href")) for link in root.iter(f"{XHTML}link")}
    return paths


def _links(html, prefix):
    return {href for href in re.findall(r'href="([^"#]+)', html) if href.startswith(prefix)}


@pytest.fixture(scope="module")
def pages(production_site):
    """Every page of the sitemap, fetched once: path → reply."""
    client = Client(production_site.url)
    replies = {}
    for path in sorted(_sitemap_paths(client)):
        reply = client.get(path)
        if path.split("/")[1] not in LANGUAGE_CODES:
            # x-default alternates have no language prefix: they redirect to the reader's.
            assert reply.status == 302 and reply.location.startswith("/fr/"), path
            reply = client.get(reply.location)
        replies[path] = reply
    return replies


def test_sitemap_lists_every_page_type_in_every_language(pages):
    for code in LANGUAGE_CODES:
        prefix = f"/{code}/"
        for page in ("", "guide/print/", "places/", "mentoring/", "routes/", "places/partners/"):
            assert any(path.startswith(prefix + page) for path in pages), prefix + page
        assert sum(path.startswith(f"{prefix}guide/") for path in pages) > 40
        assert sum(path.startswith(f"{prefix}places/") for path in pages) > 30


def test_every_sitemap_page_answers_with_one_h1(pages):
    failures = [
        f"{path}: {reply.status}"
        for path, reply in pages.items()
        if reply.status != 200 or reply.text.count("<h1") != 1
    ]
    assert not failures


def test_every_static_file_a_page_names_is_served(production_site, pages):
    client = Client(production_site.url)
    wanted = defaultdict(set)
    for path, reply in pages.items():
        for reference in static_references(reply.text):
            wanted[reference].add(path)
    assert any(".css" in reference for reference in wanted)
    missing = []
    seen = set()
    while wanted:
        reference, named_by = wanted.popitem()
        seen.add(reference)
        reply = client.get(reference)
        if reply.status != 200:
            missing.append(f"{reference} ({reply.status}), named by {sorted(named_by)[:3]}")
            continue
        if reference.endswith(".css"):
            # What a stylesheet names, the browser fetches too (fonts, images, other sheets).
            for url in CSS_URL.findall(reply.text):
                if not url.startswith(("data:", "#", "http:", "https:")):
                    target = urljoin(reference, url).split("#")[0].split("?")[0]
                    if target not in seen:
                        wanted[target].add(reference)
    assert not missing
    assert not any(re.search(r"/static/[^\s]*[^.]\.(css|js)$", s) for s in seen if ".." in s)


def test_static_files_have_hashed_names_and_are_cached_forever(production_site, pages):
    home = pages["/fr/"].text
    stylesheet = re.search(r'href="(/static/common/site\.[0-9a-f]{12}\.css)"', home).group(1)
    reply = Client(production_site.url).get(stylesheet, headers={"Accept-Encoding": "gzip"})
    assert reply.headers["Content-Encoding"] == "gzip"
    assert "immutable" in reply.headers["Cache-Control"]


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_pages_only_a_form_or_a_link_reaches(production_site, code):
    client = Client(production_site.url)
    expected = {
        f"/{code}/feedback/": 200,
        f"/{code}/feedback/thanks/": 200,
        f"/{code}/mentoring/thanks/": 200,
        f"/{code}/search/?q=m%C3%A9decin": 200,
        f"/{code}/search/?q=zzzzqqq": 200,
        f"/{code}/search/?q=": 200,
        f"/{code}/places/embed/?category=health": 200,
        f"/{code}/places/places.geojson": 200,
        f"/{code}/places/partners/qr.svg?category=health": 200,
        f"/{code}/routes/rallye-integration/embed/": 200,
        f"/{code}/no-such-page/": 404,
        f"/{code}/places/no-such-place/": 404,
    }
    answered = {path: client.get(path).status for path in expected}
    assert answered == expected
    search = client.get(f"/{code}/search/?q=CAF").text
    assert "/places/" in search or "/guide/" in search


def _submit(client, page_path, fill=None, **wanted):
    page = client.get(page_path)
    assert page.status == 200, page_path
    form = Form.first(page.text, method="post", **wanted)
    for name, offered in form.choices.items():
        if name not in form.lists and name not in form.values and offered:
            form.lists[name] = [offered[0]]  # answer every choice with its first option
    form.values.update(fill or {})
    action = urljoin(page_path, form.action or page_path)
    return client.post(action, form.data())


def test_each_public_form_submits_once(production_site):
    client = Client(production_site.url)
    reply = _submit(client, "/fr-falc/feedback/", action="")
    assert (reply.status, reply.location) == (302, "/fr-falc/feedback/thanks/"), reply.text[:300]
    assert client.get(reply.location).status == 200

    section = "/en/guide/urgences/numeros-urgence/"
    reply = _submit(client, section, fill={"useful": "no"}, action="/feedback/page/")
    assert reply.status == 302 and reply.location.startswith(section), reply.status

    reply = _submit(
        Client(production_site.url, source_address=("127.0.0.3", 0)),
        "/fr/mentoring/",
        fill={
            "first_name": "Amina",
            "email": "amina@example.org",
            "languages": "arabe, français",
        },
    )
    assert (reply.status, reply.location) == (302, "/fr/mentoring/thanks/"), reply.text[:300]
    assert (
        "Amina"
        in Client(production_site.url)
        .log_in("admin")
        .get("/admin/mentoring/mentoringrequest/")
        .text
    )


def _admin_urls(client):
    """Every admin page a user can reach from the index: lists, searches, filters, forms."""
    index = client.get("/admin/")
    assert index.status == 200
    lists = sorted(
        href
        for href in _links(index.text, "/admin/")
        if re.fullmatch(r"/admin/\w+/\w+/", href) and "/auth/" not in href
    )
    urls = []
    for changelist in lists:
        page = client.get(changelist)
        urls.append((changelist, page))
        html = page.text
        if 'id="searchbar"' in html:
            urls.append((changelist + "?q=a", None))
        filters = html.split('id="changelist-filter"', 1)[1] if "changelist-filter" in html else ""
        urls += [
            (changelist + href, None) for href in set(re.findall(r'href="(\?[^"]+)"', filters))
        ]
        objects = [h for h in _links(html, changelist) if re.search(r"/\d+/change/$", h)]
        urls += [(href, None) for href in sorted(objects)[:2]]
        # What the list page offers besides: add, export, import, results, report…
        urls += [
            (href, None)
            for href in _links(html, changelist)
            if not re.search(r"/\d+/", href) and href != changelist
        ]
    return urls


@pytest.mark.parametrize("username", ["admin", "editrice"])
def test_staff_open_every_admin_page(production_site, username):
    client = Client(production_site.url).log_in(username)
    failures = []
    visited = set()
    for url, reply in _admin_urls(client):
        url = url.replace("&amp;", "&")
        if url in visited:
            continue
        visited.add(url)
        reply = reply or client.get(url)
        if reply.status >= 400 and not (reply.status == 403 and username == "editrice"):
            failures.append(f"{url}: {reply.status}")
        if url.endswith("/change/") or url.endswith("/add/"):
            # Each form page's own links: results, inline « edit the choices », history…
            for href in _links(reply.text, "/admin/"):
                if re.search(r"/(results|history|choices)/|/question/\d+/change/$", href):
                    status = client.get(href).status
                    if status >= 400:
                        failures.append(f"{href} (from {url}): {status}")
    assert len(visited) > 40
    assert not failures
    assert not production_site.errors_logged()


def test_an_editor_works_on_routes_the_questionnaire_and_its_results(production_site):
    client = Client(production_site.url).log_in("editrice")
    questionnaire = client.get("/admin/feedback/questionnaire/")
    assert questionnaire.status == 200
    results = re.search(r'href="(/admin/feedback/questionnaire/\d+/results/)"', questionnaire.text)
    for path in (
        "/admin/routes/route/",
        "/admin/routes/route/add/",
        "/admin/feedback/questionnaire/add/",
        results.group(1),
        "/admin/feedback/pagefeedback/report/",
        "/admin/places/category/?q=sant%C3%A9",
        "/admin/places/place/?q=rue",
    ):
        assert client.get(path).status == 200, path
    # Personal data stays with the mentoring coordinators.
    assert client.get("/admin/mentoring/mentoringrequest/").status == 403
    assert "mentoringrequest" not in client.get("/admin/").text


@pytest.mark.browser
@pytest.mark.parametrize("code", ["fr", "en", "fr-falc"])
def test_maps_have_no_broken_image_in_chromium(production_site, page, code):
    failed = []
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
    for path in (
        f"/{code}/places/",
        f"/{code}/places/embed/?category=health",
        f"/{code}/routes/rallye-integration/",
    ):
        page.goto(production_site.url + path)
        page.wait_for_selector(".leaflet-marker-icon")
        page.wait_for_load_state("networkidle")
        broken = page.eval_on_selector_all(
            "img", "images => images.filter(i => !i.complete || !i.naturalWidth).map(i => i.src)"
        )
        assert not broken, path
        icons = page.eval_on_selector_all(".leaflet-marker-icon", "icons => icons.length")
        assert icons > 1, path
    assert not failed


SLUG = "appeler-le-115"
RECORD = """
from django.core.files.base import ContentFile
from guide.models import Recording, Section
from tests.helpers import wav
from django.utils import translation
section = Section.objects.get(slug="{slug}")
recording = Recording(section=section, language="fr")
recording.file.save("lecture.wav", ContentFile(wav()), save=True)
with translation.override("fr"):
    print(recording.file.name, section.get_absolute_url())
"""


@pytest.mark.browser
def test_a_recording_plays_with_byte_ranges_and_is_kept_by_the_phone(production_site, page):
    output = production_site.manage("shell", "--no-imports", input=RECORD.format(slug=SLUG))
    name, section_path = output.stdout.split()
    media = f"/media/{name}"
    replies = []
    page.on("response", lambda r: r.url.endswith(media) and replies.append(r))
    client = Client(production_site.url)
    page.goto(production_site.url + section_path)
    audio = page.locator("audio")
    assert audio.get_attribute("src") == media
    page.locator("audio").evaluate("audio => audio.play()")
    for _ in range(100):
        if page.evaluate("document.querySelector('audio').currentTime > 0.2"):
            break
        page.wait_for_timeout(50)
    assert page.evaluate("document.querySelector('audio').currentTime > 0.2")
    assert 206 in {reply.status for reply in replies}
    part = client.get(media, headers={"Range": "bytes=0-99"})
    assert part.status == 206 and len(part.body) == 100
    assert part.headers["Content-Range"].startswith("bytes 0-99/")
    assert "max-age=604800" in part.headers["Cache-Control"]
    assert client.get(media, headers={"If-None-Match": part.headers["ETag"]}).status == 304
