"""Production static files: hashed, compressed names, served by WhiteNoise."""

import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

MANIFEST = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_static_files_have_hashed_compressed_names_served_by_whitenoise(tmp_path):
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=MANIFEST):
        call_command("collectstatic", "--noinput", verbosity=0)
        client = Client()
        html = client.get("/fr/").content.decode()
        match = re.search(r'href="(/static/common/site\.[0-9a-f]{12}\.css)"', html)
        assert match, "the stylesheet is not linked by its hashed name"
        response = client.get(match.group(1), headers={"accept-encoding": "gzip"})
        assert response.status_code == 200
        assert response["Content-Encoding"] == "gzip"
        assert "immutable" in response["Cache-Control"]
    assert (tmp_path / "common/vendor/jquery-ui/jquery-ui.min.js.gz").exists()
