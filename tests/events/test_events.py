"""Events: the next date of a repeating event, and events leaving the pages when they end."""

import datetime
import re
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client

from events.models import Event, Repeat
from tests.factories import make_event, make_place

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def at(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def text(client, url):
    return unescape(client.get(url).content.decode())


def test_a_weekly_event_shows_its_next_date(client):
    # Tuesdays 14:00–16:00 since September.
    event = make_event(
        title_en="French conversation",
        starts_at=at(2026, 9, 1, 14),
        ends_at=at(2026, 9, 1, 16),
        repeat=Repeat.WEEKLY,
    )
    with time_machine.travel(at(2026, 12, 2, 10), tick=False):  # a Wednesday
        html = text(client, f"/en/events/{event.slug}/")
    assert "Next date:" in html
    assert "Tuesday Dec. 8, 2026" in html
    assert "Every week on Tuesday" in html
    # While it goes on, today's date is the one shown.
    with time_machine.travel(at(2026, 12, 8, 15), tick=False):
        assert event.next_occurrence().start == at(2026, 12, 8, 14)
    with time_machine.travel(at(2026, 12, 8, 16, 1), tick=False):
        assert event.next_occurrence().start == at(2026, 12, 15, 14)


def test_a_monthly_event_keeps_its_weekday_and_its_wall_clock_time():
    # The first Tuesday of the month at 14:00, across the change to summer time.
    event = make_event(
        starts_at=at(2027, 2, 2, 14), ends_at=at(2027, 2, 2, 16), repeat=Repeat.MONTHLY
    )
    dates = event.occurrences(now=at(2027, 2, 3), count=3)
    assert [d.start for d in dates] == [at(2027, 3, 2, 14), at(2027, 4, 6, 14), at(2027, 5, 4, 14)]
    assert dates[1].start.astimezone(datetime.UTC).hour == 12  # summer time: UTC+2
    # A fifth Tuesday is « the last Tuesday » (not every month has a fifth one).
    last = make_event(
        starts_at=at(2026, 12, 29, 10), ends_at=at(2026, 12, 29, 11), repeat=Repeat.MONTHLY
    )
    assert last.next_occurrence(now=at(2027, 1, 1)).start == at(2027, 1, 26, 10)


def test_a_repeating_event_ends_on_its_last_date():
    event = make_event(
        starts_at=at(2027, 1, 5, 9),
        ends_at=at(2027, 1, 5, 11),
        repeat=Repeat.FORTNIGHTLY,
        repeat_until=datetime.date(2027, 2, 20),
    )
    dates = event.occurrences(now=at(2027, 1, 1), count=10)
    assert [d.start.date() for d in dates] == [
        datetime.date(2027, 1, 5),
        datetime.date(2027, 1, 19),
        datetime.date(2027, 2, 2),
        datetime.date(2027, 2, 16),
    ]
    assert event.next_occurrence(now=at(2027, 2, 16, 11, 1)) is None
    assert event.last_occurrence().start == at(2027, 2, 16, 9)


def test_an_ended_event_leaves_every_list_without_a_save(client):
    """Pages are cached until staff save something: the end of an event must expire them."""
    place = make_place()
    event = make_event(
        title_en="CIR information session",
        place=place,
        starts_at=at(2026, 12, 10, 14),
        ends_at=at(2026, 12, 10, 16),
    )
    later = make_event(title_en="Open day", starts_at=at(2027, 3, 1, 9), ends_at=at(2027, 3, 1, 12))
    place_url = "/en" + place.get_absolute_url()[3:]
    pages = ["/en/", "/en/events/", place_url, "/en/events.ics"]
    with time_machine.travel(at(2026, 12, 10, 15, 59), tick=False):
        for url in pages:
            assert "CIR information session" in text(client, url), url
    with time_machine.travel(at(2026, 12, 10, 16, 1), tick=False):
        for url in pages:
            assert "CIR information session" not in text(client, url), url
        assert "Open day" in text(client, "/en/events/")
        # Its own page stays, for the links to it, and says it is over.
        page = text(client, event.get_absolute_url().replace("/fr/", "/en/"))
        assert "This event is over: it took place on" in page
        assert "Add to my calendar" not in page
    assert Event.objects.filter(pk__in=[event.pk, later.pk]).count() == 2


def test_a_repeating_event_moves_to_its_next_date_by_itself(client):
    make_event(
        title_en="Weekly session",
        starts_at=at(2026, 12, 1, 14),
        ends_at=at(2026, 12, 1, 16),
        repeat=Repeat.WEEKLY,
    )
    with time_machine.travel(at(2026, 12, 1, 15), tick=False):
        assert "Tuesday Dec. 1, 2026" in text(client, "/en/events/")
    with time_machine.travel(at(2026, 12, 1, 17), tick=False):
        html = text(client, "/en/events/")
    assert "Tuesday Dec. 1, 2026" not in html
    assert "Tuesday Dec. 8, 2026" in html


def test_the_home_page_lists_the_next_three_events(client):
    for day in (5, 6, 7, 8):
        make_event(
            title_en=f"Event on the {day}th",
            starts_at=at(2027, 1, day, 10),
            ends_at=at(2027, 1, day, 11),
        )
    make_event(
        title_en="Draft event",
        published=False,
        starts_at=at(2027, 1, 4, 10),
        ends_at=at(2027, 1, 4, 11),
    )
    with time_machine.travel(at(2027, 1, 1), tick=False):
        html = text(client, "/en/")
    found = re.findall(r"Event on the (\d)th", html)
    assert found == ["5", "6", "7"]
    assert "Draft event" not in html


def test_the_list_filters_by_category_and_names_an_unknown_one(client):
    meeting = make_event(title_en="A meeting")
    make_event(title_en="An outing")
    html = text(client, f"/en/events/?category={meeting.category.slug}")
    assert "A meeting" in html and "An outing" not in html
    html = text(client, "/en/events/?category=gone")
    assert "This category does not exist (any more)" in html
    assert "A meeting" in html and "An outing" in html


def test_the_events_list_asks_the_database_a_fixed_number_of_times(
    client, django_assert_num_queries
):
    for n in range(6):
        make_event(title_en=f"Event {n}", place=make_place())
    # The events with their category and place, and the categories.
    with django_assert_num_queries(2):
        client.get("/en/events/")


def test_an_event_is_checked_before_it_is_saved():
    event = Event(
        title_fr="x",
        slug="x",
        summary_fr="x",
        category=make_event().category,
        starts_at=at(2027, 1, 5, 14),
        ends_at=at(2027, 1, 5, 13),
        repeat_until=datetime.date(2027, 6, 1),
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert set(error.value.message_dict) >= {"ends_at", "repeat_until"}
    event.ends_at, event.repeat = at(2027, 1, 7, 13), Repeat.WEEKLY
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "ends_at" in error.value.message_dict  # repeats, yet lasts more than a day


def test_staff_see_a_draft_event_readers_do_not(admin_client):
    event = make_event(published=False)
    assert Client().get(event.get_absolute_url()).status_code == 404
    assert admin_client.get(event.get_absolute_url()).status_code == 200


def test_a_route_lists_its_next_outings(client):
    from routes.models import Route

    route = Route.objects.create(title_fr="Rallye", title_en="Rally", slug="rallye", published=True)
    make_event(
        title_en="Rally 2027",
        route=route,
        starts_at=at(2027, 10, 2, 9),
        ends_at=at(2027, 10, 2, 12),
    )
    with time_machine.travel(at(2027, 10, 1), tick=False):
        assert "Rally 2027" in text(client, "/en/routes/rallye/")
    with time_machine.travel(at(2027, 10, 2, 12, 1), tick=False):
        assert "Rally 2027" not in text(client, "/en/routes/rallye/")
