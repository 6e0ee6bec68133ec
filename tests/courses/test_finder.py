"""The French course finder: filters from the address combine as partners expect."""

import datetime
import json
import re
from html import unescape

import pytest
from django.core.exceptions import ValidationError

from courses.models import Audience, Course, Level, Seats
from tests.factories import make_course, make_place

pytestmark = pytest.mark.django_db

MON, TUE, SAT = 0, 1, 5


def titles(client, query=""):
    html = client.get(f"/fr/courses/{query}").content.decode()
    return sorted(
        unescape(t) for t in re.findall(r'<h3 id="course-\d+-title"[^>]*>(.*?)</h3>', html)
    )


@pytest.fixture
def courses():
    return {
        "saturday": make_course(title_fr="Samedi matin débutants", slots=[(SAT, "09:30", "11:30")]),
        "split": make_course(
            title_fr="Samedi après-midi et mardi matin",
            slots=[(SAT, "14:00", "16:00"), (TUE, "09:00", "11:00")],
        ),
        "paid": make_course(
            title_fr="Samedi matin payant",
            cost="paid",
            price_fr="20 € par an",
            slots=[(SAT, "10:00", "12:00")],
        ),
        "b1": make_course(
            title_fr="Intermédiaire du lundi soir",
            level_from=Level.B1,
            level_to=Level.B2,
            slots=[(MON, "18:30", "20:00")],
        ),
        "women": make_course(
            title_fr="Atelier des femmes",
            level_from=Level.LITERACY,
            level_to=Level.A1,
            audience=Audience.WOMEN,
            childcare=True,
            teacher_languages="ar fa",
            slots=[(TUE, "09:00", "11:00")],
        ),
        "unscheduled": make_course(title_fr="Horaires inconnus"),
    }


def test_without_filters_every_published_course_is_listed(client, courses):
    make_course(title_fr="Brouillon", published=False)
    make_course(title_fr="Lieu non publié", place=make_place(published=False))
    assert len(titles(client)) == 6


def test_a_day_and_a_time_are_met_by_the_same_class(client, courses):
    # The « split » course has a Saturday class and a morning class, but no Saturday morning one.
    assert titles(client, "?day=sat&time=morning") == [
        "Samedi matin débutants",
        "Samedi matin payant",
    ]
    assert titles(client, "?day=tue&time=morning") == [
        "Atelier des femmes",
        "Samedi après-midi et mardi matin",
    ]


def test_filters_combine_and_values_of_one_filter_are_alternatives(client, courses):
    assert titles(client, "?level=a1&cost=free&day=sat") == [
        "Samedi après-midi et mardi matin",
        "Samedi matin débutants",
    ]
    assert titles(client, "?level=a1&cost=free&day=sat&time=morning") == ["Samedi matin débutants"]
    # Two days, written both ways partners write them.
    for query in ("?day=mon&day=tue", "?day=mon,tue"):
        assert titles(client, query) == [
            "Atelier des femmes",
            "Intermédiaire du lundi soir",
            "Samedi après-midi et mardi matin",
        ]
    assert titles(client, "?level=literacy&level=b2") == [
        "Atelier des femmes",
        "Intermédiaire du lundi soir",
    ]
    assert titles(client, "?time=evening") == ["Intermédiaire du lundi soir"]


def test_a_level_matches_the_courses_that_span_it(client, courses):
    assert titles(client, "?level=b1") == ["Intermédiaire du lundi soir"]
    assert "Atelier des femmes" in titles(client, "?level=literacy")
    assert "Atelier des femmes" not in titles(client, "?level=a2")


def test_an_audience_keeps_the_courses_open_to_everyone(client, courses):
    found = titles(client, "?audience=women")
    assert "Atelier des femmes" in found and "Samedi matin débutants" in found
    assert "Atelier des femmes" not in titles(client, "?audience=young")


