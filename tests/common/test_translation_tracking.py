"""Saving a text nobody changed keeps its translation status: outdated stays outdated."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models.fields.files import FieldFile

from common.translations import TranslationStatus
from guide.models import Section

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


def _as_a_browser_sends_it(name, value):
    """What a browser posts for a field shown unchanged.

    Forms send line breaks as CRLF, and the rich-text editor puts a paragraph in each list item.
    """
    value = value.replace("\n", "\r\n")
    if name.startswith("body_"):
        value = re.sub(r"<li>(.*?)</li>", r"<li><p>\1</p></li>", value)
    return value


def _unchanged_form(admin_client, url):
    """The POST data of the admin change form at `url`, built from its initial values."""
    context = admin_client.get(url).context
    form = context["adminform"].form
    data = {"_save": "Enregistrer"}
    for formset in context["inline_admin_formsets"]:  # the recordings: none
        management = formset.formset.management_form
        data.update({f"{management.prefix}-{k}": v for k, v in management.initial.items()})
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, FieldFile) or value is None or value is False:
            continue  # no upload, empty value, unticked box: the browser sends nothing
        if value is True:
            value = "on"
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        elif isinstance(value, list):
            value = [str(pk) for pk in value]
        elif isinstance(value, str):
            value = _as_a_browser_sends_it(name, value)
        data[name] = value
    return data


def _post_unchanged(admin_client, section, **changes):
    url = f"/admin/guide/section/{section.pk}/change/"
    response = admin_client.post(url, {**_unchanged_form(admin_client, url), **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Section.objects.get(pk=section.pk)


def _outdated_falc_section():
    """A demo section whose French text changed after its FALC and English texts."""
    section = Section.objects.get(slug="appeler-le-115")
    section.summary_fr += " Le 115 répond aussi aux familles."
    section.save()
    section = Section.objects.get(pk=section.pk)
    assert section.translation_status("fr-falc") == TranslationStatus.OUTDATED
    return section


def test_saving_an_unchanged_section_keeps_falc_outdated(demo, admin_client):
    section = _outdated_falc_section()
    assert "\n" in section.summary_fr_falc and "\xa0" in section.summary_fr_falc
    assert "<li>" in section.body_fr

    section = _post_unchanged(admin_client, section)

    assert section.translation_status("fr-falc") == TranslationStatus.OUTDATED
    assert section.translation_status("en") == TranslationStatus.OUTDATED


def test_saving_an_unchanged_section_changes_no_text_date(demo, admin_client):
    before = Section.objects.get(slug="numeros-urgence")
    assert before.translation_status("fr-falc") == TranslationStatus.COMPLETE

    section = _post_unchanged(admin_client, before)

    assert section.translation_status("fr-falc") == TranslationStatus.COMPLETE
    assert section.translation_status("en") == TranslationStatus.COMPLETE
    assert section.translated_at_fr == before.translated_at_fr
    assert section.translated_at_fr_falc == before.translated_at_fr_falc


def test_a_real_change_of_the_french_text_makes_falc_outdated(demo, admin_client):
    section = Section.objects.get(slug="numeros-urgence")
    assert section.translation_status("fr-falc") == TranslationStatus.COMPLETE

    section = _post_unchanged(
        admin_client, section, summary_fr="Les numéros d'urgence ont changé.\r\nLisez la suite."
    )

    assert section.translation_status("fr-falc") == TranslationStatus.OUTDATED
    assert section.translation_status("en") == TranslationStatus.OUTDATED


def test_a_new_line_break_in_falc_is_a_change(demo, admin_client):
    section = _outdated_falc_section()
    one_line = section.summary_fr_falc.replace("\n", " ")

    section = _post_unchanged(admin_client, section, summary_fr_falc=one_line)

    assert section.translation_status("fr-falc") == TranslationStatus.COMPLETE


def test_staff_filter_translations_checked_or_not(admin_client):
    from django.utils import timezone

    from tests.factories import make_section

    checked = make_section(title_fr="Relue en anglais")
    checked.checked_by_en, checked.checked_on_en = "Sarah", timezone.localdate()
    checked.save()
    changed = make_section(title_fr="Changée depuis")
    changed.checked_by_en = "Sarah"
    changed.checked_on_en = timezone.localdate() - datetime.timedelta(days=2)
    changed.body_en = "<p>A new paragraph, after the check.</p>"
    changed.save()
    make_section(title_fr="Jamais relue")
    make_section(title_fr="Pas traduite", title_en="", summary_en="", body_en="")

    def titles(value):
        html = admin_client.get(f"/admin/guide/section/?translation={value}").content.decode()
        return sorted(re.findall(r'<th class="field-title"><a [^>]+>([^<]+)</a>', html))

    assert titles("checked-en") == ["Relue en anglais"]
    assert titles("draft-en") == ["Changée depuis", "Jamais relue"]
    assert titles("missing-en") == ["Pas traduite"]
    assert Section.objects.filter(Section.draft_q("en")).count() == 2


@pytest.mark.parametrize("kind", ["category", "route", "place"])
def test_a_new_french_text_makes_every_kind_of_content_outdated(kind):
    """Every model that tracks translations stamps its changes, not only the guide's."""
    from routes.models import Route
    from tests.factories import make_category, make_place

    if kind == "category":
        obj, field = make_category(), "name_fr"
    elif kind == "place":
        obj, field = make_place(name_en="Town hall"), "name_fr"
    else:
        obj = Route.objects.create(slug="r", title_fr="Premier jour", title_en="First day")
        field = "title_fr"
    assert obj.translation_status("en") == TranslationStatus.COMPLETE
    obj = type(obj).objects.get(pk=obj.pk)
    setattr(obj, field, "Un texte tout neuf")
    obj.save()
    assert type(obj).objects.get(pk=obj.pk).translation_status("en") == TranslationStatus.OUTDATED
