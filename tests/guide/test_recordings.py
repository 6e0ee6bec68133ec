"""Recordings of sections: what staff upload, what staff see, how the file is served."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from guide.models import MAX_RECORDING_BYTES, Recording
from tests.factories import make_section
from tests.helpers import wav

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def recording():
    recording = Recording(section=make_section(slug="urgences"), language="fr-falc")
    recording.file.save("Lecture FALC.WAV", ContentFile(wav(seconds=1)), save=True)
    return recording


def test_each_upload_gets_a_new_name(recording):
    assert recording.file.name.startswith("recordings/urgences-fr-falc-")
    assert recording.file.name.endswith(".wav")


@pytest.mark.parametrize(
    ("name", "size", "problem"),
    [("page.exe", 10, "extension"), ("page.mp3", MAX_RECORDING_BYTES + 1, "Mo")],
)
def test_staff_are_told_what_is_wrong_with_a_file(name, size, problem):
    recording = Recording(
        section=make_section(), language="fr", file=SimpleUploadedFile(name, b"\0" * size)
    )
    with pytest.raises(ValidationError) as error:
        recording.full_clean()
    assert problem in str(error.value)


def test_staff_see_which_sections_are_read_aloud_in_which_language(admin_client, recording):
    make_section(title_fr="Sans voix")
    html = admin_client.get("/admin/guide/section/").content.decode()
    assert "Facile à lire (FALC)" in html
    recorded = admin_client.get("/admin/guide/section/?recorded=yes").content.decode()
    assert "Sans voix" not in recorded
    assert "Sans voix" in admin_client.get("/admin/guide/section/?recorded=no").content.decode()


def test_the_falc_page_plays_its_recording(client, recording):
    section = recording.section
    html = client.get(f"/fr-falc/guide/{section.theme.slug}/{section.slug}/").content.decode()
    assert f'<audio controls preload="none" src="/media/{recording.file.name}"' in html
    assert "listen.js" not in html  # no synthetic voice where a person reads
    assert (
        "<audio"
        not in client.get(f"/en/guide/{section.theme.slug}/{section.slug}/").content.decode()
    )


def test_a_part_of_the_file_is_served_as_asked(client, recording):
    url = f"/media/{recording.file.name}"
    size = recording.file.size
    whole = client.get(url)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    assert whole["Content-Type"] == "audio/x-wav"
    part = client.get(url, headers={"Range": "bytes=10-19"})
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 10-19/{size}"
    assert b"".join(part.streaming_content) == recording.file.open("rb").read()[10:20]
    tail = client.get(url, headers={"Range": "bytes=-5"})
    assert tail["Content-Range"] == f"bytes {size - 5}-{size - 1}/{size}"
    beyond = client.get(url, headers={"Range": f"bytes={size}-"})
    assert beyond.status_code == 416 and beyond["Content-Range"] == f"bytes */{size}"
    older = client.get(url, headers={"Range": "bytes=0-9", "If-Range": '"old"'})
    assert older.status_code == 200  # a part of another version would be garbage
    assert client.get(url, headers={"If-None-Match": whole["ETag"]}).status_code == 304


@pytest.mark.parametrize("path", ["../settings.py", "recordings/none.mp3", "%2e%2e/etc/passwd"])
def test_nothing_outside_the_media_folder_is_served(client, recording, path):
    assert client.get(f"/media/{path}").status_code == 404
