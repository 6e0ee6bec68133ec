"""The translators' workflow: a role per language, a screen per document, files, a dashboard."""

import datetime
import re
import xml.etree.ElementTree as ET

import polib
import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from common.models import LanguageFallback
from feedback.models import Choice, Question, Questionnaire
from guide.models import Section
from routes.models import Route, RouteStop
from tests.factories import make_category, make_place, make_section
from tests.helpers import log_in_staff
from translators.exchange import XLIFF

pytestmark = pytest.mark.django_db
NS = {"x": XLIFF}


def _translator(client, group):
    user = User.objects.create_user(f"t-{group}", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    log_in_staff(client, user)
    return client


@pytest.fixture
def arabic(client, staff_groups):
    return _translator(client, "Traducteurs — arabe")


def _screen_data(response):
    """What the browser sends back from a translation screen left as it is."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value not in (None, False, ""):
            data[name] = "on" if value is True else value
    return data


# A role per language ------------------------------------------------------------------------


def test_an_arabic_translator_writes_the_arabic_and_nothing_else(arabic):
    section = make_section(title_ar="", summary_ar="", body_ar="")
    url = f"/admin/translations/ar/section/{section.pk}/"
    data = _screen_data(arabic.get(url))
    data[f"section-{section.pk}-title"] = "رؤية طبيب"
    data[f"section-{section.pk}-summary"] = "كيف تجد طبيبًا."
    data[f"section-{section.pk}-body"] = "<p>اتصل بالرقم 15.</p>"
    # A field of another language slipped into the form is not read.
    data["title_en"] = data[f"section-{section.pk}-title_en"] = "Hacked"
    assert arabic.post(url, data).status_code == 302
    section.refresh_from_db()
    assert section.title_ar == "رؤية طبيب"
    assert section.body_ar == "<p>اتصل بالرقم 15.</p>"
    assert section.title_en.startswith("Seeing a doctor")


def test_an_arabic_translator_cannot_open_or_send_the_english(arabic):
    section = make_section()
    url = f"/admin/translations/en/section/{section.pk}/"
    assert arabic.get(url).status_code == 403
    response = arabic.post(url, {f"section-{section.pk}-title": "Hacked"})
    assert response.status_code == 403
    assert arabic.get("/admin/translations/en/export.po").status_code == 403
    upload = SimpleUploadedFile("en.po", b'msgctxt "x"\nmsgid "a"\nmsgstr "b"\n')
    assert arabic.post("/admin/translations/en/import/", {"file": upload}).status_code == 403
    section.refresh_from_db()
    assert section.title_en.startswith("Seeing a doctor")


def test_the_admin_form_is_read_only_to_a_translator(arabic):
    section = make_section()
    url = f"/admin/guide/section/{section.pk}/change/"
    assert arabic.get(url).status_code == 200  # to read the page around the texts
    response = arabic.post(url, {"title_fr": "Piraté", "title_en": "Hacked"})
    assert response.status_code == 403
    assert arabic.get("/admin/guide/section/add/").status_code == 403
    assert Section.objects.get(pk=section.pk).title_fr.startswith("Voir un médecin")


def test_every_language_has_its_group_and_the_admin_index_links_the_dashboard(arabic):
    assert Group.objects.filter(name="Traducteurs — dari / persan").exists()
    assert Group.objects.filter(name="Traducteurs — facile à lire (FALC)").exists()
    assert not Group.objects.filter(name="Traducteurs").exists()  # every language at once
    assert 'href="/admin/translations/"' in arabic.get("/admin/").content.decode()


def test_staff_without_a_language_get_no_dashboard(client, staff_groups):
    _translator(client, "Coordination parrainage")
    assert client.get("/admin/translations/").status_code == 403
    assert 'href="/admin/translations/"' not in client.get("/admin/").content.decode()


# The translation screen ---------------------------------------------------------------------


def test_the_screen_shows_the_source_beside_right_to_left_fields(arabic):
    section = make_section(title_ar="")
    html = arabic.get(f"/admin/translations/ar/section/{section.pk}/").content.decode()
    assert '<div class="translation-target" lang="ar" dir="rtl">' in html
    title = f'<input type="text" name="section-{section.pk}-title"[^>]* dir="rtl" lang="ar"'
    assert re.search(title, html)
    assert '<div class="translation-source" lang="fr" dir="ltr">' in html
    assert "Appelez le <strong>15</strong>" in html  # the French body, as readers see it
    assert "django-prose-editor" in html  # the rich-text editor for the body


def test_the_screen_shows_what_changed_in_the_source_since_the_translation(arabic):
    section = make_section(
        title_ar="رؤية طبيب", summary_ar="ملخص", body_ar="<p>اتصل بالرقم 15 في حالة الطوارئ.</p>"
    )
    section = Section.objects.get(pk=section.pk)
    section.body_fr = "<p>Appelez le <strong>15</strong> ou le 112 en cas d'urgence.</p>"
    section.save()
    response = arabic.get(f"/admin/translations/ar/section/{section.pk}/")
    html = response.content.decode()
    assert response.context["doc"].state == "outdated"
    assert re.search(r"<ins>\s*ou le 112\s*</ins>", html)
    assert "<del>" not in html.split('class="source-diff"')[1].split("</p>")[0]


def test_a_translator_confirms_a_translation_still_right(arabic):
    section = make_section(title_ar="عنوان", summary_ar="ملخص", body_ar="<p>نص</p>")
    section = Section.objects.get(pk=section.pk)
    section.summary_fr = "Comment trouver un médecin traitant, vite."
    section.save()
    url = f"/admin/translations/ar/section/{section.pk}/"
    data = _screen_data(arabic.get(url))
    assert arabic.post(url, data).status_code == 302
    assert Section.objects.get(pk=section.pk).translation_status("ar") == "outdated"
    assert arabic.post(url, {**data, "current": "on"}).status_code == 302
    assert Section.objects.get(pk=section.pk).translation_status("ar") == "complete"


def test_a_speaker_checks_a_translation(arabic):
    section = make_section(title_ar="عنوان", summary_ar="ملخص", body_ar="<p>نص</p>")
    url = f"/admin/translations/ar/section/{section.pk}/"
    data = {**_screen_data(arabic.get(url)), "checked_by": "Salma B.", "checked": "on"}
    assert arabic.post(url, data).status_code == 302
    section.refresh_from_db()
    assert section.checked_by_ar == "Salma B."
    assert section.checked_on_ar == timezone.localdate()
    assert section.is_checked("ar") and not section.is_checked("en")


def test_a_check_needs_a_name_and_every_text(arabic):
    section = make_section(title_ar="عنوان", summary_ar="", body_ar="<p>نص</p>")
    url = f"/admin/translations/ar/section/{section.pk}/"
    data = {**_screen_data(arabic.get(url)), "checked_by": "", "checked": "on"}
    data[f"section-{section.pk}-title"] = "عنوان جديد"
    response = arabic.post(url, data)
    assert response.status_code == 400
    assert response.context["form"].errors.keys() == {"checked_by", "checked"}
    # What the translator wrote comes back in the form, not lost.
    assert "عنوان جديد" in response.content.decode()
    assert Section.objects.get(pk=section.pk).title_ar == "عنوان"


def test_a_route_is_translated_with_its_stops_and_the_questionnaire_with_its_questions(arabic):
    route = Route.objects.create(slug="r", title_fr="Premier jour", title_ar="اليوم الأول")
    stop = RouteStop.objects.create(route=route, place=make_place(), text_fr="Entrez.", order=1)
    url = f"/admin/translations/ar/route/{route.pk}/"
    data = _screen_data(arabic.get(url))
    data[f"routestop-{stop.pk}-text"] = "ادخل."
    data[f"place-{stop.place.pk}-name"] = "ignored: a place is its own document"
    assert arabic.post(url, data).status_code == 302
    assert RouteStop.objects.get(pk=stop.pk).text_ar == "ادخل."

    questionnaire = Questionnaire.objects.create(slug="q", title_fr="Votre avis", title_ar="رأيك")
    question = Question.objects.create(
        questionnaire=questionnaire, text_fr="Le guide vous aide ?", kind="single"
    )
    choice = Choice.objects.create(question=question, label_fr="Oui")
    url = f"/admin/translations/ar/questionnaire/{questionnaire.pk}/"
    data = _screen_data(arabic.get(url))
    assert f"question-{question.pk}-text" in arabic.get(url).context["form"].fields
    data[f"question-{question.pk}-text"] = "هل يساعدك الدليل؟"
    data[f"choice-{choice.pk}-label"] = "نعم"
    assert arabic.post(url, data).status_code == 302
    assert Choice.objects.get(pk=choice.pk).label_ar == "نعم"


def test_staff_choose_the_source_of_a_language(client, staff_groups):
    _translator(client, "Traducteurs — pachto")
    LanguageFallback.objects.create(language="ps", offered="fa en fr", source="fa")
    section = make_section(title_fa="دیدن داکتر", summary_fa="", body_fa="")
    response = client.get(f"/admin/translations/ps/section/{section.pk}/")
    sources = {s.field: (s.source_language, s.source) for s in response.context["doc"].segments}
    assert sources["title"] == ("fa", "دیدن داکتر")
    assert sources["summary"][0] == "fr"  # not in Dari yet: the French


# Files for translators' tools ---------------------------------------------------------------


def _export(client, code, extension):
    response = client.get(f"/admin/translations/{code}/export.{extension}")
    assert response.status_code == 200
    assert f'filename="bienvenue-{code}.{extension}"' in response["Content-Disposition"]
    return response.content


def _import(client, code, name, data):
    return client.post(
        f"/admin/translations/{code}/import/", {"file": SimpleUploadedFile(name, data)}
    )


def test_xliff_round_trip(arabic):
    section = make_section(title_ar="عنوان", summary_ar="", body_ar="")
    done = make_section(title_ar="مكتمل", summary_ar="ملخص", body_ar="<p>نص</p>")
    root = ET.fromstring(_export(arabic, "ar", "xlf"))
    file = root.find("x:file", NS)
    assert (file.get("source-language"), file.get("target-language")) == ("fr", "ar")
    units = {unit.get("id"): unit for unit in root.iter(f"{{{XLIFF}}}trans-unit")}
    assert f"section-{section.pk}-summary" in units and f"section-{section.pk}-body" in units
    assert f"section-{section.pk}-title" not in units  # translated, up to date
    assert not any(key.startswith(f"section-{done.pk}-") for key in units)
    body = units[f"section-{section.pk}-body"]
    assert body.find("x:source", NS).text == section.body_fr
    # The translator's tool fills the targets, the body with a script tag it should not have.
    body.find("x:target", NS).text = "<p>اتصل بالرقم <strong>15</strong>.</p><script>x()</script>"
    body.find("x:target", NS).set("state", "translated")
    units[f"section-{section.pk}-summary"].find("x:target", NS).text = "كيف تجد طبيبًا."
    response = _import(arabic, "ar", "ar.xlf", ET.tostring(root, encoding="utf-8"))
    assert response.status_code == 200, response.context["report"].errors
    assert len(response.context["report"].changed) == 2
    section.refresh_from_db()
    assert section.body_ar == "<p>اتصل بالرقم <strong>15</strong>.</p>"  # sanitised
    assert section.summary_ar == "كيف تجد طبيبًا."
    assert section.translation_status("ar") == "complete"
    assert f"section-{section.pk}-".encode() not in _export(arabic, "ar", "xlf")  # all done


def test_po_round_trip_with_an_outdated_text(arabic):
    section = make_section(title_ar="عنوان", summary_ar="ملخص", body_ar="<p>نص</p>")
    section = Section.objects.get(pk=section.pk)
    section.title_fr = "Trouver un médecin"
    section.save()
    po = polib.pofile(_export(arabic, "ar", "po").decode())
    assert po.metadata["Language"] == "ar"
    entry = next(e for e in po if e.msgctxt == f"section-{section.pk}-title")
    assert entry.fuzzy and entry.msgstr == "عنوان"
    assert f"section-{section.pk}-summary" not in {e.msgctxt for e in po}  # its source is as it was
    assert entry.previous_msgid.startswith("Voir un médecin")  # what it was translated from
    # Left fuzzy and unchanged: left as it was; the translator then rewrites it.
    response = _import(arabic, "ar", "ar.po", str(po).encode())
    assert response.status_code == 200
    assert Section.objects.get(pk=section.pk).translation_status("ar") == "outdated"
    entry.msgstr, entry.flags = "العثور على طبيب", []
    response = _import(arabic, "ar", "ar.po", str(po).encode())
    assert response.status_code == 200
    section.refresh_from_db()
    assert section.title_ar == "العثور على طبيب"
    assert section.translation_status("ar") == "complete"


def test_an_import_with_one_bad_unit_changes_nothing_and_says_why(arabic):
    section = make_section(title_ar="", summary_ar="", body_ar="")
    po = polib.pofile(_export(arabic, "ar", "po").decode())
    for entry in po:
        entry.msgstr = "نص"
    title = next(e for e in po if e.msgctxt == f"section-{section.pk}-title")
    title.msgstr = "ط" * 300  # longer than the field allows
    po.append(polib.POEntry(msgctxt="section-999999-title", msgid="x", msgstr="y"))
    response = _import(arabic, "ar", "ar.po", str(po).encode())
    assert response.status_code == 400
    errors = " ".join(response.context["report"].errors)
    assert f"section-{section.pk}-title" in errors and "section-999999-title" in errors
    section.refresh_from_db()
    assert (section.title_ar, section.summary_ar) == ("", "")


def test_an_import_made_from_an_old_source_is_refused(arabic):
    section = make_section(title_ar="", summary_ar="", body_ar="")
    exported = _export(arabic, "ar", "po")
    section = Section.objects.get(pk=section.pk)
    section.title_fr = "Un autre titre"
    section.save()
    po = polib.pofile(exported.decode())
    for entry in po:
        entry.msgstr = "نص"
    response = _import(arabic, "ar", "ar.po", str(po).encode())
    assert response.status_code == 400
    assert "Export again" in " ".join(response.context["report"].errors) or "Exportez" in (
        " ".join(response.context["report"].errors)
    )
    assert Section.objects.get(pk=section.pk).summary_ar == ""


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("ar.xlf", b"<xliff version='1.2'><file>"),  # not XML
        ("ar.po", b'msgid "x"\nmsgstr \n\n!!!'),  # not PO
        ("ar.po", "é".encode("latin-1")),  # not UTF-8
        (
            "ar.xlf",
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"/>',
        ),
    ],
)
def test_a_file_that_cannot_be_read_gets_a_clear_message(arabic, name, data):
    make_section(title_ar="")
    response = _import(arabic, "ar", name, data)
    assert response.status_code == 400
    assert response.context["form"].errors["file"]


def test_a_file_for_another_language_is_refused(arabic):
    make_section(title_ar="")
    po = polib.pofile(_export(arabic, "ar", "po").decode())
    po.metadata["Language"] = "fa"
    response = _import(arabic, "ar", "ar.po", str(po).encode())
    assert response.status_code == 400


# The dashboard ------------------------------------------------------------------------------


def test_the_dashboard_counts_states_and_words_left(client, staff_groups):
    _translator(client, "Traducteurs — ukrainien")
    missing = make_section(title_uk="", summary_uk="", body_uk="")  # 3 + 5 + 7 words
    make_section(title_uk="Лікар", summary_uk="Як знайти лікаря.", body_uk="<p>Дзвоніть 15.</p>")
    checked = make_section(
        title_uk="Лікар",
        summary_uk="Як знайти лікаря.",
        body_uk="<p>Дзвоніть 15.</p>",
        checked_by_uk="Olena",
        checked_on_uk=datetime.date(2030, 1, 1),
    )
    outdated = make_section(title_uk="Лікар", summary_uk="Як.", body_uk="<p>15.</p>")
    outdated = Section.objects.get(pk=outdated.pk)
    outdated.summary_fr = "Comment trouver un médecin traitant près de chez vous."
    outdated.save()
    category = make_category(name_uk="")
    response = client.get("/admin/translations/")
    assert response.status_code == 200
    (summary,) = response.context["summaries"]
    assert summary["language"]["code"] == "uk"
    counts = dict(summary["counts"])
    # Themes (of each section) and the category count too: the themes have no Ukrainian.
    themes = Section.objects.values("theme").distinct().count()
    assert counts == {"missing": 1 + themes + 1, "outdated": 1, "draft": 1, "checked": 1}
    docs = {
        (doc.kind.key, doc.root.pk): doc
        for table in response.context["tables"]
        for _root, row in table["rows"]
        for doc in row
    }
    assert docs["section", missing.pk].words_left == 3 + 5 + 7
    assert docs["section", outdated.pk].words_left == 9  # only the summary changed
    assert docs["section", checked.pk].state == "checked"
    assert docs["category", category.pk].state == "missing"
    html = response.content.decode()
    assert f'href="/admin/translations/uk/section/{missing.pk}/"' in html


def test_the_dashboard_costs_the_same_queries_for_more_content(client, staff_groups):
    log_in_staff(client, User.objects.create_superuser("admin", password="pw"))
    make_section()
    client.get("/admin/translations/")  # the first request warms the content types
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/admin/translations/")
    for _ in range(5):
        make_section(title_ar="")
    with CaptureQueriesContext(connection) as more:
        client.get("/admin/translations/")
    assert len(more) == len(few)


def test_readers_of_a_questionnaire_not_checked_yet_are_told(client):
    questionnaire = Questionnaire.objects.create(
        slug="avis", title_fr="Votre avis", title_ar="رأيك", active=True
    )
    Question.objects.create(questionnaire=questionnaire, text_fr="Utile ?", kind="yes_no")
    html = client.get("/ar/feedback/").content.decode()
    # In Arabic: « This translation has not been checked by a speaker yet. »
    assert '<p class="notice" role="note">' in html.split("</h1>")[1].split("<form")[0]
    questionnaire.checked_by_ar, questionnaire.checked_on_ar = "Salma B.", timezone.localdate()
    questionnaire.save()
    assert "Salma B." in client.get("/ar/feedback/").content.decode()


def test_a_translation_saved_here_is_in_the_objects_history_with_its_fields(arabic):
    section = make_section(title_ar="", summary_ar="", body_ar="")
    url = f"/admin/translations/ar/section/{section.pk}/"
    data = _screen_data(arabic.get(url))
    data[f"section-{section.pk}-title"] = "رؤية طبيب"
    assert arabic.post(url, data).status_code == 302
    history = arabic.get(f"/admin/guide/section/{section.pk}/history/").content.decode()
    assert "t-Traducteurs — arabe" in history
    assert "Modification de Titre [ar]." in history or "Modification de titre [ar]." in history
