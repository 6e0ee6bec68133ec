"""Peer mentoring: the request form, who sees requests, and how long they are kept."""

import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django.views.debug import SafeExceptionReporterFilter

from guide.models import Section
from mentoring.forms import MentoringRequestForm
from mentoring.models import Consultation, MentoringRequest
from tests.helpers import log_in_staff

pytestmark = pytest.mark.django_db

VALID = {
    "kind": "mentee",
    "first_name": "Amina",
    "phone": "06 12 34 56 78",
    "languages": "arabe, français",
    "preferred_times": "le matin",
    "message": "Je viens d'arriver.",
    "consent": "on",
}


def test_a_request_is_stored_with_the_reader_language(client):
    response = client.post("/en/mentoring/", VALID)
    assert response["Location"] == "/en/mentoring/thanks/"
    request = MentoringRequest.objects.get()
    assert (request.first_name, request.language, request.status) == ("Amina", "en", "new")
    assert response.cookies == {}


@pytest.mark.parametrize("contact", [{"phone": ""}, {"email": ""}], ids=["email", "phone"])
def test_a_phone_number_or_an_email_address_is_enough(client, contact):
    response = client.post("/fr/mentoring/", {**VALID, "email": "a@example.org", **contact})
    assert response.status_code == 302
    assert MentoringRequest.objects.count() == 1


def test_consent_and_a_way_to_call_back_are_required(client):
    response = client.post("/fr/mentoring/", {**VALID, "consent": "", "phone": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nous avons besoin de votre accord pour garder vos informations." in html
    assert "Indiquez un numéro de téléphone ou une adresse e-mail" in html
    assert not MentoringRequest.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [{"kind": "boss"}, {"email": "not-an-email", "phone": ""}, {"first_name": "x" * 200}],
)
def test_bad_input_is_refused_with_a_message(client, changes):
    assert client.post("/fr/mentoring/", {**VALID, **changes}).status_code == 400
    assert not MentoringRequest.objects.exists()


def test_honeypot_and_rate_limit(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "mentoring": (2, 3600)}
    assert client.post("/fr/mentoring/", {**VALID, "website": "spam"}).status_code == 302
    assert not MentoringRequest.objects.exists()
    assert client.post("/fr/mentoring/", VALID).status_code == 302
    assert client.post("/fr/mentoring/", VALID).status_code == 429  # the spam counted
    assert MentoringRequest.objects.count() == 1


def test_mistakes_in_the_form_do_not_use_up_the_limit(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "mentoring": (1, 3600)}
    for mistake in ({"phone": ""}, {"consent": ""}, {"email": "x", "phone": ""}, {"kind": ""}):
        assert client.post("/fr/mentoring/", {**VALID, **mistake}).status_code == 400
    assert client.post("/fr/mentoring/", VALID).status_code == 302
    assert MentoringRequest.objects.get().first_name == "Amina"


def test_a_reader_over_the_limit_keeps_what_she_typed(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "mentoring": (0, 3600)}
    response = client.post("/en/mentoring/", VALID)
    assert response.status_code == 429
    html = response.content.decode()
    assert "<h1>Peer mentoring</h1>" in html
    assert "Your request is not sent yet" in html
    assert "What you wrote is still in the form below" in html
    assert 'name="first_name" value="Amina"' in html
    assert 'value="06 12 34 56 78"' in html
    assert "Je viens d&#x27;arriver.</textarea>" in html
    assert re.search(r'value="mentee"[^>]* checked', html)
    assert not MentoringRequest.objects.exists()


def test_an_office_sharing_one_connection_can_send_twenty_requests(client):
    for n in range(20):
        response = client.post("/fr/mentoring/", {**VALID, "first_name": f"Personne {n}"})
        assert response.status_code == 302, n
    assert MentoringRequest.objects.count() == 20


@pytest.mark.parametrize(
    ("language", "months", "expected"),
    [
        (
            "en",
            12,
            "I agree that the mentoring coordinators of the City keep these details to contact"
            " me about mentoring. They are deleted 12 months after my request is closed, and I"
            " can ask for them to be deleted sooner.",
        ),
        ("en", 1, "They are deleted 1 month after my request is closed"),
        ("fr", 12, "Elles sont effacées 12 mois après la clôture de ma demande"),
        ("fr-falc", 3, "La Ville efface ces informations 3 mois après la fin de ma demande."),
    ],
)
def test_consent_states_the_retention_period_in_force(client, language, months, expected):
    with override_settings(MENTORING_RETENTION_MONTHS=months):
        html = client.get(f"/{language}/mentoring/").content.decode()
    assert expected in html
    assert "6 mois" not in html and "6 months" not in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "we keep your details for 9 more months, then we delete them."),
        ("fr", "nous gardons vos informations encore 9 mois, puis nous les effaçons."),
        ("fr-falc", "Alors nous gardons vos informations encore 9 mois.<br>"),
    ],
)
def test_privacy_page_says_what_mentoring_keeps_and_for_how_long(client, language, expected):
    with override_settings(MENTORING_RETENTION_MONTHS=9):
        html = client.get(f"/{language}/privacy/").content.decode()
    assert expected in html
    assert "« Coordination parrainage »" in html
    if language == "en":
        for detail in ("your first name", "your phone number or your email address", "message"):
            assert detail in html
        assert "to see your details, to correct them or to delete them" in html


