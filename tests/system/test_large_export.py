"""The questionnaire's CSV export at a size a real city reaches: 100,000 responses."""

import tracemalloc

import pytest

from feedback import demo
from feedback.models import Answer, Question, Response

pytestmark = pytest.mark.django_db


def _add_responses(questionnaire, count):
    scale = questionnaire.questions.get(kind=Question.Kind.SCALE)
    created = Response.objects.bulk_create(
        [Response(questionnaire=questionnaire, language="fr") for _ in range(count)],
        batch_size=5000,
    )
    Answer.objects.bulk_create(
        [Answer(response=r, question=scale, scale_value=1 + r.pk % 5) for r in created],
        batch_size=5000,
    )


def _export_peak(client, questionnaire):
    response = client.get(f"/admin/feedback/questionnaire/{questionnaire.pk}/export.csv")
    tracemalloc.start()
    lines = size = 0
    for chunk in response.streaming_content:
        lines += 1
        size += len(chunk)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return lines, size, peak


def test_export_of_100000_responses_runs_in_constant_memory(admin_client):
    questionnaire = demo.load()
    _add_responses(questionnaire, 20_000)
    lines_20k, size_20k, peak_20k = _export_peak(admin_client, questionnaire)
    _add_responses(questionnaire, 80_000)
    lines, size, peak = _export_peak(admin_client, questionnaire)
    assert (lines_20k, lines) == (20_001, 100_001)
    assert size > 4 * size_20k
    # Five times the rows, about the same memory: one chunk of rows is held at a time.
    assert peak < 1.5 * peak_20k
