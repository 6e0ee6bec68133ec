"""Cached pages for readers, never stale for them, never shown to staff; 304 for repeat visits."""

import shutil
import time
import uuid
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from common.content import VERSION_KEY, content_version
from common.middleware import _release
from feedback import demo
from guide.models import Section
from mentoring.models import MentoringRequest
from tests.factories import make_place

pytestmark = pytest.mark.django_db


def test_a_second_visit_is_served_from_the_cache(client, section, django_assert_num_queries):
    url = f"/fr/guide/{section.theme.slug}/{section.slug}/"
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.content == first.content


def test_staff_saving_a_section_updates_the_page_at_once(client, section):
    url = f"/en/guide/{section.theme.slug}/{section.slug}/"
    client.get(url)
    section = Section.objects.get(pk=section.pk)
    section.title_en = "A new title"
    section.save()
    assert "<h1>A new title</h1>" in client.get(url).content.decode()


def test_saving_a_place_updates_every_page_that_shows_it(client, section):
    place = section.places.get()
    section_url = f"/fr/guide/{section.theme.slug}/{section.slug}/"
    for url in (section_url, "/fr/places/", "/fr/places/places.geojson"):
        client.get(url)
    place.name_fr = "Nouveau nom du lieu"
    place.save()
    for url in (section_url, "/fr/places/", "/fr/places/places.geojson"):
        assert "Nouveau nom du lieu" in client.get(url).content.decode(), url


def test_adding_a_place_to_a_section_updates_it(client, section):
    url = f"/fr/guide/{section.theme.slug}/{section.slug}/"
    place = make_place(name_fr="Un autre lieu")
    client.get(url)
    section.places.add(place)
    assert "Un autre lieu" in client.get(url).content.decode()
    section.places.remove(place)
    assert "Un autre lieu" not in client.get(url).content.decode()


def test_a_staff_member_joining_a_group_leaves_cached_pages_alone(section):
    """Only links between public objects change what readers see."""
    editor = User.objects.create_user("editrice")
    group = Group.objects.create(name="Relecture")
    version = content_version()
    editor.groups.add(group)
    group.user_set.remove(editor)
    assert content_version() == version


def test_staff_always_get_a_fresh_page(admin_client, section):
    url = f"/fr/guide/{section.theme.slug}/{section.slug}/"
    admin_client.get(url)
    Section.objects.filter(pk=section.pk).update(title_fr="Changé sans signal")
    assert "Changé sans signal" in admin_client.get(url).content.decode()


def test_reader_answers_do_not_empty_the_cache(client, section, django_assert_num_queries):
    url = f"/fr/guide/{section.theme.slug}/{section.slug}/"
    client.get(url)
    client.post(f"/fr/feedback/page/{section.pk}/", {"useful": "yes"})
    with django_assert_num_queries(0):
        client.get(url)


def test_pages_answer_304_when_the_reader_has_them(client, section):
    url = f"/fr/guide/{section.theme.slug}/{section.slug}/"
    first = client.get(url)
    assert first["ETag"]
    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_a_mentoring_request_or_its_follow_up_leaves_cached_pages_alone(
    client, section, django_assert_num_queries
):
    url = f"/fr/guide/{section.theme.slug}/{section.slug}/"
    client.get(url)
    request = MentoringRequest.objects.create(
        kind="mentee", first_name="Amina", email="a@example.org", languages="arabe"
    )
    request.status = MentoringRequest.Status.CONTACTED
    request.save()
    with django_assert_num_queries(0):
        client.get(url)


def test_the_content_version_changes_again_when_the_edit_is_committed(
    section, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        section.title_fr = "Nouveau titre"
        section.save()
        during = content_version()
    assert content_version() != during


def test_a_lost_content_version_never_brings_back_an_old_one(section):
    seen = {content_version()}
    for _n in range(3):
        section.save()
        seen.add(content_version())
        cache.delete(VERSION_KEY)  # evicted, or the cache server restarted
        assert content_version() not in seen


def test_deleting_a_section_removes_it_from_the_cached_theme_page(client, section):
    other = Section.objects.create(
        theme=section.theme, slug="a-supprimer", title_fr="Section à supprimer", published=True
    )
    url = f"/fr/guide/{section.theme.slug}/"
    assert "Section à supprimer" in client.get(url).content.decode()
    other.delete()
    assert "Section à supprimer" not in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("url", "status"),
    [("/fr/guide/pas-encore/", 404), ("/fr/places/pas-encore/", 404), ("/fr/places/", 200)],
)
def test_only_good_pages_are_cached(client, url, status):
    """A 404 (or an error) is answered afresh: the page may exist a minute later."""
    assert client.get(url).status_code == status
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert (len(queries) > 0) == (status != 200)


