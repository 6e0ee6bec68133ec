"""Many readers answering at once on PostgreSQL: every success is stored, nothing else is."""

import http.client
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

import pytest
from django.db import connection

from feedback import demo
from feedback.models import Answer, Question, Response

CLIENTS = 16
SUBMISSIONS_EACH = 10


def _answers(questionnaire):
    data = []
    for question in questionnaire.questions.all():
        name = f"q{question.pk}"
        if question.has_choices:
            data.append((name, question.choices.first().pk))
        elif question.kind == Question.Kind.SCALE:
            data.append((name, 3))
        elif question.kind == Question.Kind.YES_NO:
            data.append((name, "no"))
        else:
            data.append((name, "Réponse envoyée en même temps que les autres."))
    return urlencode(data).encode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_lose_nothing(live_server, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "questionnaire": (10**6, 60)}
    questionnaire = demo.load()
    body = _answers(questionnaire)
    address = urlsplit(live_server.url)

    def submit(_client):
        statuses = []
        for _ in range(SUBMISSIONS_EACH):
            conn = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
            conn.request(
                "POST",
                "/fr/feedback/",
                body=body,
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            statuses.append(conn.getresponse().status)
            conn.close()
        return statuses

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        statuses = [status for batch in pool.map(submit, range(CLIENTS)) for status in batch]

    succeeded = statuses.count(302)
    stored = Response.objects.count()
    print(f"{CLIENTS} clients, {len(statuses)} submissions, {succeeded} accepted, {stored} stored")
    assert succeeded == stored == CLIENTS * SUBMISSIONS_EACH
    assert Answer.objects.count() == stored * questionnaire.questions.count()
