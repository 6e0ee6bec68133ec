"""Discovery routes: stops in order, on the map and in the list, embeddable."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from routes.models import Route, RouteStop
from tests.factories import make_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def route():
    route = Route.objects.create(slug="balade", title_fr="Balade", title_en="Walk", published=True)
    coordinates = [("45.7772", "3.0870"), ("45.7800", "3.0900"), ("45.7760", "3.1000")]
    for order, (lat, lon) in enumerate(coordinates, start=1):
        RouteStop.objects.create(
            route=route,
            order=order,
            place=make_place(name_fr=f"Étape {order}", latitude=lat, longitude=lon),
            text_fr=f"Texte {order}",
            to_next_fr="À pied." if order < 3 else "",
        )
    return route


def test_route_page_lists_the_stops_in_order(client, route):
    html = client.get("/fr/routes/balade/").content.decode()
    positions = [html.index(f"Étape {n}</a>") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    markers = json.loads(
        re.search(r'<script id="markers-route" type="application/json">(.*?)</script>', html)[1]
    )
    assert [m["name"] for m in markers] == ["1. Étape 1", "2. Étape 2", "3. Étape 3"]
    assert '"line": true' in html
    assert html.count('class="route-sketch"') == 3
    # Coordinates stay numbers for SVG, even where French writes decimals with a comma.
    circles = re.findall(r'<circle cx="([^"]+)" cy="([^"]+)"', html)
    assert len(circles) == 3 and all(re.fullmatch(r"[\d.]+", c) for xy in circles for c in xy)
    assert len(set(circles)) == 3
    assert "(environ 0,4 km, 5 min à pied)" in html


def test_route_embed_may_be_framed(client, route):
    response = client.get("/en/routes/balade/embed/")
    assert response.status_code == 200
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response


def test_unpublished_or_unknown_route_is_not_found(client, route):
    Route.objects.filter(pk=route.pk).update(published=False)
    assert client.get("/fr/routes/balade/").status_code == 404
    assert client.get("/fr/routes/nope/").status_code == 404


def test_demo_route_follows_the_first_rally(client):
    call_command("load_demo", stdout=StringIO())
    route = Route.objects.get(slug="rallye-integration")
    assert [stop.place.slug for stop in route.stops.all()] == [
        "office-de-tourisme",
        "universite-clermont-auvergne",
        "mediatheque-jaude",
        "cpam",
    ]
    home = client.get("/fr/").content.decode()
    assert 'href="/fr/routes/rallye-integration/"' in home
    assert 'href="/fr/mentoring/"' in home
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/routes/rallye-integration/" in sitemap and "/fr-falc/mentoring/" in sitemap


def test_route_page_marks_what_falls_back_to_french(client, route):
    route.introduction_fr = "Une promenade en ville."
    route.save()
    html = client.get("/en/routes/balade/").content.decode()
    assert "<h1>Walk</h1>" in html
    assert '<p class="lead" lang="fr">Une promenade en ville.</p>' in html
    assert '<p lang="fr">Texte 1</p>' in html
    assert '<span lang="fr">À pied.</span>' in html
    assert "This page is not translated into English yet. Here it is in French." in html
