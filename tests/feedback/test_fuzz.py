"""Whatever is posted to the feedback forms, the answer is a page or a clear 4xx, never a 500."""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedback import demo

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
    response = client.post(f"/{language}/feedback/", post)
    assert response.status_code in (200, 302, 400, 429)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(useful=values, comment=text, website=text, data=st.data())
def test_page_vote_never_fails_on_any_input(client, section, useful, comment, website, data):
    cache.clear()
    section_id = data.draw(st.sampled_from([section.pk, section.pk, 0, 10**12]))
    response = client.post(
        f"/en/feedback/page/{section_id}/",
        {"useful": useful, "comment": comment, "website": website},
    )
    assert response.status_code in (302, 400, 404, 429)
