"""A place's address reads the same on every page that prints it: "street, 63000 City"."""

import json
import re

import pytest

from routes.models import Route, RouteStop
from tests.factories import make_place, make_section

pytestmark = pytest.mark.django_db

ADDRESS = "12 rue Montlosier, 63000 Clermont-Ferrand"


@pytest.mark.parametrize(
    ("street", "postcode", "city", "expected"),
    [
        ("12 rue Montlosier", "63000", "Clermont-Ferrand", ADDRESS),
        ("12 rue Montlosier", "", "Clermont-Ferrand", "12 rue Montlosier, Clermont-Ferrand"),
        ("12 rue Montlosier", "63000", "", "12 rue Montlosier, 63000"),
        ("", "63000", "Clermont-Ferrand", ""),
    ],
)
def test_full_address_joins_what_is_known(street, postcode, city, expected):
    place = make_place(address=street, postcode=postcode, city=city)
    assert place.full_address == expected


def test_every_page_prints_the_same_address(client):
    place = make_place(slug="cmp")
    section = make_section(places=[place])
    route = Route.objects.create(slug="tour", title_fr="Tour", published=True)
    RouteStop.objects.create(route=route, order=1, place=place, text_fr="Ici.")
    pages = {
        "place": place.get_absolute_url(),
        "list": "/fr/places/",
        "embed": "/fr/places/embed/",
        "section": section.get_absolute_url(),
        "print": "/fr/guide/print/",
        "route": "/fr/routes/tour/",
        "route embed": "/fr/routes/tour/embed/",
    }
    for name, url in pages.items():
        html = client.get(url).content.decode()
        assert ADDRESS in html, name
    markers = re.search(
        r'<script id="markers-places" type="application/json">(.*?)</script>',
        client.get("/fr/places/").content.decode(),
    )
    assert [m["address"] for m in json.loads(markers[1])] == [ADDRESS]


def test_a_place_without_a_street_prints_no_address(client):
    place = make_place(address="")
    html = client.get(place.get_absolute_url()).content.decode()
    assert "Clermont-Ferrand</dd>" not in html and ">Adresse<" not in html
