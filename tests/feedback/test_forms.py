"""Readers answer the questionnaire and rate pages: anonymous, validated, never lost."""

import re
import time
from html import unescape

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from feedback import demo
from feedback.models import Answer, PageFeedback, Question, Response
from tests.factories import make_section

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def questionnaire():
    return demo.load()


def _questions(questionnaire):
    return {q.kind + str(q.order): q for q in questionnaire.questions.all()}


def _valid_answers(questionnaire):
    data = {}
    for question in questionnaire.questions.all():
        name = f"q{question.pk}"
        if question.kind == Question.Kind.SINGLE:
            data[name] = question.choices.first().pk
        elif question.kind == Question.Kind.MULTIPLE:
            data[name] = [c.pk for c in question.choices.all()[:2]]
        elif question.kind == Question.Kind.SCALE:
            data[name] = 4
        elif question.kind == Question.Kind.YES_NO:
            data[name] = "yes"
        else:
            data[name] = "Plus d'informations sur les bus de nuit."
    return data


def test_questionnaire_page_has_a_fieldset_and_legend_per_question(client, questionnaire):
    html = client.get("/en/feedback/").content.decode()
    assert f"<h1>{questionnaire.title_en}</h1>" in html
    choice_questions = questionnaire.questions.exclude(kind=Question.Kind.TEXT).count()
    assert html.count("<fieldset") == choice_questions
    assert html.count("<legend>") == choice_questions
    assert "1 – very bad" in html
    assert re.search(r"common/pictograms/scale-1\.[0-9a-f]{12}\.svg", html)
    for question in questionnaire.questions.all():
        assert escape(question.text_en) in html, question.kind
        if question.kind != Question.Kind.TEXT:  # each option has an id its label points to
            assert f'id="id_q{question.pk}_0"' in html and f'for="id_q{question.pk}_0"' in html
    scale = questionnaire.questions.get(kind=Question.Kind.SCALE)
    data = {**_valid_answers(questionnaire), f"q{scale.pk}": ""}
    assert client.post("/en/feedback/", data).status_code == (400 if scale.required else 302)


def test_falc_reader_gets_the_falc_questions(client, questionnaire):
    html = client.get("/fr-falc/feedback/").content.decode()
    assert "Le guide vous a aidé ?" in html


def test_a_complete_answer_is_stored_and_thanked(client, questionnaire):
    response = client.post("/fr-falc/feedback/", _valid_answers(questionnaire))
    assert response.status_code == 302
    assert response["Location"] == "/fr-falc/feedback/thanks/"
    stored = Response.objects.get()
    assert stored.language == "fr-falc"
    assert stored.answers.count() == questionnaire.questions.count()
    multiple = stored.answers.get(question__kind=Question.Kind.MULTIPLE)
    assert multiple.choices.count() == 2
    assert client.get("/fr-falc/feedback/thanks/").status_code == 200


