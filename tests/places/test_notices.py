"""Notices: a closure, a move, a new service, on the place and the home page while they last."""

import datetime
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
import time_machine

from places.models import Notice
from tests.factories import make_place

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def at(*args):
    return datetime.datetime(*args, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.fixture
def closure():
    place = make_place(name_en="Health centre")
    notice = Notice.objects.create(
        title_fr="Fermé pour travaux",
        title_en="Closed for works",
        text_fr="Le centre rouvre le 2 janvier.",
        starts=datetime.date(2026, 12, 22),
        ends=datetime.date(2026, 12, 31),
    )
    notice.places.add(place)
    return notice


def test_a_notice_shows_on_its_place_and_the_home_page_while_it_lasts(client, closure):
    place = closure.places.get()
    with time_machine.travel(at(2026, 12, 21, 23, 0), tick=False):
        assert "Closed for works" not in client.get("/en/").content.decode()
    with time_machine.travel(at(2026, 12, 22, 9, 0), tick=False):
        home = client.get("/en/").content.decode()
        page = client.get(f"/en/places/{place.slug}/").content.decode()
    assert "Closed for works" in home and f'href="/en/places/{place.slug}/"' in home
    assert "Closed for works" in page
    # Not translated into English: the French text, marked as such.
    assert '<p lang="fr">Le centre rouvre le 2 janvier.</p>' in page
    with time_machine.travel(at(2027, 1, 1, 0, 1), tick=False):
        assert "Closed for works" not in client.get("/en/").content.decode()


def test_the_home_page_cache_ends_with_the_day(client, closure):
    with time_machine.travel(at(2026, 12, 31, 23, 59), tick=False):
        response = client.get("/fr/")
        assert "Fermé pour travaux" in response.content.decode()
        assert response.fresh_until == at(2027, 1, 1, 0, 0)
        assert "Fermé pour travaux" in client.get("/fr/").content.decode()  # from the cache
    with time_machine.travel(at(2027, 1, 1, 0, 0, 30), tick=False):
        assert "Fermé pour travaux" not in client.get("/fr/").content.decode()


def test_partners_follow_the_notices_as_an_atom_feed(client, closure):
    Notice.objects.create(
        title_fr="Nouveau : permanence juridique", starts=datetime.date(2026, 12, 1)
    )
    Notice.objects.create(
        title_fr="Ancien", starts=datetime.date(2026, 1, 1), ends=datetime.date(2026, 1, 2)
    )
    with time_machine.travel(at(2026, 12, 10, 9, 0), tick=False):
        response = client.get("/en/places/notices.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles == ["Closed for works", "Nouveau : permanence juridique"]  # not the old one
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == 2
    place = closure.places.get()
    assert f"/en/places/{place.slug}/#notice-{closure.pk}" in ids[0]
