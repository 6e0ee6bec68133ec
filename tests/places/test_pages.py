"""The places: map page and list, place page, embed, GeoJSON for partners, budgets."""

import json
import re

import pytest
from django.core.exceptions import ValidationError

from places.models import Place
from tests.factories import make_category, make_course, make_event, make_place, make_section

pytestmark = pytest.mark.django_db


def _markers(html):
    data = re.search(r'<script id="markers-places" type="application/json">(.*?)</script>', html)
    return json.loads(data[1])


@pytest.fixture
def places():
    health = make_category(slug="sante", name_fr="Santé", name_en="Health")
    food = make_category(slug="alimentation", name_fr="Alimentation", name_en="Food")
    return {
        "chu": make_place(slug="chu", name_fr="CHU", category=health),
        "pass": make_place(
            slug="pass", name_fr="PASS", category=health, latitude=None, longitude=None
        ),
        "restos": make_place(
            slug="restos",
            name_fr="Restos du Cœur",
            category=food,
            latitude="45.8",
            longitude="3.11",
        ),
        "hidden": make_place(slug="hidden", name_fr="Caché", category=food, published=False),
    }


def test_map_page_lists_every_published_place_grouped_by_category(client, places):
    html = client.get("/en/places/").content.decode()
    assert '<h2 id="category-sante">Health</h2>' in html
    for name in ("CHU", "PASS", "Restos du Cœur"):
        assert name in html
    assert "Caché" not in html
    assert {m["name"] for m in _markers(html)} == {"CHU", "Restos du Cœur"}
    # The PASS has an address but no position yet: the list says so, beside the place.
    assert "Not on the map yet: its address still has to be placed." in html


def test_category_filter_lives_in_the_url(client, places):
    html = client.get("/fr/places/?category=alimentation").content.decode()
    assert {m["name"] for m in _markers(html)} == {"Restos du Cœur"}
    assert "CHU" not in html.split('id="place-list"')[1]
    assert 'value="alimentation" checked' in html
    combined = client.get("/fr/places/?category=alimentation&category=sante").content.decode()
    assert len(_markers(combined)) == 2
    assert len(_markers(client.get("/fr/places/?category=alimentation,sante").content.decode()))


@pytest.mark.parametrize("value", ["nope", "../../etc", "' OR 1=1", "x" * 500, ""])
def test_unknown_category_is_an_ignored_filter(client, places, value):
    response = client.get("/fr/places/", {"category": value})
    assert response.status_code == 200
    html = response.content.decode()
    for slug in ("chu", "pass", "restos"):
        assert f'href="/fr/places/{slug}/"' in html, slug
    assert _markers(html) == _markers(client.get("/fr/places/").content.decode())


def test_place_page_has_everything_to_get_there(client, places):
    section = make_section(places=[places["chu"]], title_fr="Aller à l'hôpital")
    html = client.get("/fr/places/chu/").content.decode()
    assert "<h1>CHU</h1>" in html
    assert 'href="tel:0473000000"' in html
    assert "https://www.openstreetmap.org/directions?route=%3B45.777200%2C3.087000" in html
    assert 'href="geo:45.777200,3.087000?q=45.777200,3.087000(CHU)"' in html
    assert f'href="{section.get_absolute_url()}">Aller à l&#x27;hôpital</a>' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])
    assert data["@type"] == "Place" and data["geo"]["latitude"] == 45.7772
    assert data["address"]["streetAddress"] == "12 rue Montlosier"


def test_unlocated_place_page_says_it_has_no_map(client, places):
    html = client.get("/en/places/pass/").content.decode()
    assert "Not on the map yet: its address still has to be placed." in html
    assert "geo:" not in html


@pytest.mark.parametrize(
    ("fields", "note"),
    [
        ({"address": ""}, "Not on the map: we do not know its address yet."),
        (
            {"access": Place.Access.PHONE},
            "Not on the map: a service by phone or online, with no desk to go to.",
        ),
        (
            {"latitude": "45.77", "longitude": "3.08", "precision": Place.Precision.APPROX},
            "On the map near its address, not at its door.",
        ),
    ],
)
def test_the_list_says_why_a_place_is_not_on_the_map(client, fields, note):
    make_place(slug="here", **{"latitude": None, "longitude": None, **fields})
    html = client.get("/en/places/").content.decode()
    assert note in html
    assert note in client.get("/en/places/here/").content.decode()


def test_a_place_at_its_door_has_no_map_note(client, places):
    html = client.get("/en/places/chu/").content.decode()
    for text in ("Not on the map", "near its address"):
        assert text not in html


