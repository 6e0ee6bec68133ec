"""
Print the size and the peak traced memory of the questionnaire CSV export for 20,000 and
100,000 responses, in a throwaway SQLite database.

    .venv/bin/python bench/feedback_export.py
"""

import os
import secrets
import sys
import tempfile
import tracemalloc
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome.settings")
# Production mode: with DEBUG on, Django keeps the last 9,000 queries in memory.
os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
os.environ["DJANGO_DEBUG"] = "false"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from feedback import demo, results  # noqa: E402
from feedback.models import Answer, Question, Response  # noqa: E402


def add(questionnaire, count):
    scale = questionnaire.questions.get(kind=Question.Kind.SCALE)
    text = questionnaire.questions.filter(kind=Question.Kind.TEXT).first()
    created = Response.objects.bulk_create(
        [Response(questionnaire=questionnaire, language="fr") for _ in range(count)],
        batch_size=5000,
    )
    Answer.objects.bulk_create(
        [Answer(response=r, question=scale, scale_value=1 + r.pk % 5) for r in created]
        + [Answer(response=r, question=text, text="Un commentaire, assez court.") for r in created],
        batch_size=5000,
    )


def measure(questionnaire):
    tracemalloc.start()
    lines = size = 0
    for line in results.export_rows(questionnaire, Response.objects.all()):
        lines += 1
        size += len(line.encode())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return lines - 1, size, peak


def main():
    call_command("migrate", verbosity=0)
    questionnaire = demo.load()
    for target in (20_000, 100_000):
        add(questionnaire, target - Response.objects.count())
        responses, size, peak = measure(questionnaire)
        print(
            f"{responses:>7} responses: CSV {size / 1e6:.1f} MB, peak traced memory "
            f"{peak / 1e6:.2f} MB"
        )


if __name__ == "__main__":
    main()
