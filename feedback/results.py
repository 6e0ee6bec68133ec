"""What staff read from the answers: counts per question, free texts, CSV export, page votes."""

import csv
import datetime
from itertools import islice

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from guide.models import Section

from .models import Answer, Choice, PageFeedback, Question, Response

TEXTS_SHOWN = 200


def filtered_responses(questionnaire, since=None, until=None, language=""):
    responses = Response.objects.filter(questionnaire=questionnaire)
    if since:
        responses = responses.filter(submitted_at__date__gte=since)
    if until:
        responses = responses.filter(submitted_at__date__lte=until)
    if language in dict(settings.LANGUAGES):
        responses = responses.filter(language=language)
    return responses


def _bar(label, count, total):
    return {"label": label, "count": count, "percent": round(100 * count / total) if total else 0}


def question_results(questionnaire, responses):
    """For each question: how many answered it, and the bars or the texts to show."""
    total = responses.count()
    answers = Answer.objects.filter(response__in=responses)
    results = []
    for question in questionnaire.questions.prefetch_related("choices"):
        mine = answers.filter(question=question)
        answered = mine.count()
        result = {"question": question, "answered": answered, "total": total, "bars": []}
        if question.has_choices:
            counts = dict(
                Choice.objects.filter(question=question)
                .annotate(n=Count("answers", filter=Q(answers__in=mine)))
                .values_list("pk", "n")
            )
            result["bars"] = [
                _bar(choice.label, counts.get(choice.pk, 0), answered)
                for choice in question.choices.all()
            ]
        elif question.kind == Question.Kind.SCALE:
            counts = dict(mine.values_list("scale_value").annotate(n=Count("pk")))
            result["bars"] = [_bar(str(n), counts.get(n, 0), answered) for n in range(1, 6)]
            if answered:
                result["average"] = sum(n * c for n, c in counts.items()) / answered
        elif question.kind == Question.Kind.YES_NO:
            counts = dict(mine.values_list("yes_no").annotate(n=Count("pk")))
            result["bars"] = [
                _bar(label, counts.get(value, 0), answered)
                for value, label in ((True, "oui / yes"), (False, "non / no"))
            ]
        else:
            result["texts"] = list(
                mine.exclude(text="")
                .order_by("-response__submitted_at")
                .values_list("text", "response__language", "response__submitted_at")[:TEXTS_SHOWN]
            )
        results.append(result)
    return total, results


class _Echo:
    """A file-like object whose write() hands back the line, for csv.writer in a stream."""

    def write(self, value):
        return value


def export_rows(questionnaire, responses, chunk_size=1000):
    """Yield CSV lines for every response, one chunk of plain rows in memory at a time.

    Plain tuples rather than model instances: prefetched instances point at each other, and
    those cycles wait for the garbage collector, so memory would grow with the export.
    """
    questions = list(questionnaire.questions.all())
    labels = dict(
        Choice.objects.filter(question__questionnaire=questionnaire).values_list("pk", "label")
    )
    yes_no = {True: "oui / yes", False: "non / no"}
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(
        ["response", "submitted_at", "language", *(q.text for q in questions)]
    )
    rows = responses.order_by("pk").values_list("pk", "submitted_at", "language")
    iterator = rows.iterator(chunk_size=chunk_size)
    while chunk := list(islice(iterator, chunk_size)):
        ids = [pk for pk, _when, _language in chunk]
        values = {}
        for response_id, question_id, scale, yes, text in Answer.objects.filter(
            response_id__in=ids
        ).values_list("response_id", "question_id", "scale_value", "yes_no", "text"):
            if scale is not None:
                values[response_id, question_id] = str(scale)
            elif yes is not None:
                values[response_id, question_id] = yes_no[yes]
            else:
                values[response_id, question_id] = text
        for response_id, question_id, choice_id in (
            Answer.choices.through.objects.filter(answer__response_id__in=ids)
            .order_by("choice__order", "choice_id")
            .values_list("answer__response_id", "answer__question_id", "choice_id")
        ):
            key = (response_id, question_id)
            values[key] = ", ".join(filter(None, [values.get(key), labels[choice_id]]))
        for pk, submitted_at, language in chunk:
            yield writer.writerow(
                [
                    pk,
                    timezone.localtime(submitted_at).isoformat(timespec="seconds"),
                    language,
                    *(values.get((pk, q.pk), "") for q in questions),
                ]
            )


def page_report(since=None):
    """Sections ordered by « not useful » votes, with their comments."""
    votes = PageFeedback.objects.all()
    if since:
        votes = votes.filter(created_at__date__gte=since)
    rows = list(
        votes.values("section")
        .annotate(
            not_useful=Count("pk", filter=Q(useful=False)),
            useful=Count("pk", filter=Q(useful=True)),
        )
        .order_by("-not_useful", "-useful")
    )
    comments = {}
    for section_id, comment, useful, language, created in (
        votes.exclude(comment="")
        .order_by("-created_at")
        .values_list("section", "comment", "useful", "language", "created_at")
    ):
        comments.setdefault(section_id, []).append((comment, useful, language, created))
    sections = Section.objects.select_related("theme").in_bulk([row["section"] for row in rows])
    return [
        {**row, "section": sections[row["section"]], "comments": comments.get(row["section"], [])}
        for row in rows
    ]


def parse_date(value):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None
