"""Peer mentoring: the request form, who sees requests, and how long they are kept."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone
from django.views.debug import SafeExceptionReporterFilter

from feedback.models import MentoringRequest

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
    assert client.post("/fr/mentoring/", {**VALID, "website": "spam"}).status_code == 302
    assert not MentoringRequest.objects.exists()
    settings.FEEDBACK_RATE_LIMITS = {**settings.FEEDBACK_RATE_LIMITS, "mentoring": (1, 3600)}
    client.post("/fr/mentoring/", VALID)
    assert client.post("/fr/mentoring/", VALID).status_code == 429


def test_the_page_shows_the_programme_written_by_staff(client, section):
    section.slug = "parrainage"
    section.body_en = "<p>Mentors meet you a few times.</p>"
    section.save()
    html = client.get("/en/mentoring/").content.decode()
    assert "<h1>Peer mentoring</h1>" in html
    assert "Mentors meet you a few times." in html
    assert 'name="consent"' in html
    assert "---------" not in html and " checked" not in html  # no choice made for the reader


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
    client.force_login(_staff("Éditeurs"))
    assert client.get("/admin/feedback/mentoringrequest/").status_code == 403
    assert "Amina" not in client.get("/admin/").content.decode()
    client.force_login(_staff("Coordination parrainage"))
    html = client.get("/admin/feedback/mentoringrequest/").content.decode()
    assert "Amina" in html


def test_coordinator_closes_a_request(client):
    request = MentoringRequest.objects.create(
        kind="mentor", first_name="Omar", email="o@example.org", languages="dari", language="fr"
    )
    client.force_login(_staff("Coordination parrainage"))
    response = client.post(
        f"/admin/feedback/mentoringrequest/{request.pk}/change/",
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
