"""Opening hours with the clock set: open now, lunch breaks, Sundays, public holidays, closures."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
import time_machine

from places.hours import hours_state, slots_from_osm, to_osm
from places.models import HoursException, OpeningSlot, Place
from tests.factories import make_place

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def at(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def t(text):
    return datetime.time.fromisoformat(text)


@pytest.fixture
def office():
    """Monday to Friday 08:30–12:00 and 13:30–16:30; Wednesday afternoon by appointment."""
    place = make_place(public_holidays=Place.Holidays.CLOSED)
    for day in range(5):
        OpeningSlot.objects.create(place=place, weekday=day, opens=t("08:30"), closes=t("12:00"))
        OpeningSlot.objects.create(
            place=place, weekday=day, opens=t("13:30"), closes=t("16:30"), by_appointment=day == 2
        )
    return place


def state(place, moment):
    place = Place.objects.prefetch_related("slots", "exceptions").get(pk=place.pk)
    return hours_state(place, moment)


def test_a_weekday_morning_is_open_until_the_lunch_break(office):
    found = state(office, at(2026, 12, 1, 10, 0))  # a Tuesday
    assert (found.known, found.is_open, found.change) == (True, True, at(2026, 12, 1, 12, 0))


def test_the_lunch_break_is_closed_until_the_afternoon(office):
    found = state(office, at(2026, 12, 1, 12, 0))  # closes at 12:00 sharp
    assert (found.is_open, found.change) == (False, at(2026, 12, 1, 13, 30))


def test_a_slot_by_appointment_says_so(office):
    found = state(office, at(2026, 12, 2, 14, 0))  # Wednesday afternoon
    assert found.is_open and found.by_appointment


def test_on_sunday_it_opens_on_monday(office):
    found = state(office, at(2026, 12, 6, 11, 0))
    assert (found.is_open, found.change) == (False, at(2026, 12, 7, 8, 30))


def test_on_14_july_a_place_closed_on_holidays_opens_the_next_day(office):
    found = state(office, at(2026, 7, 14, 10, 0))  # a Tuesday, the national day
    assert (found.is_open, found.reason, found.change) == (False, "holiday", at(2026, 7, 15, 8, 30))


def test_on_christmas_a_place_that_has_not_said_is_not_known(office):
    office.public_holidays = Place.Holidays.UNKNOWN
    office.save()
    found = state(office, at(2026, 12, 25, 10, 0))  # a Friday
    assert (found.known, found.reason) == (False, "holiday")


def test_a_place_open_on_holidays_keeps_its_hours(office):
    office.public_holidays = Place.Holidays.OPEN
    office.save()
    assert state(office, at(2026, 12, 25, 10, 0)).is_open


def test_an_exceptional_closure(office):
    HoursException.objects.create(
        place=office, starts=datetime.date(2026, 12, 21), ends=datetime.date(2026, 12, 24)
    )
    found = state(office, at(2026, 12, 22, 10, 0))
    assert (found.is_open, found.reason) == (False, "closure")
    # Christmas is closed too (a holiday), then the weekend: back on Monday 28.
    assert found.change == at(2026, 12, 28, 8, 30)


def test_changed_hours_for_a_day(office):
    HoursException.objects.create(
        place=office,
        starts=datetime.date(2026, 12, 24),
        ends=datetime.date(2026, 12, 24),
        closed=False,
        opens=t("09:00"),
        closes=t("11:00"),
    )
    found = state(office, at(2026, 12, 24, 10, 30))
    assert (found.is_open, found.change, found.reason) == (True, at(2026, 12, 24, 11), "changed")


def test_no_timetable_is_not_known():
    found = state(make_place(), at(2026, 12, 1, 10, 0))
    assert not found.known


def test_open_day_and_night():
    place = make_place(public_holidays=Place.Holidays.OPEN)
    for day in range(7):
        OpeningSlot.objects.create(place=place, weekday=day, opens=t("00:00"), closes=t("00:00"))
    found = state(place, at(2026, 12, 25, 3, 0))
    assert found.is_open and found.always_open and found.change is None
    assert to_osm(Place.objects.prefetch_related("slots").get(pk=place.pk)) == "24/7"


def test_hours_go_to_openstreetmap_syntax_and_back(office):
    office = Place.objects.prefetch_related("slots", "exceptions").get(pk=office.pk)
    expression = to_osm(office)
    assert expression == (
        "Mo,Tu 08:30-12:00,13:30-16:30; "
        'We 08:30-12:00, We 13:30-16:30 "sur rendez-vous"; '
        "Th,Fr 08:30-12:00,13:30-16:30; PH off"
    )
    slots, holidays = slots_from_osm(expression)
    assert holidays == "closed"
    assert {(s.weekday, s.opens, s.closes, s.by_appointment) for s in slots} == {
        (s.weekday, s.opens, s.closes, s.by_appointment) for s in office.slots.all()
    }


def test_days_only_by_appointment_go_to_openstreetmap_syntax_and_back():
    """The préfecture's point numérique: every morning, by appointment only."""
    place = make_place()
    for day in range(5):
        OpeningSlot.objects.create(
            place=place, weekday=day, opens=t("08:15"), closes=t("12:00"), by_appointment=True
        )
    expression = to_osm(Place.objects.prefetch_related("slots", "exceptions").get(pk=place.pk))
    assert expression == 'Mo-Fr 08:15-12:00 "sur rendez-vous"'
    slots, _holidays = slots_from_osm(expression)
    assert {(s.weekday, s.by_appointment) for s in slots} == {(day, True) for day in range(5)}


