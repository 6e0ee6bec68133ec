"""Readers answering, staff reading the answers."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from feedback import demo
from feedback.models import PageFeedback, Question, Response
from tests.factories import make_section
from tests.helpers import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def test_falc_reader_answers_and_staff_read_it_in_the_results(page, live_server, log_in):
    questionnaire = demo.load()
    page.goto(f"{live_server.url}/fr-falc/feedback/")
    page.get_by_role("group", name="Le guide vous a aidé ?").get_by_label("Oui").check()
    page.get_by_label("4 – bien").check()
    page.get_by_role("checkbox", name="Me soigner").check()
    page.get_by_label("Qu'est-ce qui est difficile à comprendre ?").fill(
        "Les mots de la préfecture."
    )
    page.get_by_role("button", name="Envoyer").click()
    page.wait_for_url(f"{live_server.url}/fr-falc/feedback/thanks/")
    assert Response.objects.get().language == "fr-falc"

    log_in(page, f"/admin/feedback/questionnaire/{questionnaire.pk}/results/")
    expect(page.locator(".results-total")).to_have_text("1 réponse")
    expect(page.locator(".results")).to_contain_text("Les mots de la préfecture.")


def test_missing_answers_are_listed_and_lead_to_the_question(page, live_server):
    demo.load()
    page.goto(f"{live_server.url}/en/feedback/")
    page.get_by_role("button", name="Send my answers").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Please check your answers")
    summary.get_by_role("link").first.click()
    assert "#question-q" in page.url
    assert axe_violations(page) == []


def test_reader_votes_not_useful_without_leaving_the_page(page, live_server, log_in):
    section = make_section(title_fr="Page difficile")
    url = f"{live_server.url}/fr/guide/{section.theme.slug}/{section.slug}/"
    page.goto(url)
    page.get_by_label("Qu'est-ce qui manquait").fill("Les horaires ne sont pas clairs.")
    page.get_by_role("button", name="Non").click()
    expect(page.get_by_role("status")).to_have_text("Merci pour votre réponse.")
    assert page.url == url
    vote = PageFeedback.objects.get()
    assert (vote.useful, vote.comment) == (False, "Les horaires ne sont pas clairs.")

    log_in(page, "/admin/feedback/pagefeedback/report/")
    expect(page.locator("#content-main")).to_contain_text("Page difficile")
    expect(page.locator("#content-main")).to_contain_text("Les horaires ne sont pas clairs.")


def test_reader_votes_without_javascript(browser, live_server):
    section = make_section()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/guide/{section.theme.slug}/{section.slug}/")
    page.get_by_role("button", name="Yes, it was useful").click()
    expect(page.locator("#page-feedback")).to_contain_text("Thank you for your answer.")
    assert PageFeedback.objects.get().useful is True
    context.close()


def test_feedback_pages_have_no_accessibility_violation(page, live_server, settings):
    demo.load()
    problems = {}
    for code in ("fr", "en", "fr-falc"):
        for path in ("/feedback/", "/feedback/thanks/"):
            page.goto(f"{live_server.url}/{code}{path}")
            if found := axe_violations(page):
                problems[code + path] = found
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "questionnaire": (0, 3600)}
    yes_no = Question.objects.get(kind=Question.Kind.YES_NO)
    scale = Question.objects.get(kind=Question.Kind.SCALE)
    for code in ("fr", "en", "fr-falc"):
        page.goto(f"{live_server.url}/{code}/feedback/")
        page.locator(f"input[name=q{yes_no.pk}][value=yes]").check()
        page.locator(f"input[name=q{scale.pk}][value='4']").check()
        page.locator("form.questionnaire button[type=submit]").click()
        expect(page.locator(".error-summary")).to_be_focused()
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator(f"input[name=q{scale.pk}][value='4']")).to_be_checked()
        if found := axe_violations(page):
            problems[code + " 429"] = found
    assert problems == {}
    assert not Response.objects.exists()


def test_a_reader_on_a_phone_sees_the_error_summary_first(browser, live_server):
    demo.load()
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/feedback/")
    page.get_by_role("button", name="Send my answers").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    context.close()
