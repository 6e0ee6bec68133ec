"""Staff groups follow what each model holds (common.content), not a list kept by hand."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command

from common.content import ContentKind, kind_of, project_apps, project_models
from tests.helpers import log_in_staff

pytestmark = pytest.mark.django_db


def _codenames(group_name):
    return {p.codename for p in Group.objects.get(name=group_name).permissions.all()}


def test_every_model_of_the_project_says_what_it_holds():
    labels = {config.label for config in project_apps()}
    assert {"common", "places", "routes", "guide", "feedback", "mentoring"} <= labels
    models = [m for m in apps.get_models() if m._meta.app_label in labels]
    assert models == project_models()
    undeclared = [m._meta.label for m in models if not isinstance(kind_of(m), ContentKind)]
    assert not undeclared, "declare content_kind = ContentKind.… on these models"


def test_editors_write_everything_readers_see_and_read_what_they_send(staff_groups):
    editors = _codenames("Éditeurs")
    for model in project_models():
        name = model._meta.model_name
        if kind_of(model) is ContentKind.PUBLIC:
            assert {f"add_{name}", f"change_{name}", f"delete_{name}"} <= editors, name
        elif kind_of(model) is ContentKind.SUBMITTED:
            assert f"view_{name}" in editors and f"change_{name}" not in editors, name
        else:
            assert not any(code.endswith(f"_{name}") for code in editors), name


def test_only_coordinators_see_personal_data(staff_groups):
    personal = [m for m in project_models() if kind_of(m) is ContentKind.PERSONAL]
    assert personal
    for group in Group.objects.exclude(name="Coordination parrainage"):
        for model in personal:
            assert f"view_{model._meta.model_name}" not in _codenames(group.name)
    assert "view_mentoringrequest" in _codenames("Coordination parrainage")


def test_translators_read_the_content_and_write_one_language(staff_groups):
    arabic = _codenames("Traducteurs — arabe")
    assert {"view_route", "view_question", "view_category", "translate_ar"} <= arabic
    assert not any(code.startswith(("add_", "change_", "delete_")) for code in arabic)
    assert not any(code.startswith("translate_") for code in arabic - {"translate_ar"})
    assert {f"translate_{code}" for code in ("ar", "fa", "ps", "uk", "ru", "ti", "en")} <= (
        _codenames("Éditeurs")
    )


def test_migrate_gives_groups_the_permissions_of_a_model_they_lost(staff_groups):
    editors = Group.objects.get(name="Éditeurs")
    editors.permissions.remove(Permission.objects.get(codename="change_route"))
    call_command("migrate", verbosity=0)
    assert "change_route" in _codenames("Éditeurs")


@pytest.mark.parametrize(
    "path",
    [
        "/admin/routes/route/",
        "/admin/routes/route/add/",
        "/admin/feedback/questionnaire/",
        "/admin/feedback/questionnaire/add/",
        "/admin/feedback/pagefeedback/report/",
        "/admin/feedback/response/",
    ],
)
def test_an_editor_opens_routes_the_questionnaire_and_the_reports(client, staff_groups, path):
    editor = User.objects.create_user("editrice", is_staff=True)
    editor.groups.add(Group.objects.get(name="Éditeurs"))
    log_in_staff(client, editor)
    assert client.get(path).status_code == 200


def test_the_page_vote_report_needs_the_right_to_read_votes(client, staff_groups):
    coordinator = User.objects.create_user("coordinatrice", is_staff=True)
    coordinator.groups.add(Group.objects.get(name="Coordination parrainage"))
    log_in_staff(client, coordinator)
    assert client.get("/admin/feedback/pagefeedback/report/").status_code == 403
