"""Whatever is posted to the feedback forms: a clear 4xx and nothing stored, or thanks and the
answer stored (dropped only when the honeypot is filled). Never a 500."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedback import demo
from feedback.models import MAX_COMMENT, PageFeedback, Response

pytestmark = pytest.mark.django_db

text = st.text(max_size=300)
values = st.one_of(text, st.integers(min_value=-(2**63), max_value=2**63).map(str))


@pytest.fixture
def questionnaire():
    return demo.load()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_questionnaire_never_fails_on_any_input(client, questionnaire, data):
    cache.clear()
    names = [f"q{q.pk}" for q in questionnaire.questions.all()] + ["website", "csrfmiddlewaretoken"]
    keys = data.draw(st.lists(st.one_of(st.sampled_from(names), text), max_size=12))
    post = {key: data.draw(st.lists(values, min_size=1, max_size=3)) for key in keys}
    language = data.draw(st.sampled_from(["fr", "en", "fr-falc"]))
    before = Response.objects.count()
    response = client.post(f"/{language}/feedback/", post)
    stored = Response.objects.count() - before
    if response.status_code == 302:
        assert response["Location"] == f"/{language}/feedback/thanks/"
        spam = any(value.strip() for value in post.get("website", [""])[-1:])
        assert stored == (0 if spam else 1)
    else:
        assert response.status_code == 400
        assert 'class="error-summary"' in response.content.decode()
        assert stored == 0


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(useful=values, comment=text, website=text, data=st.data())
def test_page_vote_never_fails_on_any_input(client, section, useful, comment, website, data):
    cache.clear()
    section_id = data.draw(st.sampled_from([section.pk, section.pk, 0, 10**12]))
    before = PageFeedback.objects.count()
    response = client.post(
        f"/en/feedback/page/{section_id}/",
        {"useful": useful, "comment": comment, "website": website},
    )
    stored = PageFeedback.objects.count() - before
    if section_id != section.pk:
        assert (response.status_code, stored) == (404, 0)
    elif (
        useful in ("yes", "no")
        and len(comment.strip()) <= MAX_COMMENT
        and len(website.strip()) <= 200
        and "\x00" not in comment + website  # Django refuses null characters
    ):
        assert response.status_code == 302
        assert stored == (0 if website.strip() else 1)
    else:
        assert (response.status_code, stored) == (400, 0)
