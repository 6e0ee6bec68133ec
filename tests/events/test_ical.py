"""The iCalendar feeds: read by icalendar, expanded by a calendar library as a phone would."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
import time_machine

from events.models import Repeat
from tests.factories import make_event, make_event_category, make_place

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def at(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture
def events():
    meetings = make_event_category(slug="reunions", name_fr="Réunions", name_en="Meetings")
    outings = make_event_category(slug="sorties", name_fr="Sorties", name_en="Outings")
    place = make_place(name_fr="CeCler")
    return {
        "weekly": make_event(
            title_fr="Permanence du mardi",
            title_en="Tuesday help desk",
            category=meetings,
            place=place,
            starts_at=at(2026, 11, 3, 14),
            ends_at=at(2026, 11, 3, 16),
            repeat=Repeat.WEEKLY,
            repeat_until=datetime.date(2027, 3, 30),
        ),
        "monthly": make_event(
            title_fr="Réunion CIR",
            title_en="",
            category=meetings,
            starts_at=at(2027, 1, 5, 9, 30),
            ends_at=at(2027, 1, 5, 11),
            repeat=Repeat.MONTHLY,
            to_verify=True,
        ),
        "rallye": make_event(
            title_fr="Rallye",
            category=outings,
            starts_at=at(2027, 10, 2),
            ends_at=at(2027, 10, 3),
            all_day=True,
        ),
        "past": make_event(
            title_fr="Rallye 2019",
            category=outings,
            starts_at=at(2019, 10, 1),
            ends_at=at(2019, 10, 2),
            all_day=True,
        ),
    }


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_the_feed_holds_the_coming_events_and_parses(client, events):
    with time_machine.travel(at(2026, 12, 2, 10), tick=False):
        calendar = feed(client, "/fr/events.ics")
    found = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(found) == {"Permanence du mardi", "Réunion CIR", "Rallye"}
    weekly = found["Permanence du mardi"]
    assert weekly["dtstart"].dt == at(2026, 11, 3, 14)
    assert weekly["dtstart"].params["TZID"] == "Europe/Paris"
    assert weekly["rrule"]["FREQ"] == ["WEEKLY"]
    assert "CeCler" in str(weekly["location"])
    assert str(found["Réunion CIR"]["status"]) == "TENTATIVE"
    assert found["Réunion CIR"]["rrule"]["BYDAY"] == ["1TU"]
    # A whole day is a date, not a time.
    assert found["Rallye"]["dtstart"].dt == datetime.date(2027, 10, 2)
    assert found["Rallye"]["dtend"].dt == datetime.date(2027, 10, 3)
    assert calendar.walk("VTIMEZONE")  # the time zone travels with the times
    uids = [str(e["uid"]) for e in calendar.walk("VEVENT")]
    assert len(set(uids)) == 3


def test_a_calendar_library_finds_the_same_dates_as_the_site(client, events):
    with time_machine.travel(at(2026, 12, 2, 10), tick=False):
        calendar = feed(client, "/en/events.ics")
        site = {
            (e.title_en or e.title_fr, o.start)
            for e in (events["weekly"], events["monthly"])
            for o in e.occurrences(count=30)
            if o.start < at(2027, 4, 1)
        }
    expanded = recurring_ical_events.of(calendar).between(at(2026, 12, 2), at(2027, 4, 1))
    library = {
        (str(e["summary"]), e["dtstart"].dt) for e in expanded if str(e["summary"]) != "Rallye"
    }
    assert library == site
    # The weekly one stops on its last date; the monthly one is each first Tuesday at 9:30.
    tuesdays = sorted(start for title, start in library if title == "Tuesday help desk")
    assert tuesdays[-1] == at(2027, 3, 30, 14)
    assert sorted(s for t, s in library if t == "Réunion CIR")[:3] == [
        at(2027, 1, 5, 9, 30),
        at(2027, 2, 2, 9, 30),
        at(2027, 3, 2, 9, 30),
    ]


def test_one_category_has_its_own_feed(client, events):
    with time_machine.travel(at(2026, 12, 2, 10), tick=False):
        calendar = feed(client, "/fr/events.ics?category=sorties")
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Rallye"]
    assert "Outings" in str(calendar["x-wr-calname"]) or "Sorties" in str(calendar["x-wr-calname"])


def test_add_to_my_calendar_downloads_one_event(client, events):
    event = events["monthly"]
    with time_machine.travel(at(2026, 12, 2, 10), tick=False):
        page = client.get(f"/en/events/{event.slug}/").content.decode()
        assert f'href="/en/events/{event.slug}/event.ics"' in page
        response = client.get(f"/en/events/{event.slug}/event.ics")
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["url"] == f"http://testserver/en/events/{event.slug}/"
    assert vevent["dtstart"].dt == at(2027, 1, 5, 9, 30)


def test_the_feed_is_in_the_readers_language(client, events):
    events["weekly"].title_uk = "Консультація у вівторок"
    events["weekly"].save()
    with time_machine.travel(at(2026, 12, 2, 10), tick=False):
        calendar = feed(client, "/uk/events.ics")
    titles = {str(e["summary"]) for e in calendar.walk("VEVENT")}
    assert "Консультація у вівторок" in titles
    assert "Réunion CIR" in titles  # no Ukrainian title: the French one
