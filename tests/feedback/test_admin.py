"""What staff learn: the questionnaire builder, results, CSV export, page report, retention."""

import csv
import datetime
import io
from io import StringIO

import pytest
from django.core.management import call_command, load_command_class
from django.utils import timezone

from feedback import demo
from feedback.models import Answer, PageFeedback, Question, Response
from tests.factories import make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def questionnaire():
    return demo.load()


def _answer(questionnaire, language="fr", rating=4, helped=True, text="", when=None):
    response = Response.objects.create(questionnaire=questionnaire, language=language)
    if when:
        Response.objects.filter(pk=response.pk).update(submitted_at=when)
    by_kind = {q.kind: q for q in questionnaire.questions.all()}
    Answer.objects.create(response=response, question=by_kind["scale"], scale_value=rating)
    Answer.objects.create(response=response, question=by_kind["yes_no"], yes_no=helped)
    single = questionnaire.questions.filter(kind=Question.Kind.SINGLE).first()
    answer = Answer.objects.create(response=response, question=single)
    answer.choices.set([single.choices.first()])
    if text:
        free = questionnaire.questions.filter(kind=Question.Kind.TEXT).first()
        Answer.objects.create(response=response, question=free, text=text)
    return response


def test_results_show_counts_percentages_and_texts(admin_client, questionnaire):
    _answer(questionnaire, rating=5, text="Plus de cartes, merci.")
    _answer(questionnaire, rating=5, helped=False)
    _answer(questionnaire, rating=2, language="en")
    html = admin_client.get(f"/admin/feedback/questionnaire/{questionnaire.pk}/results/").content
    html = html.decode()
    assert "3 réponses" in html.replace("\xa0", " ")
    assert '<meter min="0" max="100" value="67">67 %</meter>' in html  # two fives of three
    assert "Moyenne : 4,0 / 5." in html
    assert "<q>Plus de cartes, merci.</q>" in html


def test_results_filter_by_language_and_period(admin_client, questionnaire):
    old = timezone.now() - datetime.timedelta(days=60)
    _answer(questionnaire, language="fr-falc", when=old)
    _answer(questionnaire, language="fr-falc")
    _answer(questionnaire, language="en")
    url = f"/admin/feedback/questionnaire/{questionnaire.pk}/results/"
    assert "2 réponses" in admin_client.get(url + "?language=fr-falc").content.decode()
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    html = admin_client.get(f"{url}?language=fr-falc&since={since}").content.decode()
    assert "1 réponse" in html
    assert admin_client.get(url + "?since=not-a-date&language=xx").status_code == 200


def test_export_streams_every_response_as_csv(admin_client, questionnaire):
    _answer(questionnaire, text="Un avis, avec une virgule")
    _answer(questionnaire, language="en")
    response = admin_client.get(f"/admin/feedback/questionnaire/{questionnaire.pk}/export.csv")
    assert response.streaming
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["response", "submitted_at", "language"]
    assert len(rows) == 3
    assert "Un avis, avec une virgule" in rows[1] + rows[2]


def test_page_report_orders_sections_by_not_useful_votes(admin_client):
    calm = make_section(title_fr="Page claire")
    troubled = make_section(title_fr="Page confuse")
    PageFeedback.objects.create(section=calm, language="fr", useful=True)
    for comment in ("Trop long", "Je ne comprends pas", ""):
        PageFeedback.objects.create(
            section=troubled, language="fr-falc", useful=False, comment=comment
        )
    html = admin_client.get("/admin/feedback/pagefeedback/report/").content.decode()
    assert html.index("Page confuse") < html.index("Page claire")
    assert "<q>Trop long</q>" in html and "<q>Je ne comprends pas</q>" in html


def test_responses_are_read_only(admin_client, questionnaire):
    response = _answer(questionnaire)
    assert admin_client.get("/admin/feedback/response/add/").status_code == 403
    page = admin_client.get(f"/admin/feedback/response/{response.pk}/change/").content.decode()
    assert 'name="_save"' not in page


def test_questionnaire_builder_has_questions_inline_in_every_language(admin_client, questionnaire):
    html = admin_client.get(f"/admin/feedback/questionnaire/{questionnaire.pk}/change/").content
    html = html.decode()
    for field in ("text_fr", "text_en", "text_fr_falc"):
        assert f'name="questions-0-{field}"' in html
    assert 'name="questions-0-order"' in html
    question = questionnaire.questions.filter(kind=Question.Kind.SINGLE).first()
    html = admin_client.get(f"/admin/feedback/question/{question.pk}/change/").content.decode()
    assert 'name="choices-0-label_fr_falc"' in html


def test_old_feedback_is_deleted_after_the_retention_period(questionnaire):
    section = make_section()
    old = timezone.now() - datetime.timedelta(days=800)
    kept = _answer(questionnaire)
    _answer(questionnaire, when=old)
    vote = PageFeedback.objects.create(section=section, language="fr", useful=True)
    PageFeedback.objects.filter(pk=vote.pk).update(created_at=old)
    out = StringIO()
    call_command("delete_old_feedback", "--dry-run", stdout=out)
    assert "Would delete 1 responses, 1 page votes and 0 searches without result" in out.getvalue()
    assert Response.objects.count() == 2
    call_command("delete_old_feedback", stdout=out)
    assert list(Response.objects.all()) == [kept]
    assert not PageFeedback.objects.exists()
    call_command("delete_old_feedback", "--months", "0", stdout=out)
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    ("months_ago", "kept"), [(1, True), (23, True), (25, False)], ids=["1", "23", "25"]
)
def test_feedback_is_kept_for_months_not_days(questionnaire, settings, months_ago, kept):
    settings.FEEDBACK_RETENTION_MONTHS = 24
    when = timezone.now() - datetime.timedelta(days=31 * months_ago)
    response = _answer(questionnaire, when=when)
    vote = PageFeedback.objects.create(section=make_section(), language="fr", useful=True)
    PageFeedback.objects.filter(pk=vote.pk).update(created_at=when)
    call_command("delete_old_feedback", stdout=StringIO())
    assert Response.objects.filter(pk=response.pk).exists() == kept
    assert PageFeedback.objects.filter(pk=vote.pk).exists() == kept


def test_retention_commands_say_what_they_did(questionnaire):
    _answer(questionnaire, when=timezone.now() - datetime.timedelta(days=800))
    out = StringIO()
    call_command("delete_old_feedback", stdout=out)
    cutoff = (timezone.now() - datetime.timedelta(days=731)).date()
    assert out.getvalue().strip() == (
        "Deleted 1 responses, 0 page votes and 0 searches without result "
        f"older than {cutoff:%Y-%m-%d}."
    )
    quiet = StringIO()
    call_command("delete_old_feedback", "--dry-run", verbosity=0, stdout=quiet)
    assert quiet.getvalue() == ""


@pytest.mark.parametrize(
    ("app", "name", "setting"),
    [
        ("feedback", "delete_old_feedback", "FEEDBACK_RETENTION_MONTHS"),
        ("mentoring", "delete_closed_mentoring_requests", "MENTORING_RETENTION_MONTHS"),
    ],
)
def test_retention_commands_explain_their_options(app, name, setting):
    parser = load_command_class(app, name).create_parser("manage.py", name)
    usage = " ".join(parser.format_help().split())
    assert f"Keep this many months (default: the setting {setting})." in usage
    assert "--dry-run Count, delete nothing." in usage