def test_what_to_know_before_going_is_set_out_fact_by_fact(client):
    make_place(
        slug="paul-suss",
        access=Place.Access.BOTH,
        booking_fr="Venez tôt.",
        booking_en="Come early.",
        documents_en="Your passport.",
        cost=Place.Cost.FREE,
        interpreting=Place.Interpreting.YES,
        wheelchair=Place.Wheelchair.PARTIAL,
    )
    html = client.get("/en/places/paul-suss/").content.decode()
    facts = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    for fact in (
        "Appointment With or without an appointment",
        "How to get an appointment Come early.",
        "What to bring Your passport.",
        "Cost Free",
        "Interpreters Yes",
        "Wheelchair access Partly",
    ):
        assert fact in facts, fact
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])
    assert data["isAccessibleForFree"] is True
    # In French too, and what nobody told us says so instead of a guess.
    make_place(slug="unknown")
    french = client.get("/fr/places/unknown/").content.decode()
    french = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", french))
    for fact in ("Rendez-vous Non renseigné", "Prix Non renseigné", "Interprètes Non renseigné"):
        assert fact in french, fact


def test_unpublished_place_is_not_found(client, places):
    assert client.get("/fr/places/hidden/").status_code == 404


def test_embed_page_may_be_framed_by_any_site(client, places):
    response = client.get("/fr/places/embed/?category=sante")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert {m["name"] for m in _markers_embed(response.content.decode())} == {"CHU"}
    # Every other page still refuses to be framed.
    assert client.get("/fr/places/")["X-Frame-Options"] == "DENY"


def _markers_embed(html):
    data = re.search(r'<script id="markers-embed" type="application/json">(.*?)</script>', html)
    return json.loads(data[1])


def test_geojson_is_a_feature_collection_with_lon_lat(client, places):
    response = client.get("/en/places/places.geojson")
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    features = {f["id"]: f for f in data["features"]}
    assert set(features) == {"chu", "pass", "restos"}
    assert features["chu"]["geometry"] == {"type": "Point", "coordinates": [3.087, 45.7772]}
    assert features["pass"]["geometry"] is None  # RFC 7946 §3.2: an unlocated feature
    assert features["chu"]["properties"]["category_name"] == "Health"
    assert features["chu"]["properties"]["url"] == "http://testserver/en/places/chu/"


def test_geojson_tells_partners_what_to_know_before_going(client, places):
    Place.objects.filter(slug="chu").update(
        access=Place.Access.APPOINTMENT, cost=Place.Cost.INCOME, documents_en="Your passport."
    )
    Place.objects.filter(slug="pass").update(cost=Place.Cost.FREE)
    data = json.loads(client.get("/en/places/places.geojson").content)
    properties = {f["id"]: f["properties"] for f in data["features"]}
    assert properties["chu"]["access"] == "appointment"
    assert properties["chu"]["documents"] == "Your passport."
    # OpenStreetMap's fee tag: a price that depends on income is still a fee.
    assert (properties["chu"]["fee"], properties["pass"]["fee"]) == ("yes", "no")
    assert "fee" not in properties["restos"] or properties["restos"]["fee"] is None


def test_geojson_follows_the_url_language_and_filters(client, places):
    data = json.loads(client.get("/fr/places/places.geojson?category=sante").content)
    assert {f["properties"]["category_name"] for f in data["features"]} == {"Santé"}