def test_an_expression_that_does_not_parse_is_refused():
    with pytest.raises(ValueError):
        slots_from_osm("Mo-Fr le matin")


# What readers get --------------------------------------------------------------------------


def test_the_page_says_open_until_and_the_cache_keeps_it_no_longer(client, office):
    with time_machine.travel(at(2026, 12, 1, 10, 0), tick=False):
        response = client.get(f"/fr/places/{office.slug}/")
    html = response.content.decode()
    assert '<p class="open-now open-now-open">Ouvert jusqu’à 12:00.</p>' in html
    assert response.fresh_until == at(2026, 12, 1, 12, 0)  # the page cache keeps it until then
    with time_machine.travel(at(2026, 12, 1, 12, 5), tick=False):
        html = client.get(f"/fr/places/{office.slug}/").content.decode()
    assert '<p class="open-now open-now-closed">Fermé — ouvre à 13:30.</p>' in html


def test_the_geojson_agrees_with_the_page(client, office):
    with time_machine.travel(at(2026, 7, 14, 10, 0), tick=False):
        data = json.loads(client.get("/fr/places/places.geojson").content)
        html = client.get(f"/en/places/{office.slug}/").content.decode()
    (feature,) = [f for f in data["features"] if f["id"] == office.slug]
    assert feature["properties"]["open_now"] is False
    assert feature["properties"]["next_change"] == "2026-07-15T08:30:00+02:00"
    assert feature["properties"]["opening_hours"].endswith("PH off")
    assert data and "max-age" in client.get("/fr/places/places.geojson")["Cache-Control"]
    assert "Closed today (public holiday)" in html


def test_an_hour_change_shows_at_once_despite_the_page_cache(client, office):
    with time_machine.travel(at(2026, 12, 1, 10, 0), tick=False):
        assert "12:00" in client.get(f"/fr/places/{office.slug}/").content.decode()
        slot = office.slots.get(weekday=1, opens=t("08:30"))
        slot.closes = t("11:00")
        slot.save()
        assert "11:00" in client.get(f"/fr/places/{office.slug}/").content.decode()


def test_staff_find_the_places_whose_facts_nobody_checked_for_six_months(admin_client):
    fresh = make_place(facts_checked_on=datetime.date.today())
    old = make_place(facts_checked_on=datetime.date.today() - datetime.timedelta(days=200))
    never = make_place()
    assert set(Place.objects.facts_due()) == {old, never}
    html = admin_client.get("/admin/places/place/?facts=due").content.decode()
    assert f"/admin/places/place/{old.pk}/change/" in html
    assert f"/admin/places/place/{fresh.pk}/change/" not in html
    admin_client.post(
        "/admin/places/place/",
        {"action": "mark_facts_checked", "_selected_action": [old.pk, never.pk]},
    )
    assert not Place.objects.facts_due().exists()


def test_readers_see_when_the_facts_were_checked(client):
    place = make_place(facts_checked_on=datetime.date(2026, 11, 20))
    assert "20 novembre 2026" in client.get(f"/fr/places/{place.slug}/").content.decode()


def test_every_language_reads_a_24_hour_clock(client, office):
    with time_machine.travel(at(2026, 12, 1, 7, 0), tick=False):
        html = client.get(f"/en/places/{office.slug}/").content.decode()
    assert '<p class="open-now open-now-closed">Closed — opens at 08:30.</p>' in html


def test_the_geojson_from_the_cache_is_kept_by_browsers_only_until_it_changes(client, office):
    with time_machine.travel(at(2026, 12, 1, 10, 0), tick=False):
        assert "max-age=300" in client.get("/fr/places/places.geojson")["Cache-Control"]
    with time_machine.travel(at(2026, 12, 1, 11, 58), tick=False):
        response = client.get("/fr/places/places.geojson")  # the same page, from the cache
    assert json.loads(response.content)["features"][0]["properties"]["open_now"] is True
    assert "max-age=120" in response["Cache-Control"]  # closes at 12:00