@pytest.fixture
def programme(section):
    """The guide section the mentoring page shows (settings.MENTORING_SECTION_SLUG)."""
    section.slug = "parrainage"
    section.save()
    return section


def test_the_page_shows_the_programme_written_by_staff(client, programme):
    programme.body_en = "<p>Mentors meet you a few times.</p>"
    programme.save()
    html = client.get("/en/mentoring/").content.decode()
    assert "<h1>Peer mentoring</h1>" in html
    assert "Mentors meet you a few times." in html
    assert 'name="consent"' in html
    assert "---------" not in html and " checked" not in html  # no choice made for the reader


def test_the_programme_marks_text_shown_in_french(client, programme):
    programme.summary_en = ""
    programme.save()
    html = client.get("/en/mentoring/").content.decode()
    assert '<p class="lead" lang="fr">Comment trouver un médecin traitant.</p>' in html
    assert '<div class="prose">' in html  # the English body is there
    assert "This page is not translated into English yet. Here it is in French." in html


def _staff(group_name):
    user = User.objects.create_user(group_name, password="une phrase de passe solide")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_only_coordinators_see_requests(client):
    MentoringRequest.objects.create(
        kind="mentee", first_name="Amina", phone="06", languages="arabe", language="fr"
    )
    log_in_staff(client, _staff("Éditeurs"))
    assert client.get("/admin/mentoring/mentoringrequest/").status_code == 403
    assert "Amina" not in client.get("/admin/").content.decode()
    log_in_staff(client, _staff("Coordination parrainage"))
    html = client.get("/admin/mentoring/mentoringrequest/").content.decode()
    assert "Amina" in html


