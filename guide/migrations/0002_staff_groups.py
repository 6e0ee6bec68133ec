"""The two staff groups: editors write everything in the guide and places, translators change
existing content only."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = [("guide", "theme"), ("guide", "section"), ("places", "category"), ("places", "place")]
GROUPS = {
    "Éditeurs": ("add", "change", "delete", "view"),
    "Traducteurs": ("change", "view"),
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_{model}" for action in actions for _app, model in MODELS]
        group.permissions.set(
            Permission.objects.filter(
                content_type__app_label__in={app for app, _model in MODELS},
                codename__in=codenames,
            )
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("places", "0001_initial"),
        ("guide", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