def test_nothing_identifies_the_reader(client, questionnaire):
    response = client.post(
        "/fr/feedback/",
        _valid_answers(questionnaire),
        headers={"user-agent": "Mozilla/5.0 test-agent"},
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.cookies == {}
    fields = {field.name for field in Response._meta.get_fields()}
    assert fields == {"id", "questionnaire", "submitted_at", "language", "answers"}
    stored = str(Response.objects.values().get()) + str(list(Answer.objects.values()))
    assert "203.0.113.7" not in stored and "test-agent" not in stored


def test_missing_required_answers_are_listed_and_tied_to_their_fields(client, questionnaire):
    required = questionnaire.questions.filter(required=True)
    response = client.post("/en/feedback/", {})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary" role="alert"' in html
    for question in required:
        assert f'<a href="#question-q{question.pk}">' in html
        assert re.search(
            rf'aria-describedby="(id_q{question.pk}_helptext )?id_q{question.pk}_error"', html
        )
        assert f'<p class="field-error" id="id_q{question.pk}_error">' in html
    assert not Response.objects.exists()


def test_a_choice_from_another_question_is_refused(client, questionnaire):
    data = _valid_answers(questionnaire)
    single = questionnaire.questions.filter(kind=Question.Kind.SINGLE)
    first, second = single[0], single[1]
    data[f"q{first.pk}"] = second.choices.first().pk
    response = client.post("/en/feedback/", data)
    assert response.status_code == 400
    assert not Response.objects.exists()


def test_text_answers_are_capped(client, questionnaire):
    data = _valid_answers(questionnaire)
    text = questionnaire.questions.filter(kind=Question.Kind.TEXT).first()
    data[f"q{text.pk}"] = "x" * 5000
    response = client.post("/en/feedback/", data)
    assert response.status_code == 400
    assert "at most 2000 characters" in response.content.decode()


def test_honeypot_answers_are_thanked_and_dropped(client, questionnaire):
    response = client.post("/fr/feedback/", {**_valid_answers(questionnaire), "website": "x"})
    assert response.status_code == 302
    assert not Response.objects.exists()


def test_too_many_answers_from_one_client_get_their_form_back_with_a_429(
    client, questionnaire, settings
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "questionnaire": (2, 3600)}
    for _ in range(2):
        assert client.post("/en/feedback/", _valid_answers(questionnaire)).status_code == 302
    answers = _valid_answers(questionnaire)
    response = client.post("/en/feedback/", answers)
    assert response.status_code == 429
    html = response.content.decode()
    assert f"<h1>{questionnaire.title_en}</h1>" in html
    assert "Your answers are not saved yet" in html
    assert "Your answers are still in the form below" in html
    text = questionnaire.questions.filter(kind=Question.Kind.TEXT).first()
    assert f"{escape(answers[f'q{text.pk}'])}</textarea>" in html
    scale = questionnaire.questions.filter(kind=Question.Kind.SCALE).first()
    assert re.search(rf'name="q{scale.pk}" value="4"[^>]* checked', html)
    assert Response.objects.count() == 2
    # Another client is not affected.
    other = client.post("/en/feedback/", _valid_answers(questionnaire), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_answers_with_mistakes_do_not_use_up_the_limit(client, questionnaire, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "questionnaire": (2, 3600)}
    for _ in range(4):
        assert client.post("/en/feedback/", {}).status_code == 400
    for _ in range(2):
        assert client.post("/en/feedback/", _valid_answers(questionnaire)).status_code == 302
    assert Response.objects.count() == 2


def test_no_active_questionnaire_says_so(client):
    html = client.get("/en/feedback/").content.decode()
    assert "There is no questionnaire open at the moment." in html


def test_the_page_vote_form_has_ids_of_its_own(client, section):
    """The page also has the search form: the vote's ids must not clash with another form's."""
    html = client.get(f"/en/guide/{section.theme.slug}/{section.slug}/").content.decode()
    assert 'id="page-feedback-comment"' in html and 'for="page-feedback-comment"' in html
    assert 'id="id_comment"' not in html


def test_every_section_asks_if_it_was_useful(client, section):
    html = client.get(f"/en/guide/{section.theme.slug}/{section.slug}/").content.decode()
    assert '<h2 id="page-feedback-title">Was this page useful?</h2>' in html
    assert f'action="/en/feedback/page/{section.pk}/"' in html


def test_page_vote_without_javascript_comes_back_to_the_page(client, section):
    response = client.post(
        f"/en/feedback/page/{section.pk}/", {"useful": "no", "comment": "Too long."}
    )
    url = f"/en/guide/{section.theme.slug}/{section.slug}/?feedback=thanks#page-feedback"
    assert response["Location"] == url
    vote = PageFeedback.objects.get()
    assert (vote.useful, vote.comment, vote.language) == (False, "Too long.", "en")
    html = client.get(url).content.decode()
    assert "Thank you for your answer." in html


def test_page_vote_with_javascript_gets_json(client, section):
    response = client.post(
        f"/fr/feedback/page/{section.pk}/",
        {"useful": "yes"},
        headers={"accept": "application/json"},
    )
    assert response.json() == {"status": "ok"}
    assert PageFeedback.objects.get().useful is True


@pytest.mark.parametrize("data", [{}, {"useful": "maybe"}, {"useful": "no", "comment": "x" * 5000}])
def test_bad_page_votes_are_refused_clearly(client, section, data):
    response = client.post(f"/en/feedback/page/{section.pk}/", data)
    assert response.status_code == 400
    assert "Your answer could not be saved" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_refused_votes_do_not_use_up_the_limit(client, section, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "page": (1, 3600)}
    for _ in range(3):
        assert client.post(f"/en/feedback/page/{section.pk}/", {"useful": "?"}).status_code == 400
    assert client.post(f"/en/feedback/page/{section.pk}/", {"useful": "yes"}).status_code == 302
    assert PageFeedback.objects.count() == 1


def test_a_vote_over_the_limit_keeps_its_comment(client, section, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "page": (1, 3600)}
    url = f"/en/feedback/page/{section.pk}/"
    client.post(url, {"useful": "yes"})
    response = client.post(url, {"useful": "no", "comment": "The bus numbers are missing."})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Your answer is not saved yet: please send it again in an hour." in html
    assert re.search(r">\s*The bus numbers are missing\.</textarea>", html)
    as_json = client.post(
        url, {"useful": "no", "comment": "Again."}, headers={"accept": "application/json"}
    )
    assert (as_json.status_code, as_json.json()) == (429, {"status": "rate_limited"})
    assert PageFeedback.objects.count() == 1


def test_votes_on_drafts_or_missing_pages_are_not_found(client):
    draft = make_section(published=False)
    assert client.post(f"/en/feedback/page/{draft.pk}/", {"useful": "no"}).status_code == 404
    assert client.post("/en/feedback/page/999999/", {"useful": "no"}).status_code == 404
    assert client.get(f"/en/feedback/page/{draft.pk}/").status_code == 405


def test_questionnaire_html_has_no_inline_script(client, questionnaire):
    html = client.get("/fr/feedback/").content.decode()
    assert not re.search(r"<script(?![^>]*src=)", html)


def test_the_limit_lasts_its_whole_window(client, section, settings, monkeypatch):
    """Counted submissions are kept for the window (an hour), not the cache's default 5 min."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "page": (1, 3600)}
    start = 3600 * 500_000 + 10  # the first seconds of a window
    url = f"/en/feedback/page/{section.pk}/"
    monkeypatch.setattr(time, "time", lambda: start)
    assert client.post(url, {"useful": "yes"}).status_code == 302
    monkeypatch.setattr(time, "time", lambda: start + 40 * 60)
    assert client.post(url, {"useful": "no"}).status_code == 429
    monkeypatch.setattr(time, "time", lambda: start + 3600)  # the next window
    assert client.post(url, {"useful": "no"}).status_code == 302
    assert PageFeedback.objects.count() == 2


def test_a_page_vote_with_the_honeypot_filled_is_thanked_and_dropped(client, section):
    url = f"/fr/feedback/page/{section.pk}/"
    response = client.post(url, {"useful": "no", "comment": "Achetez ici", "website": "x"})
    assert response.status_code == 302
    assert not PageFeedback.objects.exists()
    json_response = client.post(
        url, {"useful": "no", "website": "x"}, headers={"accept": "application/json"}
    )
    assert json_response.json() == {"status": "ok"}
    assert not PageFeedback.objects.exists()


def test_a_multiple_choice_answer_from_another_question_is_refused(client, questionnaire):
    data = _valid_answers(questionnaire)
    multiple = questionnaire.questions.get(kind=Question.Kind.MULTIPLE)
    other = questionnaire.questions.filter(kind=Question.Kind.SINGLE).first()
    data[f"q{multiple.pk}"] = [multiple.choices.first().pk, other.choices.first().pk]
    response = client.post("/en/feedback/", data)
    assert response.status_code == 400
    assert not Response.objects.exists() and not Answer.objects.exists()


def test_a_response_is_stored_whole_or_not_at_all(client, questionnaire, caplog):
    """The database fails after the response and its answers are written, before their choices:
    nothing of the response stays."""
    written = []

    def fail_on_the_chosen_answers(execute, sql, params, many, context):
        written.append(sql.split("(")[0])
        if sql.startswith('INSERT INTO "feedback_answer_choices"'):
            raise OperationalError("the disk is full")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail_on_the_chosen_answers):
        response = client.post("/fr/feedback/", _valid_answers(questionnaire))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "Database unavailable: the disk is full" in caplog.messages
    assert "Votre réponse n'a pas été enregistrée" in unescape(response.content.decode())
    assert 'INSERT INTO "feedback_response" ' in written
    assert 'INSERT INTO "feedback_answer" ' in written
    assert not Response.objects.exists() and not Answer.objects.exists()


def test_the_questionnaire_costs_the_same_queries_whatever_its_length(client, questionnaire):
    """The choices of every question come in one query (prefetch), not one per question."""

    def queries_for_the_page():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/fr/feedback/").status_code == 200
        return len(queries)

    before = queries_for_the_page()
    for number in range(3):
        question = questionnaire.questions.create(
            text_fr=f"Question {number}", kind=Question.Kind.MULTIPLE, required=False
        )
        question.choices.create(label_fr="Oui")
        question.choices.create(label_fr="Non")
    assert queries_for_the_page() == before  # (the edit changed the content version)
