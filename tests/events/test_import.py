"""Importing a partner's calendar in the admin: checked event by event, saved as drafts."""

import datetime
import http.server
import threading
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from events.models import Event, Repeat
from tests.factories import make_event_category, make_place

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
URL = "/admin/events/event/import/"

PARTNER = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Association partenaire//Agenda//FR
X-WR-TIMEZONE:Europe/Paris
BEGIN:VEVENT
UID:atelier-1@partenaire.example
DTSTAMP:20261201T090000Z
DTSTART;TZID=Europe/Paris:20270112T140000
DTEND;TZID=Europe/Paris:20270112T160000
RRULE:FREQ=WEEKLY;UNTIL=20270330T215959Z
SUMMARY:Atelier de conversation
DESCRIPTION:Parler français autour d'un café.\\nOuvert à toutes et à tous.
LOCATION:CeCler, 6 impasse des Rouges-Gorges
END:VEVENT
BEGIN:VEVENT
UID:portes-ouvertes@partenaire.example
DTSTAMP:20261201T090000Z
DTSTART;VALUE=DATE:20270206
SUMMARY:Portes ouvertes
END:VEVENT
BEGIN:VEVENT
UID:ancien@partenaire.example
DTSTAMP:20261201T090000Z
DTSTART:20250101T100000
DTEND:20250101T110000
SUMMARY:Déjà passé
END:VEVENT
BEGIN:VEVENT
UID:bizarre@partenaire.example
DTSTAMP:20261201T090000Z
DTSTART:20270101T100000
DTEND:20270101T110000
RRULE:FREQ=DAILY;COUNT=5
SUMMARY:Tous les jours
END:VEVENT
BEGIN:VEVENT
UID:sans-fin@partenaire.example
DTSTAMP:20261201T090000Z
DTSTART:20270101T100000
SUMMARY:Sans fin
END:VEVENT
BEGIN:VEVENT
UID:sans-titre@partenaire.example
DTSTAMP:20261201T090000Z
DTSTART:20270101T100000
DTEND:20270101T110000
END:VEVENT
END:VCALENDAR
"""


def upload(admin_client, category, data, name="agenda.ics"):
    return admin_client.post(
        URL, {"category": category.pk, "file": SimpleUploadedFile(name, data.encode())}
    )


@pytest.fixture
def category():
    return make_event_category(name_fr="Ateliers")


@time_machine.travel(datetime.datetime(2026, 12, 2, 10, tzinfo=PARIS), tick=False)
def test_a_partner_calendar_becomes_drafts_and_refusals_are_explained(admin_client, category):
    cecler = make_place(name_fr="CeCler")
    response = upload(admin_client, category, PARTNER)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "Nouveaux : 2 · mis à jour : 0 · refusés : 4." in html
    assert "Déjà passé : déjà passé" in html
    assert "Tous les jours : cette répétition ne peut pas être affichée par le site" in html
    assert "Sans fin : pas de fin (DTEND ou DURATION)" in html
    assert "pas de titre (SUMMARY)" in html
    workshop = Event.objects.get(source_uid="atelier-1@partenaire.example")
    assert (workshop.title_fr, workshop.published, workshop.category) == (
        "Atelier de conversation",
        False,
        category,
    )
    assert workshop.place == cecler
    assert workshop.starts_at == datetime.datetime(2027, 1, 12, 14, tzinfo=PARIS)
    assert (workshop.repeat, workshop.repeat_until) == (Repeat.WEEKLY, datetime.date(2027, 3, 30))
    assert workshop.summary_fr == "Parler français autour d'un café."
    open_day = Event.objects.get(source_uid="portes-ouvertes@partenaire.example")
    assert open_day.all_day
    assert open_day.ends_at - open_day.starts_at == datetime.timedelta(days=1)
    # Drafts: readers see none of them yet.
    assert Event.objects.published().count() == 0


@time_machine.travel(datetime.datetime(2026, 12, 2, 10, tzinfo=PARIS), tick=False)
def test_importing_again_updates_instead_of_duplicating(admin_client, category):
    upload(admin_client, category, PARTNER)
    workshop = Event.objects.get(source_uid="atelier-1@partenaire.example")
    workshop.title_en = "Conversation workshop"
    workshop.published = True
    workshop.save()
    response = upload(admin_client, category, PARTNER.replace("Atelier de conversation", "Atelier"))
    assert "Nouveaux : 0 · mis à jour : 2 · refusés : 4." in unescape(response.content.decode())
    workshop.refresh_from_db()
    assert (workshop.title_fr, workshop.title_en, workshop.published) == (
        "Atelier",
        "Conversation workshop",
        True,
    )
    assert Event.objects.count() == 2


def test_a_file_that_is_no_calendar_is_refused_with_a_message(admin_client, category):
    response = upload(admin_client, category, "Nom;Date\nAtelier;12/01/2027\n", "agenda.csv")
    assert response.status_code == 400
    assert "Ce n&#x27;est pas un fichier iCalendar (.ics)" in response.content.decode()
    response = admin_client.post(URL, {"category": category.pk})
    assert response.status_code == 400
    assert "Donnez l&#x27;adresse de l&#x27;agenda, ou son fichier." in response.content.decode()
    assert Event.objects.count() == 0


class _Calendar(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the standard library's name)
        body = PARTNER.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def partner_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Calendar)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/agenda.ics"
    server.shutdown()
    server.server_close()


@time_machine.travel(datetime.datetime(2026, 12, 2, 10, tzinfo=PARIS), tick=True)
def test_a_calendar_is_fetched_from_its_address(admin_client, category, partner_server):
    response = admin_client.post(URL, {"category": category.pk, "url": partner_server})
    assert "Nouveaux : 2 · mis à jour : 0 · refusés : 4." in unescape(response.content.decode())
    # Nothing listens on the discard port: the message says so, nothing more is imported.
    response = admin_client.post(URL, {"category": category.pk, "url": "http://127.0.0.1:9/x.ics"})
    assert response.status_code == 400
    assert "n&#x27;a pas pu être téléchargé" in response.content.decode()
    assert Event.objects.count() == 2


def test_only_staff_who_may_add_events_import(client, category):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
