from importlib import import_module

from django.apps import AppConfig, apps
from django.contrib.admin.apps import SimpleAdminConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import module_has_submodule


class CommonConfig(AppConfig):
    """What every app uses: translations, the page cache, staff groups, site-wide pages."""

    default = True
    name = "common"
    verbose_name = "Bienvenue à Clermont-Ferrand"

    def ready(self):
        from . import checks, content  # noqa: F401 (checks register themselves)

        content.connect_content_version()
        post_migrate.connect(_sync_staff_groups, dispatch_uid="sync-staff-groups")


def _sync_staff_groups(sender, using="default", **kwargs):
    # post_migrate is sent once per app: act once, after the last one.
    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is last:
        from .content import sync_staff_groups

        sync_staff_groups(using=using)


class AdminConfig(SimpleAdminConfig):
    """The admin, discovering every app's admin module except django-leaflet's.

    leaflet/admin.py imports GeoDjango, which needs the GDAL C library; we store points as
    numbers and never use it, so Django's autodiscovery would only make the site fail to start.
    """

    skipped = {"leaflet"}

    def ready(self):
        super().ready()
        for app_config in apps.get_app_configs():
            if app_config.label in self.skipped:
                continue
            if module_has_submodule(app_config.module, "admin"):
                import_module(f"{app_config.name}.admin")
