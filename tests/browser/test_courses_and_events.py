"""The course finder and an event, as a reader uses them: without JavaScript, and with it."""

import datetime

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Event, Repeat
from tests.browser.test_accessibility import JQUERY_UI_TABS, WCAG_21_AA
from tests.factories import make_course, make_event, make_event_category, make_place
from tests.helpers import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)
SAT, TUE = 5, 1


@pytest.fixture
def courses():
    cimade = make_place(name_fr="La Cimade", latitude="45.775", longitude="3.085")
    make_course(place=cimade, title_fr="Débutants du samedi matin", slots=[(SAT, "09:30", "11:30")])
    make_course(title_fr="Mardi soir", slots=[(TUE, "18:00", "20:00")], cost="paid")


@pytest.mark.parametrize("javascript", [True, False])
def test_a_reader_ticks_filters_and_gets_a_link_to_share(browser, live_server, courses, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/courses/")
    page.get_by_role("checkbox", name="A1 – débutant").check()
    page.get_by_role("checkbox", name="Samedi").check()
    page.get_by_role("checkbox", name="gratuit").check()
    page.get_by_role("button", name="Afficher les cours").click()
    page.wait_for_url(f"{live_server.url}/fr/courses/?level=a1&day=sat&cost=free")
    expect(page.get_by_role("heading", name="1 cours")).to_be_visible()
    expect(page.get_by_role("heading", name="Débutants du samedi matin")).to_be_visible()
    expect(page.get_by_role("heading", name="Mardi soir")).to_have_count(0)
    # The filters stay ticked on the page of results.
    expect(page.get_by_role("checkbox", name="Samedi")).to_be_checked()
    if javascript:  # the map shows where the course is, once asked for
        page.get_by_role("button", name="Afficher la carte").click()
        expect(page.locator(".leaflet-marker-icon")).to_have_count(1)
    context.close()


def test_add_to_my_calendar_gives_the_phone_a_calendar_file(page, live_server):
    start = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=3), datetime.time(14)
        )
    )
    event = make_event(
        title_fr="Réunion CIR",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        repeat=Repeat.WEEKLY,
    )
    page.goto(f"{live_server.url}/fr/")
    page.get_by_role("link", name="Réunion CIR").click()
    expect(page.get_by_text("Prochaine date :")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Ajouter à mon agenda").click()
    assert download.value.suggested_filename == f"{event.slug}.ics"
    calendar = icalendar.Calendar.from_ical(download.value.path().read_bytes())
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["dtstart"].dt == timezone.localtime(start)
    assert vevent["rrule"]["FREQ"] == ["WEEKLY"]


PARTNER = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Partenaire//Agenda//FR
BEGIN:VEVENT
UID:atelier@partenaire.example
DTSTAMP:20261201T090000Z
DTSTART;TZID=Europe/Paris:20370112T140000
DTEND;TZID=Europe/Paris:20370112T160000
SUMMARY:Atelier de conversation
END:VEVENT
BEGIN:VEVENT
UID:vieux@partenaire.example
DTSTAMP:20261201T090000Z
DTSTART:20200101T100000
DTEND:20200101T110000
SUMMARY:Atelier passé
END:VEVENT
END:VCALENDAR
"""


def test_staff_import_a_partner_calendar_and_open_the_draft(
    watched_page, live_server, log_in, tmp_path
):
    make_event_category(name_fr="Ateliers")
    page = watched_page
    log_in(page, "/admin/events/event/")
    page.get_by_role("link", name="Importer depuis un agenda (iCal)").click()
    assert axe_violations(page, WCAG_21_AA) == []
    page.get_by_label("Catégorie des événements").select_option(label="Ateliers")
    calendar = tmp_path / "agenda.ics"
    calendar.write_text(PARTNER)
    page.get_by_label("Ou un fichier d'agenda (.ics)").set_input_files(calendar)
    page.get_by_role("button", name="Importer").click()
    expect(page.get_by_text("Nouveaux : 1 · mis à jour : 0 · refusés : 1.")).to_be_visible()
    expect(page.get_by_text("Atelier passé : déjà passé")).to_be_visible()
    assert axe_violations(page, WCAG_21_AA) == []
    page.get_by_role("link", name="Voir les brouillons").click()
    page.get_by_role("link", name="Atelier de conversation").click()
    expect(page.get_by_role("checkbox", name="Publié")).not_to_be_checked()
    assert axe_violations(page, WCAG_21_AA, JQUERY_UI_TABS) == []
    # The browser's date and time picker, with the time in Clermont-Ferrand.
    expect(page.get_by_label("Début")).to_have_value("2037-01-12T14:00")
    page.get_by_label("Début").fill("2037-01-12T15:00")
    page.get_by_label("Fin").fill("2037-01-12T17:00")
    page.get_by_role("checkbox", name="Publié").check()
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_text("a été modifié avec succès")).to_be_visible()
    event = Event.objects.get()
    assert timezone.localtime(event.starts_at).hour == 15
    assert event.published


def test_the_course_form_is_accessible(watched_page, live_server, log_in):
    make_course(slots=[(TUE, "09:00", "11:00")])
    log_in(watched_page, "/admin/courses/course/")
    watched_page.get_by_role("link", name="Cours de français", exact=False).last.click()
    expect(
        watched_page.get_by_role("heading", name="Modification de cours de français")
    ).to_be_visible()
    assert axe_violations(watched_page, WCAG_21_AA, JQUERY_UI_TABS) == []
