"""Peer mentoring and the discovery route, as newcomers and coordinators use them."""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from mentoring.models import MentoringRequest
from routes.models import Route, RouteStop
from tests.factories import make_place, make_section
from tests.helpers import LANGUAGE_CODES, admin_log_in, axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in_as(page, live_server, username, group):
    user = User.objects.create_user(username, password="une phrase de passe solide")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=group))
    admin_log_in(page, live_server.url, username, "une phrase de passe solide")


def test_newcomer_asks_for_a_mentor_and_only_coordinators_see_it(
    browser, live_server, staff_groups
):
    reader = browser.new_page()
    reader.goto(f"{live_server.url}/en/mentoring/")
    reader.get_by_label("I would like a mentor").check()
    reader.get_by_label("First name").fill("Samir")
    reader.get_by_label("Phone number").fill("06 11 22 33 44")
    reader.get_by_label("Languages you speak").fill("Arabic, English")
    reader.get_by_role("checkbox", name="I agree").check()
    reader.get_by_role("button", name="Send my request").click()
    reader.wait_for_url(f"{live_server.url}/en/mentoring/thanks/")
    assert MentoringRequest.objects.get().first_name == "Samir"

    editor = browser.new_context().new_page()
    _log_in_as(editor, live_server, "editrice", "Éditeurs")
    response = editor.goto(f"{live_server.url}/admin/mentoring/mentoringrequest/")
    assert response.status == 403

    coordinator = browser.new_context().new_page()
    _log_in_as(coordinator, live_server, "coordinatrice", "Coordination parrainage")
    coordinator.goto(f"{live_server.url}/admin/mentoring/mentoringrequest/")
    expect(coordinator.locator("#result_list")).to_contain_text("Samir")


def test_route_stops_appear_in_order_on_the_map_and_in_the_list(page, live_server):
    route = Route.objects.create(slug="balade", title_fr="Balade", published=True)
    names = ["Office de tourisme", "Université", "Médiathèque", "CPAM"]
    for order, name in enumerate(names, start=1):
        RouteStop.objects.create(
            route=route,
            order=order,
            place=make_place(name_fr=name, latitude=f"45.77{order}", longitude=f"3.08{order}"),
        )
    page.goto(f"{live_server.url}/fr/routes/balade/")
    expect(page.locator(".route-stop h2 a")).to_have_text(names)
    markers = page.locator(".leaflet-marker-icon")
    expect(markers).to_have_count(4)
    assert [markers.nth(n).get_attribute("title") for n in range(4)] == [
        f"{n}. {name}" for n, name in enumerate(names, start=1)
    ]
    # Each stop's marker shows its number, as the list beside it.
    expect(page.locator(".map-pin")).to_have_text(["1", "2", "3", "4"])
    expect(page.locator(".leaflet-overlay-pane path")).to_have_count(1)  # the line


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_programme_pages_have_no_accessibility_violation(page, live_server, code):
    route = Route.objects.create(slug="balade", title_fr="Balade", published=True)
    for order in (1, 2):
        RouteStop.objects.create(route=route, order=order, place=make_place())
    problems = {}
    for path in (
        "/mentoring/",
        "/mentoring/thanks/",
        "/routes/balade/",
        "/routes/balade/embed/",
    ):
        page.goto(f"{live_server.url}/{code}{path}")
        if found := axe_violations(page):
            problems[code + path] = found
    page.goto(f"{live_server.url}/{code}/mentoring/")
    page.locator("form.questionnaire button[type=submit]").click()
    if found := axe_violations(page):
        problems[code + " mentoring errors"] = found
    assert problems == {}


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_failed_request_on_a_phone_shows_and_focuses_the_error_summary(
    browser, live_server, javascript
):
    # The programme written by staff: a long page, with the form far below the top.
    make_section(slug="parrainage", body_en="<p>Mentors meet you a few times.</p>" * 40)
    context = browser.new_context(
        viewport={"width": 390, "height": 800}, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/en/mentoring/")
    page.get_by_role("button", name="Send my request").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Please check the form")
    expect(summary).to_be_focused()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    top, bottom = page.evaluate(
        "(() => { const box = document.activeElement.getBoundingClientRect();"
        " return [box.top, box.bottom]; })()"
    )
    assert 0 <= top < 800 and bottom > 0
    expect(summary).to_be_in_viewport()
    context.close()
