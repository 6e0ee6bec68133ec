"""Password reset by e-mail for staff, through a real SMTP server on the loopback."""

import re

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice():
    return User.objects.create_user(
        "alice", "alice@example.org", "une phrase de passe solide", is_staff=True
    )


def _ask(client, address, remote="192.0.2.10"):
    return client.post("/admin/account/password-reset/", {"email": address}, REMOTE_ADDR=remote)


def _body(message):
    """The text after the headers (Django sends UTF-8 text as 8 bits, not encoded)."""
    headers, body = message.split("\n\n", 1)
    assert "Content-Transfer-Encoding: 8bit" in headers
    return body


def test_the_login_page_offers_the_reset(client):
    html = client.get("/admin/login/").content.decode()
    assert 'href="/admin/account/password-reset/"' in html


def test_the_link_reaches_the_mailbox_and_works_once(client, smtp, alice):
    response = _ask(client, "alice@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/admin/account/password-reset/sent/"
    [(recipients, message)] = smtp.messages
    assert recipients == ["alice@example.org"]
    body = _body(message)
    assert "« alice »" in body and "deux heures" in body
    link = re.search(r"http://testserver(/admin/account/password-reset/\S+/)", body)[1]

    form = client.get(link, follow=True)
    assert "Saisissez un nouveau mot de passe" in form.content.decode()
    new_password = "un autre long mot de passe"
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}
    )
    assert done["Location"] == "/admin/account/password-reset/done/"
    alice.refresh_from_db()
    assert alice.check_password(new_password)

    again = client.get(link, follow=True).content.decode()
    assert "n’était pas valide" in again
    # The second factor is still asked.
    client.post("/admin/login/", {"username": "alice", "password": new_password})
    assert client.get("/admin/")["Location"].startswith("/admin/account/enrol/")


def test_no_account_no_staff_no_mail_and_the_same_answer(client, smtp, alice):
    User.objects.create_user("reader", "reader@example.org", "x" * 12)
    answers = [_ask(client, address) for address in ("nobody@example.org", "reader@example.org")]
    assert smtp.messages == []
    assert {(a.status_code, a["Location"]) for a in answers} == {
        (302, "/admin/account/password-reset/sent/")
    }


def test_requests_are_limited_per_connection(client, smtp, alice):
    for number in range(5):
        assert _ask(client, f"x{number}@example.org").status_code == 302
    refused = _ask(client, "alice@example.org")
    assert refused.status_code == 429
    assert "Trop de demandes de réinitialisation" in refused.content.decode()
    assert smtp.messages == []
    assert _ask(client, "alice@example.org", remote="198.51.100.7").status_code == 302
    assert len(smtp.messages) == 1


def test_an_address_gets_three_mails_an_hour_whoever_asks(client, smtp, alice):
    for number in range(4):
        response = _ask(client, "alice@example.org", remote=f"198.51.100.{number}")
        assert response.status_code == 302
    assert len(smtp.messages) == 3