def test_geojson_polling_costs_almost_nothing(client, places):
    first = client.get("/fr/places/places.geojson")
    assert "max-age=300" in first["Cache-Control"] and "public" in first["Cache-Control"]
    again = client.get("/fr/places/places.geojson", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    chu = Place.objects.get(slug="chu")
    chu.phone = "04 73 11 11 11"
    chu.save()
    changed = client.get("/fr/places/places.geojson", headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200


def test_geojson_of_a_thousand_places_is_three_queries(client, django_assert_num_queries):
    """The places, then their weekly hours and their exceptions (for open_now)."""
    category = make_category()
    Place.objects.bulk_create(
        [
            Place(
                slug=f"p{n}", name_fr=f"Lieu {n}", category=category, latitude=45.7, longitude=3.08
            )
            for n in range(1000)
        ]
    )
    with django_assert_num_queries(3):
        response = client.get("/fr/places/places.geojson")
    assert len(json.loads(response.content)["features"]) == 1000


@pytest.mark.parametrize(
    # Each with the places' weekly hours and exceptions: two queries, whatever the places; a
    # place's page also reads its notices, its French courses with their classes, and its events.
    ("url", "queries"),
    [("/fr/places/", 4), ("/fr/places/embed/", 4), ("/fr/places/p0/", 8)],
)
def test_place_pages_run_the_same_queries_with_ten_times_the_places(
    client, django_assert_num_queries, url, queries
):
    for scale in (1, 10):
        for _ in range(3 * scale):
            make_place(slug=f"p{Place.objects.count()}", category=make_category())
            first = Place.objects.get(slug="p0")
            make_course(place=first, slots=[(0, "09:00", "11:00"), (3, "14:00", "16:00")])
            make_event(place=first)
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200


def test_coordinates_are_checked():
    place = make_place(latitude="95", longitude="3.08")
    with pytest.raises(ValidationError) as error:
        place.full_clean()
    assert "latitude" in error.value.message_dict
    place = make_place(latitude="45.7", longitude=None)
    with pytest.raises(ValidationError):
        place.full_clean()


def test_far_away_point_is_measured():
    assert make_place(latitude="45.7772", longitude="3.0870").distance_from_centre_km() < 0.01
    paris = make_place(latitude="48.8566", longitude="2.3522")
    assert 340 < paris.distance_from_centre_km() < 360


def test_place_slug_embed_is_refused():
    with pytest.raises(ValidationError):
        make_place(slug="embed").full_clean()


def test_partners_page_builds_link_iframe_and_open_data_urls(client, places):
    html = client.get("/fr/places/partners/?category=sante&language=en").content.decode()
    assert '<a id="partner-link" href="http://testserver/en/places/?category=sante">' in html
    assert (
        '&lt;iframe src="http://testserver/en/places/embed/?category=sante" '
        'title="Useful places in Clermont-Ferrand"'
    ) in html
    assert "http://testserver/en/places/places.geojson?category=sante" in html
    assert 'src="/fr/places/partners/qr.svg?language=en&amp;category=sante"' in html


def test_partners_choose_several_categories_at_once(client, places):
    html = client.get(
        "/fr/places/partners/?category=sante&category=alimentation&language=ar"
    ).content.decode()
    assert (
        '<a id="partner-link" href="http://testserver/ar/places/?category=alimentation&amp;category=sante">'
        in html
    )
    assert 'value="sante" checked' in html and 'value="alimentation" checked' in html
    # The preview shows partners what their visitors will see, from this site.
    assert (
        '<iframe class="partner-preview" '
        'src="/ar/places/embed/?category=alimentation&amp;category=sante"' in html
    )
    assert "Licence Ouverte / Open Licence 2.0" in html and "ODbL" in html
    assert 'href="/fr/places/partners/"' in client.get("/fr/").content.decode()  # the footer


@pytest.mark.parametrize("query", ["category=nope&language=xx", "category=%00", ""])
def test_partners_page_ignores_what_it_does_not_know(client, places, query):
    response = client.get(f"/fr/places/partners/?{query}")
    assert response.status_code == 200
    assert '<a id="partner-link" href="http://testserver/fr/places/">' in response.content.decode()


def test_partners_qr_code_is_an_svg_of_the_link(client, places):
    response = client.get("/fr/places/partners/qr.svg?category=sante&language=fr-falc")
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert "<svg" in svg and "<path" in svg
    assert "<title>http://testserver/fr-falc/places/?category=sante</title>" in svg


def test_sitemap_lists_published_places(client, places):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/en/places/chu/</loc>" in xml
    assert "<loc>http://testserver/fr/places/</loc>" in xml
    assert "/places/hidden/" not in xml


def test_place_page_marks_what_falls_back_to_french(client):
    place = make_place(
        name_fr="Centre médico-psychologique",
        description_fr="Consultations sans rendez-vous.",
        opening_hours_fr="Du lundi au vendredi",
        opening_hours_en="Monday to Friday",
        category=make_category(name_fr="Santé", name_en=""),
    )
    html = client.get(f"/en/places/{place.slug}/").content.decode()
    assert '<h1 lang="fr">Centre médico-psychologique</h1>' in html
    assert '<p class="muted" lang="fr">Santé</p>' in html
    assert '<p lang="fr">Consultations sans rendez-vous.</p>' in html
    assert "<p>Monday to Friday</p>" in html
    assert "This page is not translated into English yet. Here it is in French." in html
    french = client.get(f"/fr/places/{place.slug}/").content.decode()
    assert 'lang="fr">' not in french.split("<main", 1)[1]
    assert "pas encore traduite" not in french


def test_a_place_name_alone_in_french_is_marked_but_not_announced(client):
    place = make_place(name_fr="Le Bief", description_fr="Salle.", description_en="A hall.")
    html = client.get(f"/en/places/{place.slug}/").content.decode()
    assert '<h1 lang="fr">Le Bief</h1>' in html
    assert "not translated" not in html


def test_phone_numbers_in_arabic_texts_keep_their_order(client):
    make_place(slug="prefecture", booking_ar="اتصلوا بالرقم 04 73 98 63 08 <b>")
    html = client.get("/ar/places/prefecture/").content.decode()
    assert 'اتصلوا بالرقم <bdi dir="ltr">04 73 98 63 08</bdi> &lt;b&gt;' in html
