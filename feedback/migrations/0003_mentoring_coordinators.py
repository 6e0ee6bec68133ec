"""The « Coordination parrainage » group: the only staff who see mentoring requests."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Coordination parrainage"
CODENAMES = ["view_mentoringrequest", "change_mentoringrequest", "delete_mentoringrequest"]


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="feedback", codename__in=CODENAMES)
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("feedback", "0002_mentoring"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
