"""The coordinators hear of a new mentoring request by e-mail, through a real SMTP server."""

import pytest

from mentoring.models import MentoringRequest
from tests.mentoring.test_mentoring import VALID

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(smtp, settings):
    settings.MENTORING_NOTIFY_EMAIL = "parrainage@clermont-ferrand.fr"
    return smtp


def test_the_coordinators_are_told_without_any_personal_data(
    client, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/ar/mentoring/", {**VALID, "email": "amina@example.org", "message": "Mon fils."}
        )
    assert response.status_code == 302
    request = MentoringRequest.objects.get()
    [(recipients, message)] = smtp.messages
    assert recipients == ["parrainage@clermont-ferrand.fr"]
    assert f"http://testserver/admin/mentoring/mentoringrequest/{request.pk}/change/" in message
    for personal in (
        "Amina",
        "06 12 34 56 78",
        "0612345678",
        "amina@example.org",
        "arabe",
        "le matin",
        "Mon fils",
        "mentee",
    ):
        assert personal not in message.split("\n\n", 1)[1], personal  # the body
    assert "Amina" not in message


def test_a_mail_server_that_fails_loses_nothing(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    settings.MENTORING_NOTIFY_EMAIL = "parrainage@clermont-ferrand.fr"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/mentoring/", VALID)
    assert response["Location"] == "/fr/mentoring/thanks/"
    assert MentoringRequest.objects.get().first_name == "Amina"


def test_coordinators_call_or_write_with_one_tap(admin_client):
    MentoringRequest.objects.create(
        kind="mentee",
        first_name="Amina",
        phone="06 12 34 56 78",
        email="a@example.org",
        languages="arabe",
        language="fr",
    )
    html = admin_client.get("/admin/mentoring/mentoringrequest/").content.decode()
    assert '<a href="tel:0612345678">06 12 34 56 78</a>' in html
    assert '<a href="mailto:a@example.org">a@example.org</a>' in html
