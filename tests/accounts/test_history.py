"""Who changed what: each object's history names the account, the fields and the moment."""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User

from tests.factories import make_section, make_theme
from tests.helpers import log_in_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, staff_groups):
    user = User.objects.create_user("editrice", password="x" * 12, is_staff=True)
    user.groups.add(Group.objects.get(name="Éditeurs"))
    return user


def test_an_edit_in_the_admin_names_its_author_and_fields(client, editor):
    theme = make_theme(slug="logement")
    log_in_staff(client, editor)
    data = {
        "title_fr": "Logement",
        "title_en": "Housing",
        "slug": "logement",
        "introduction_fr": theme.introduction_fr,
        "order": 3,
    }
    assert client.post(f"/admin/guide/theme/{theme.pk}/change/", data).status_code == 302
    history = client.get(f"/admin/guide/theme/{theme.pk}/history/").content.decode()
    assert "editrice" in history
    [line] = re.findall(r"<td>editrice</td>\s*<td>([^<]*)</td>", history)
    assert line.startswith("Modification de ") and "[en]" in line and "Ordre" in line


def test_an_account_with_history_is_deactivated_not_deleted(admin_client, editor):
    section = make_section()
    LogEntry.objects.log_actions(
        editor.pk, [section], 2, change_message="Changed.", single_object=True
    )
    newcomer = User.objects.create_user("stagiaire", is_staff=True)
    assert admin_client.get(f"/admin/auth/user/{editor.pk}/delete/").status_code == 403
    assert admin_client.get(f"/admin/auth/user/{newcomer.pk}/delete/").status_code == 200
    response = admin_client.post(
        "/admin/auth/user/",
        {"action": "delete_selected", "_selected_action": [editor.pk, newcomer.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert User.objects.filter(pk=editor.pk).exists()
    assert LogEntry.objects.filter(user=editor).exists()