def test_childcare_and_the_teachers_language(client, courses):
    assert titles(client, "?childcare=yes") == ["Atelier des femmes"]
    assert titles(client, "?language=fa") == ["Atelier des femmes"]
    assert titles(client, "?language=ps") == []


def test_courses_without_known_times_are_counted_and_offered(client, courses):
    html = client.get("/en/courses/?day=sat&level=a1").content.decode()
    assert "Horaires inconnus" not in html
    assert "1 other course matches, but its days and times are not known yet." in html
    assert 'href="/en/courses/?level=a1#results"' in html
    assert "Horaires inconnus" in titles(client, "?level=a1")


def test_unknown_values_are_left_out_and_named(client, courses):
    response = client.get("/en/courses/?level=c2&day=sat&audience=aliens")
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "level=c2, audience=aliens" in html
    assert titles(client, "?level=c2&day=sat") == titles(client, "?day=sat")


def test_the_form_shows_the_chosen_filters_without_javascript(client, courses):
    html = client.get("/fr/courses/?level=a1&day=sat&cost=free&audience=women").content.decode()
    assert re.search(r'name="level" value="a1"[^>]*checked', html)
    assert not re.search(r'name="level" value="b1"[^>]*checked', html)
    assert re.search(r'name="day" value="sat"[^>]*checked', html)
    assert re.search(r'name="cost" value="free"[^>]*checked', html)
    assert re.search(r'name="audience" value="women"[^>]*checked', html)
    # The page's only script draws the map: data blocks apart, nothing runs in the form.
    main = html.split("<main", 1)[1].split("</main>")[0]
    assert re.findall(r'<script(?![^>]*type="application/json")', main) == []


def test_the_map_shows_the_places_of_the_courses_found(client, courses):
    html = client.get("/fr/courses/?childcare=yes").content.decode()
    markers = re.search(r'<script id="markers-courses"[^>]*>(.*?)</script>', html, re.S)[1]
    names = [marker["name"] for marker in json.loads(markers)]
    assert names == [courses["women"].place.name]


def test_the_finder_asks_the_database_a_fixed_number_of_times(
    client, courses, django_assert_num_queries
):
    for n in range(5):
        make_course(title_fr=f"Encore {n}", slots=[(SAT, "09:00", "10:00")])
    # Courses, their classes, the languages offered, the count of unscheduled courses.
    with django_assert_num_queries(4):
        client.get("/fr/courses/?day=sat")


def test_a_place_page_shows_its_courses(client, courses):
    course = courses["women"]
    html = unescape(client.get("/en" + course.place.get_absolute_url()[3:]).content.decode())
    assert "French courses here" in html
    assert course.title_en in html
    assert "Tuesday" in html
    # Each language the teacher speaks in its own name, marked for screen readers.
    assert '<span lang="ar">العربيّة</span>, <span lang="fa">دری / فارسی</span>' in html


def test_levels_must_be_in_order_and_both_given():
    course = Course(
        place=make_place(), title_fr="x", level_from=Level.B1, level_to=Level.A1, cost="free"
    )
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "level_to" in error.value.message_dict
    course.level_from, course.level_to = Level.A1, None
    with pytest.raises(ValidationError):
        course.full_clean()
    course.level_from = None
    course.teacher_languages = "ar xx-nope"
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "xx-nope" in str(error.value.message_dict["teacher_languages"])


def test_seats_and_start_are_shown(client):
    course = make_course(seats=Seats.WAITING_LIST, starts_on=datetime.date(2027, 1, 4))
    html = unescape(client.get("/en/courses/").content.decode())
    assert course.title_en in html
    assert "Full: waiting list" in html
    assert re.search(r"Next start: [^<]*2027\.", html)


def test_the_empty_choices_of_the_form_leave_the_address(client):
    response = client.get("/fr/courses/?level=a1&day=sat&audience=&language=")
    assert response.status_code == 302
    assert response["Location"] == "/fr/courses/?level=a1&day=sat"
    assert client.get("/fr/courses/?audience=")["Location"] == "/fr/courses/"
