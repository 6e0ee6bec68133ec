"""The map of places, as a reader uses it."""

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from places.models import Place
from tests.factories import make_category, make_place, make_section
from tests.helpers import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def places():
    health = make_category(slug="sante", name_fr="Santé", name_en="Health")
    food = make_category(slug="alimentation", name_fr="Alimentation", name_en="Food")
    make_place(name_fr="CHU", category=health)
    make_place(name_fr="Centre Paul-Suss", category=health, latitude="45.76", longitude="3.10")
    make_place(name_fr="PASS", category=health, latitude=None, longitude=None)
    make_place(name_fr="Restos du Cœur", category=food, latitude="45.80", longitude="3.11")


def test_map_shows_a_marker_per_located_feature_of_the_geojson(page, live_server, places):
    geojson = json.loads(page.request.get(f"{live_server.url}/fr/places/places.geojson").body())
    located = [f for f in geojson["features"] if f["geometry"]]
    page.goto(f"{live_server.url}/fr/places/")
    markers = page.locator(".leaflet-marker-icon")
    expect(markers).to_have_count(len(located))
    assert len(located) == 3


def test_choosing_a_category_filters_markers_and_list_and_the_url(page, live_server, places):
    page.goto(f"{live_server.url}/fr/places/")
    page.get_by_role("checkbox", name="Alimentation").check()
    page.get_by_role("button", name="Afficher").click()
    page.wait_for_url(f"{live_server.url}/fr/places/?category=alimentation")
    expect(page.locator(".leaflet-marker-icon")).to_have_count(1)
    expect(page.locator("#place-list .place-name")).to_have_text(["Restos du Cœur"])
    page.locator(".leaflet-marker-icon").click()
    expect(page.locator(".leaflet-popup")).to_contain_text("Restos du Cœur")


def test_place_list_works_without_javascript(browser, live_server, places):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/places/")
    expect(page.locator(".map")).to_be_hidden()
    page.get_by_role("checkbox", name="Health").check()
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#place-list .place-name")).to_have_text(
        ["CHU", "Centre Paul-Suss", "PASS"]
    )
    page.get_by_role("link", name="PASS").click()
    expect(page.locator("h1")).to_have_text("PASS")
    context.close()


@pytest.mark.real_tiles
def test_only_the_tile_server_is_contacted(watched_page, live_server, places):
    watched_page.goto(f"{live_server.url}/fr/places/")
    expect(watched_page.locator(".leaflet-marker-icon")).to_have_count(3)
    hosts = {urlsplit(url).hostname for url in watched_page.foreign_requests}
    assert hosts == {"tile.openstreetmap.org"}


def test_section_map_loads_only_when_the_reader_asks(page, live_server, places):
    section = make_section(places=list(Place.objects.all()))
    leaflet_requests = []
    page.on("request", lambda r: "leaflet" in r.url and leaflet_requests.append(r.url))
    page.goto(f"{live_server.url}/fr/guide/{section.theme.slug}/{section.slug}/")
    button = page.get_by_role("button", name="Afficher la carte")
    expect(button).to_be_visible()
    assert leaflet_requests == []
    button.click()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(3)
    assert any(re.search(r"/leaflet\.[0-9a-f]{12}\.js$", url) for url in leaflet_requests)


def test_places_on_one_point_gather_and_spread_when_tapped(page, live_server, places):
    health = Place.objects.get(name_fr="CHU").category
    # Two services in the hospital's building: the same coordinates as the CHU.
    make_place(name_fr="PASS du CHU", category=health)
    make_place(name_fr="Admissions", category=health)
    page.goto(f"{live_server.url}/en/places/")
    cluster = page.locator(".map-cluster")
    expect(cluster).to_have_count(1)
    expect(cluster).to_have_accessible_name("Places here: 3. Open to see them.")
    expect(page.locator(".map-marker")).to_have_count(2)  # Paul-Suss and the Restos
    cluster.click()
    # All three on one point: the cluster spreads them out instead of zooming for ever.
    expect(page.locator(".map-marker")).to_have_count(5)
    page.get_by_role("button", name="PASS du CHU").click()
    expect(page.locator(".leaflet-popup")).to_contain_text("PASS du CHU")


def test_markers_wear_their_category_colour_and_pictogram(page, live_server, places):
    Place.objects.filter(name_fr="Restos du Cœur").update(precision=Place.Precision.APPROX)
    page.goto(f"{live_server.url}/en/places/")
    restos = page.get_by_role("button", name="Restos du Cœur")
    pin = restos.locator(".map-pin")
    food = Place.objects.get(name_fr="Restos du Cœur").category
    red, green, blue = (int(food.colour[i : i + 2], 16) for i in (1, 3, 5))
    expect(pin).to_have_css("background-color", f"rgb({red}, {green}, {blue})")
    expect(pin).to_have_class(re.compile(r"map-pin-approx"))
    expect(pin.locator("img")).to_have_attribute("src", re.compile(r"/pictograms/.+\.svg$"))
    restos.click()
    expect(page.locator(".leaflet-popup")).to_contain_text(
        "Position: near the address, not at the door."
    )


def test_map_with_markers_and_clusters_has_no_accessibility_violation(
    watched_page, live_server, places
):
    make_place(name_fr="PASS du CHU", category=Place.objects.get(name_fr="CHU").category)
    watched_page.goto(f"{live_server.url}/ar/places/")
    expect(watched_page.locator(".map-cluster")).to_have_count(1)
    assert axe_violations(watched_page) == []
    assert watched_page.console_errors == []


def test_partners_copy_the_iframe_code_and_see_the_map_it_shows(page, live_server, places):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{live_server.url}/en/places/partners/")
    page.get_by_role("checkbox", name="Food").check()
    page.get_by_role("button", name="Make the link").click()
    copy = page.locator(".copy[data-copy=partner-iframe] button")
    copy.click()
    expect(page.locator(".copy[data-copy=partner-iframe] [role=status]")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(
        f'<iframe src="{live_server.url}/en/places/embed/?category=alimentation"'
    )
    preview = page.frame_locator(".partner-preview")
    expect(preview.locator(".leaflet-marker-icon")).to_have_count(1)  # the Restos du Cœur
