"""Listening to a page: a recording staff uploaded, or the browser's own voice."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_section, make_term

pytestmark = pytest.mark.django_db(transaction=True)


def _until(page, script, timeout=5000):
    """Wait until a script is true (wait_for_function would evaluate a string: the CSP forbids)."""
    for _ in range(timeout // 50):
        if page.evaluate(script):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still false after {timeout} ms: {script}")


# The browser's voices, as a phone that has them lists them; speaking is recorded instead of
# heard (headless Chromium has no speech engine). Our own code runs as it is.
VOICES = """
(() => {
  const voices = %s;
  window.spoken = [];
  speechSynthesis.getVoices = () => voices;
  speechSynthesis.speak = (utterance) => {
    window.spoken.push([utterance.lang, utterance.text]);
    setTimeout(() => {
      utterance.onstart && utterance.onstart();
      setTimeout(() => utterance.onend && utterance.onend(), window.sentenceTime || 30);
    }, 10);
  };
  speechSynthesis.pause = () => { window.pausedAt = window.spoken.length; };
})();
"""


def _voices(page, *langs):
    voices = ", ".join(
        f'{{"lang": "{lang}", "name": "{lang} voice", "default": false}}' for lang in langs
    )
    page.add_init_script(VOICES % f"[{voices}]")


def test_the_browser_reads_the_page_sentence_by_sentence(page, live_server):
    section = make_section(
        title_fr="Voir un médecin",
        summary_fr="Comment trouver un médecin.",
        body_fr="<p>Appelez le 15. Ou le 112.</p><ul><li>Gardez votre carte Vitale.</li></ul>",
    )
    _voices(page, "fr-FR", "en-GB")
    page.goto(f"{live_server.url}/fr-falc/guide/{section.theme.slug}/{section.slug}/")
    button = page.get_by_role("button", name="Écouter")
    expect(button).to_be_visible()  # FALC is read with a French voice
    page.evaluate("window.sentenceTime = 400")
    button.click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    _until(page, "CSS.highlights.has('speaking')")
    page.get_by_role("button", name="Pause").click()
    expect(page.get_by_role("button", name="Reprendre")).to_be_visible()
    page.get_by_role("button", name="Reprendre").click()
    _until(page, "!CSS.highlights.has('speaking')", timeout=10_000)  # the end
    spoken = page.evaluate("window.spoken")
    assert [text for _lang, text in spoken] == [
        "Aller chez le médecin " + section.title_fr_falc.rsplit(" ", 1)[1],
        "Vous cherchez un médecin ?",
        "C'est urgent ?",
        "Appelez le 15.",
    ]
    assert {lang for lang, _text in spoken} == {"fr-FR"}
    expect(page.get_by_role("button", name="Écouter")).to_be_visible()


def test_no_listen_control_without_a_voice_for_the_language(page, live_server):
    section = make_section(
        title_ar="زيارة الطبيب", summary_ar="كيف تجد طبيبا.", body_ar="<p>اتصل بالرقم 15.</p>"
    )
    _voices(page, "fr-FR", "en-GB")
    page.goto(f"{live_server.url}/ar/guide/{section.theme.slug}/{section.slug}/")
    page.wait_for_load_state("load")
    expect(page.locator(".speak")).to_be_hidden()
    expect(page.locator("button", has_text="استمع")).to_have_count(0)
    _voices(page, "ar-SA")
    page.reload()
    expect(page.locator(".speak button").first).to_be_visible()


def test_a_glossary_word_is_read_in_its_languages(page, live_server):
    make_term(
        slug="caf",
        term="CAF",
        meaning_en="family benefits office",
        definition_en="Pays family benefits.",
    )
    _voices(page, "en-US", "fr-FR")
    page.goto(f"{live_server.url}/en/glossary/caf/")
    page.get_by_role("button", name="Listen").click()
    _until(page, "window.spoken.length >= 3")
    assert page.evaluate("window.spoken")[:3] == [
        ["fr-FR", "CAF"],  # the French word, in French
        ["en-US", "family benefits office"],
        ["en-US", "Pays family benefits."],
    ]
