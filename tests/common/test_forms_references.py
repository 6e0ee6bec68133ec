"""Every form's labels and descriptions point at elements that exist in the page."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings

from feedback import demo
from feedback.models import Question

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "fr-falc", "en"]
OVER_THE_LIMIT = {"questionnaire": (0, 3600), "page": (0, 3600), "mentoring": (0, 3600)}


class _References(HTMLParser):
    """Collect the ids of a page and the ids its attributes refer to."""

    def __init__(self):
        super().__init__()
        self.ids, self.references = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("aria-describedby", "aria-labelledby", "for"):
            for target in (attrs.get(name) or "").split():
                self.references.append(f'<{tag} {name}="{target}">')

    def dangling(self):
        return [ref for ref in self.references if ref.split('"')[1] not in self.ids]


def _dangling(response):
    parser = _References()
    parser.feed(response.content.decode())
    assert parser.references, "the page has no form to check"
    return parser.dangling()


@pytest.fixture
def questionnaire():
    questionnaire = demo.load()
    # A help text on every kind of question: the ids they are tied to must exist too.
    questionnaire.questions.update(help_text_fr="Une aide.", help_text_en="Some help.")
    return questionnaire


def _valid_answers(questionnaire):
    data = {}
    for question in questionnaire.questions.filter(required=True):
        if question.kind == Question.Kind.SCALE:
            data[f"q{question.pk}"] = 3
        elif question.kind == Question.Kind.YES_NO:
            data[f"q{question.pk}"] = "yes"
        elif question.has_choices:
            data[f"q{question.pk}"] = question.choices.first().pk
        else:
            data[f"q{question.pk}"] = "Oui."
    return data


@pytest.mark.parametrize("language", LANGUAGES)
def test_questionnaire_references_exist_with_and_without_errors(client, questionnaire, language):
    url = f"/{language}/feedback/"
    assert _dangling(client.get(url)) == []
    with_errors = client.post(url, {})
    assert with_errors.status_code == 400
    assert _dangling(with_errors) == []
    too_long = {
        **_valid_answers(questionnaire),
        **{f"q{q.pk}": "x" * 5000 for q in questionnaire.questions.filter(kind=Question.Kind.TEXT)},
    }
    assert _dangling(client.post(url, too_long)) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_mentoring_references_exist_with_and_without_errors(client, language):
    url = f"/{language}/mentoring/"
    assert _dangling(client.get(url)) == []
    with_errors = client.post(url, {"email": "not-an-email", "first_name": "Amina"})
    assert with_errors.status_code == 400
    assert _dangling(with_errors) == []
    assert _dangling(client.post(url, {})) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_vote_references_exist_with_and_without_errors(client, section, language):
    page = client.get(f"/{language}/guide/{section.theme.slug}/{section.slug}/")
    assert _dangling(page) == []
    refused = client.post(f"/{language}/feedback/page/{section.pk}/", {"comment": "Trop long."})
    assert refused.status_code == 400
    assert _dangling(refused) == []


def test_pages_over_the_limit_keep_their_references(client, questionnaire, section, settings):
    settings.RATE_LIMITS = OVER_THE_LIMIT
    responses = [
        client.post("/en/feedback/", _valid_answers(questionnaire)),
        client.post(
            "/en/mentoring/",
            {"kind": "mentee", "first_name": "Amina", "phone": "06", "languages": "fr"}
            | {"consent": "on"},
        ),
        client.post(f"/en/feedback/page/{section.pk}/", {"useful": "no", "comment": "Long."}),
    ]
    assert [response.status_code for response in responses] == [429, 429, 429]
    assert [_dangling(response) for response in responses] == [[], [], []]


def test_no_form_has_an_empty_action():
    """`action=""` is invalid HTML; a form that posts to its own page leaves `action` out."""
    templates = Path(settings.BASE_DIR).glob("**/templates/**/*.html")
    empty = [
        str(path)
        for path in templates
        if ".venv" not in path.parts and 'action=""' in path.read_text()
    ]
    assert empty == []


def test_map_filter_submits_to_the_map_page(client, section):
    html = client.get("/en/places/").content.decode()
    assert '<form class="category-filter" method="get">' in html
