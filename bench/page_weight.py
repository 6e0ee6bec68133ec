"""
Print the weight (gzip, with the page's CSS and JS) and the SQL query count of each page type,
measured on the demo content in a throwaway SQLite database.

    .venv/bin/python bench/page_weight.py
"""

import gzip
import os
import re
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{database}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from guide.models import Section, Theme  # noqa: E402
from places.models import Place  # noqa: E402


def weigh(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers={"host": "localhost"})
    assert response.status_code == 200, (url, response.status_code)
    html = response.content
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    asset_bytes = 0
    for asset in assets:
        with open(finders.find(asset.decode()), "rb") as file:
            asset_bytes += len(gzip.compress(file.read()))
    return len(html), len(gzip.compress(html)), asset_bytes, len(queries)


def main():
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    client = Client()
    theme = Theme.objects.get(slug="sante")
    sections = list(Section.objects.select_related("theme"))
    pages = {
        "home": "/{lang}/",
        "theme": f"/{{lang}}/guide/{theme.slug}/",
        # The longest section in each language (as readers get it: French where untranslated).
        "section (the longest in the language)": "longest",
        "print (whole guide)": "/{lang}/guide/print/",
        "search": "/{lang}/search/?q=m%C3%A9decin",
        "search, no result": "/{lang}/search/?q=zzzz",
        "places list": "/{lang}/places/",
        "place": f"/{{lang}}/places/{Place.objects.first().slug}/",
        "place with a course": "/{lang}/places/ofii/",
        "place with an event": "/{lang}/places/cecler/",
        "French courses": "/{lang}/courses/",
        "French courses, free beginners": "/{lang}/courses/?level=a1&cost=free",
        "events": "/{lang}/events/",
        "event (repeating)": "/{lang}/events/reunion-information-cir/",
    }
    header = ("page", "lang", "html", "html.gz", "+css/js", "total.gz", "SQL")
    print("{:44} {:8} {:>8} {:>8} {:>8} {:>9} {:>4}".format(*header))
    for name, pattern in pages.items():
        for lang in (code for code, _name in settings.LANGUAGES):
            url = pattern.format(lang=lang)
            if pattern == "longest":
                field = "body_" + lang.replace("-", "_")
                section = max(sections, key=lambda s: len(getattr(s, field) or s.body_fr))
                url = f"/{lang}/guide/{section.theme.slug}/{section.slug}/"
            raw, compressed, assets, queries = weigh(client, url)
            print(
                f"{name:44} {lang:8} {raw:8} {compressed:8} {assets:8} "
                f"{compressed + assets:9} {queries:4}"
            )


if __name__ == "__main__":
    main()
