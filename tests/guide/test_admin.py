"""What city staff see and may do in the guide's admin."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from common.translations import TranslationStatus
from guide.models import Section
from tests.factories import make_section
from tests.helpers import log_in_staff

pytestmark = pytest.mark.django_db


def _status(section, code):
    section = Section.objects.get(pk=section.pk)
    return section.translation_status(code)


def test_translation_status_follows_the_french_text(section):
    assert _status(section, "en") == TranslationStatus.COMPLETE
    section = Section.objects.get(pk=section.pk)
    section.body_fr = "<p>Nouveau texte français.</p>"
    section.save()
    assert _status(section, "en") == TranslationStatus.OUTDATED
    assert _status(section, "fr-falc") == TranslationStatus.OUTDATED
    section = Section.objects.get(pk=section.pk)
    section.body_en = "<p>New English text.</p>"
    section.save()
    assert _status(section, "en") == TranslationStatus.COMPLETE
    assert _status(section, "fr-falc") == TranslationStatus.OUTDATED


def test_saving_without_changes_keeps_translations_current(section):
    section = Section.objects.get(pk=section.pk)
    section.order = 7
    section.save()
    assert _status(section, "en") == TranslationStatus.COMPLETE


def test_empty_translation_is_missing(theme):
    section = make_section(theme=theme, summary_en="")
    assert _status(section, "en") == TranslationStatus.MISSING


def test_section_list_shows_a_status_per_language(admin_client, theme):
    make_section(theme=theme, title_fr="Complète")
    make_section(theme=theme, title_fr="Sans anglais", title_en="", body_en="")
    html = admin_client.get("/admin/guide/section/").content.decode()
    assert '<span class="translation-missing">manquante</span>' in html
    assert html.count('<span class="translation-complete">complète</span>') == 3


def _listed(admin_client, query):
    html = admin_client.get(f"/admin/guide/section/?{query}").content.decode()
    return set(re.findall(r"/admin/guide/section/(\d+)/change/", html))


def test_staff_filter_missing_and_outdated_translations(admin_client, theme):
    complete = make_section(theme=theme)
    missing = make_section(theme=theme, body_fr_falc="")
    outdated = Section.objects.get(pk=make_section(theme=theme).pk)
    outdated.title_fr = "Titre changé"
    outdated.save()
    assert _listed(admin_client, "translation=missing-fr-falc") == {str(missing.pk)}
    assert _listed(admin_client, "translation=outdated-en") == {str(outdated.pk)}
    assert _listed(admin_client, "translation=outdated-fr-falc") == {str(outdated.pk)}
    assert str(complete.pk) in _listed(admin_client, "")


def test_staff_filter_sections_due_for_review(admin_client, theme):
    old = make_section(theme=theme, last_reviewed=timezone.localdate() - datetime.timedelta(400))
    make_section(theme=theme, last_reviewed=timezone.localdate() - datetime.timedelta(100))
    assert _listed(admin_client, "review=due") == {str(old.pk)}


def test_staff_search_in_any_language(admin_client, theme):
    section = make_section(theme=theme, body_en="<p>Bring your passport.</p>")
    make_section(theme=theme)
    assert _listed(admin_client, "q=passport") == {str(section.pk)}


def test_change_form_has_an_editor_per_language_and_view_on_site(admin_client, section):
    response = admin_client.get(f"/admin/guide/section/{section.pk}/change/")
    html = response.content.decode()
    for code in ("fr", "en", "fr_falc"):
        assert re.search(rf'<textarea[^>]*name="body_{code}"[^>]*data-django-prose-editor', html)
    assert 'type="importmap"' in html
    nonce = re.search(r'<script type="importmap" nonce="([^"]+)"', html)[1]
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    assert re.search(r'<a href="/admin/r/\d+/\d+/" class="viewsitelink">', html)


def test_public_pages_carry_no_nonce(client, section):
    policy = client.get(section.get_absolute_url())["Content-Security-Policy"]
    assert "nonce-" not in policy


def test_groups_have_the_right_permissions():
    editors = {p.codename for p in Group.objects.get(name="Éditeurs").permissions.all()}
    arabic = Group.objects.get(name="Traducteurs — arabe").permissions.all()
    translators = {p.codename for p in arabic}
    for model in ("theme", "section", "category", "place"):
        assert {f"add_{model}", f"change_{model}", f"delete_{model}"} <= editors
        assert f"view_{model}" in translators
        assert f"change_{model}" not in translators and f"delete_{model}" not in translators


@pytest.fixture
def translator_client(client):
    user = User.objects.create_user("traductrice", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Traducteurs — arabe"))
    log_in_staff(client, user)
    return client


def test_translator_reads_the_content_and_changes_none_of_it(translator_client, section):
    # They write their language in the translators' screens (tests/translators).
    assert translator_client.get(f"/admin/guide/section/{section.pk}/change/").status_code == 200
    assert translator_client.get("/admin/guide/section/add/").status_code == 403
    assert translator_client.get(f"/admin/guide/section/{section.pk}/delete/").status_code == 403


def test_mark_as_reviewed_action(admin_client, theme):
    old = make_section(theme=theme, last_reviewed=datetime.date(2024, 1, 1))
    admin_client.post(
        "/admin/guide/section/",
        {"action": "mark_reviewed", "_selected_action": [old.pk]},
    )
    old.refresh_from_db()
    assert old.last_reviewed == timezone.localdate()
