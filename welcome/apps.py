from importlib import import_module

from django.apps import AppConfig, apps
from django.contrib.admin.apps import SimpleAdminConfig
from django.utils.module_loading import module_has_submodule


class WelcomeConfig(AppConfig):
    default = True
    name = "welcome"
    verbose_name = "Bienvenue à Clermont-Ferrand"

    def ready(self):
        from . import checks, signals  # noqa: F401 (checks register themselves)

        signals.connect()


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