def test_coordinator_closes_a_request(client):
    request = MentoringRequest.objects.create(
        kind="mentor", first_name="Omar", email="o@example.org", languages="dari", language="fr"
    )
    log_in_staff(client, _staff("Coordination parrainage"))
    response = client.post(
        f"/admin/mentoring/mentoringrequest/{request.pk}/change/",
        {"status": "closed", "note": "Binôme avec Amina."},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "closed" and request.closed_at is not None
    assert request.first_name == "Omar"


def test_closed_requests_are_deleted_after_the_retention_period():
    def make(status, closed_days_ago=None):
        request = MentoringRequest.objects.create(
            kind="mentee", first_name="X", phone="06", languages="fr", language="fr", status=status
        )
        if closed_days_ago is not None:
            MentoringRequest.objects.filter(pk=request.pk).update(
                closed_at=timezone.now() - datetime.timedelta(days=closed_days_ago)
            )
        return request

    old_closed = make("closed", closed_days_ago=200)
    recent_closed = make("closed", closed_days_ago=30)
    old_open = make("contacted")
    MentoringRequest.objects.filter(pk=old_open.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    out = StringIO()
    call_command("delete_closed_mentoring_requests", "--dry-run", stdout=out)
    assert "Would delete 1 requests" in out.getvalue()
    call_command("delete_closed_mentoring_requests", stdout=out)
    remaining = set(MentoringRequest.objects.values_list("pk", flat=True))
    assert remaining == {recent_closed.pk, old_open.pk}
    assert old_closed.pk not in remaining


def test_request_details_stay_out_of_error_reports(client):
    """Django's error reports would show POST data; the view marks all of it sensitive."""
    request = client.post("/fr/mentoring/", VALID).wsgi_request
    cleaned = SafeExceptionReporterFilter().get_post_parameters(request)
    assert cleaned["phone"] != "06 12 34 56 78"
    assert "Amina" not in str(cleaned)


def test_staff_html_written_around_save_is_still_cleaned_for_readers(client, programme):
    """An import or a shell `update()` skips save()'s cleaning: the page cleans again."""
    Section.objects.filter(pk=programme.pk).update(
        body_en='<p onclick="steal()">Mentors meet you.</p><script>steal()</script>'
        '<img src="x" onerror="steal()"><a href="javascript:steal()">link</a>'
    )
    html = client.get("/en/mentoring/").content.decode()
    assert "<p>Mentors meet you.</p>" in html
    assert "steal()" not in html


def _closed_request(days_ago):
    request = MentoringRequest.objects.create(
        kind="mentee", first_name="X", phone="06", languages="fr", language="fr", status="closed"
    )
    MentoringRequest.objects.filter(pk=request.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return request


def test_a_dry_run_deletes_nothing():
    request = _closed_request(days_ago=400)
    out = StringIO()
    call_command("delete_closed_mentoring_requests", "--dry-run", stdout=out)
    assert "Would delete 1 requests" in out.getvalue()
    assert MentoringRequest.objects.filter(pk=request.pk).exists()


@pytest.mark.parametrize(
    ("months_ago", "kept"), [(1, True), (5, True), (7, False)], ids=["1", "5", "7"]
)
def test_closed_requests_are_kept_for_months_not_days(months_ago, kept, settings):
    settings.MENTORING_RETENTION_MONTHS = 6
    request = _closed_request(days_ago=31 * months_ago)
    call_command("delete_closed_mentoring_requests", stdout=StringIO())
    assert MentoringRequest.objects.filter(pk=request.pk).exists() == kept


def test_without_a_proxy_a_forwarded_for_header_is_ignored(client, settings):
    """Anyone can write X-Forwarded-For: only our own proxy's is believed."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "mentoring": (1, 3600)}
    first = client.post("/fr/mentoring/", VALID, headers={"x-forwarded-for": "192.0.2.1"})
    assert first.status_code == 302
    response = client.post("/fr/mentoring/", VALID, headers={"x-forwarded-for": "192.0.2.2"})
    assert response.status_code == 429
    assert MentoringRequest.objects.count() == 1


def test_behind_the_proxy_the_limit_follows_the_address_the_proxy_saw(client, settings):
    """The proxy appends the address it saw; whatever comes before, the client wrote."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "mentoring": (1, 3600)}

    def post(forwarded_for):
        headers = {"x-forwarded-for": forwarded_for, "x-forwarded-proto": "https"}
        return client.post("/fr/mentoring/", VALID, headers=headers, secure=True)

    assert post("203.0.113.7, 198.51.100.1").status_code == 302
    # Another made-up first address, the same client: still over its limit.
    assert post("192.0.2.99, 198.51.100.1").status_code == 429
    assert post("192.0.2.99,198.51.100.1").status_code == 429
    assert post("192.0.2.1, 192.0.2.99, 198.51.100.1").status_code == 429
    # Another client behind the same proxy has its own allowance.
    assert post("203.0.113.7, 198.51.100.2").status_code == 302
    assert MentoringRequest.objects.count() == 2


def test_requests_come_only_from_the_form_not_from_the_admin(client):
    """Personal data is entered by the person it is about: coordinators cannot add a request."""
    log_in_staff(client, _staff("Coordination parrainage"))
    assert client.get("/admin/mentoring/mentoringrequest/").status_code == 200
    assert client.get("/admin/mentoring/mentoringrequest/add/").status_code == 403


def test_a_request_without_phone_or_email_is_refused_as_such():
    form = MentoringRequestForm(data={**VALID, "phone": "", "email": ""})
    assert not form.is_valid()
    assert form.has_error(NON_FIELD_ERRORS, "no_contact")


def test_who_read_a_request_is_recorded_and_cannot_be_erased(client):
    request = MentoringRequest.objects.create(
        kind="mentee", first_name="Amina", phone="06", languages="arabe", language="fr"
    )
    coordinator = _staff("Coordination parrainage")
    log_in_staff(client, coordinator)
    client.get("/admin/mentoring/mentoringrequest/?status=new")
    page = client.get(f"/admin/mentoring/mentoringrequest/{request.pk}/change/")
    listing, opening = Consultation.objects.order_by("pk")
    assert (listing.request, listing.username, listing.path) == (
        None,
        coordinator.username,
        "/admin/mentoring/mentoringrequest/?status=new",
    )
    assert (opening.request, opening.user) == (request, coordinator)
    # The next coordinator sees who opened it before.
    html = client.get(f"/admin/mentoring/mentoringrequest/{request.pk}/change/").content.decode()
    assert page.status_code == 200 and coordinator.username in html
    # Nobody edits or deletes the record, coordinators included.
    assert client.get(f"/admin/mentoring/consultation/{opening.pk}/delete/").status_code == 403
    assert (
        client.post(
            f"/admin/mentoring/consultation/{opening.pk}/change/", {"username": "x"}
        ).status_code
        == 403
    )
    assert client.get("/admin/mentoring/consultation/").status_code == 200


def test_consultations_of_lists_go_after_the_retention_period(settings):
    settings.MENTORING_RETENTION_MONTHS = 6
    request = MentoringRequest.objects.create(
        kind="mentee", first_name="X", phone="06", languages="fr", language="fr"
    )
    old_list = Consultation.objects.create(username="c", path="/admin/")
    old_request = Consultation.objects.create(request=request, username="c", path="/admin/")
    recent = Consultation.objects.create(username="c", path="/admin/")
    Consultation.objects.filter(pk__in=[old_list.pk, old_request.pk]).update(
        at=timezone.now() - datetime.timedelta(days=200)
    )
    call_command("delete_closed_mentoring_requests", stdout=StringIO())
    assert set(Consultation.objects.values_list("pk", flat=True)) == {old_request.pk, recent.pk}