def test_editing_the_questionnaire_refreshes_its_cached_page(client):
    questionnaire = demo.load()
    assert questionnaire.title_fr in client.get("/fr/feedback/").content.decode()
    question = questionnaire.questions.first()
    question.text_fr = "Une question toute neuve ?"
    question.save()
    assert "Une question toute neuve ?" in client.get("/fr/feedback/").content.decode()


@pytest.fixture
def release_folder(settings):
    """A template folder of the project's own, to change as a new release would."""
    folder = Path(settings.BASE_DIR) / "var" / f"release-{uuid.uuid4().hex}"
    folder.mkdir(parents=True)
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [folder]}]
    yield folder
    shutil.rmtree(folder)


@pytest.mark.parametrize(
    "name", ["page.html", "site.css", "map.js", "data.json", "app.py", "fr.mo"]
)
def test_a_new_release_is_a_new_fingerprint_for_cached_pages(release_folder, name):
    """Pages are cached under the release's fingerprint: any change of code, template, style,
    script or catalog makes new keys, so no reader gets a page of the previous release."""
    (release_folder / name).write_text("un")
    first = _release()
    assert _release() == first
    (release_folder / name).write_text("deux")
    changed = _release()
    assert changed != first
    (release_folder / name).rename(release_folder / f"other-{name}")
    assert _release() not in (first, changed)


def test_files_that_are_not_served_code_leave_the_fingerprint_alone(release_folder):
    first = _release()
    (release_folder / "notes.txt").write_text("une note")
    (release_folder / "photo.png").write_bytes(b"\x89PNG")
    assert _release() == first


@pytest.mark.urls("tests.common.cache_urls")
def test_a_page_that_says_no_store_is_never_cached(client):
    first = client.get("/fr/private/").content
    assert client.get("/fr/private/").content != first


@pytest.mark.urls("tests.common.cache_urls")
def test_a_post_is_never_answered_from_the_cache(client):
    first = client.post("/fr/form/", {"a": "1"}).content
    assert client.post("/fr/form/", {"a": "1"}).content != first
    assert client.get("/fr/form/").content == client.get("/fr/form/").content  # GET is cached


def test_an_empty_cache_still_gives_a_content_version():
    cache.clear()
    version = content_version()
    assert version and version == content_version()


@pytest.mark.urls("tests.common.cache_urls")
def test_a_new_release_does_not_serve_the_pages_of_the_previous_one(release_folder):
    """Each start of the site (a new Client here) fingerprints the release it serves."""
    (release_folder / "page.html").write_text("un")
    first = Client().get("/fr/form/").content
    assert Client().get("/fr/form/").content == first  # the same release: from the cache
    (release_folder / "page.html").write_text("deux")
    assert Client().get("/fr/form/").content != first


def test_head_requests_are_answered_from_the_cache_too(client, section, django_assert_num_queries):
    """Link checkers and partners' monitors ask HEAD: they must cost no more than a reader."""
    url = f"/fr/guide/{section.theme.slug}/{section.slug}/"
    first = client.head(url)
    with django_assert_num_queries(0):
        again = client.head(url)
    assert (again.status_code, again["Content-Length"]) == (200, first["Content-Length"])


@pytest.mark.parametrize("edit", [False, True])
def test_the_content_version_lasts_until_the_content_changes(section, monkeypatch, edit):
    """Not the cache's default five minutes: every page would be built again for nothing."""
    cache.delete(VERSION_KEY)  # the first page after a restart makes the version
    if edit:
        section.save()
    version = content_version()
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 30 * 24 * 3600)
    assert content_version() == version
