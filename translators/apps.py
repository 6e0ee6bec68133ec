from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslatorsConfig(AppConfig):
    name = "translators"
    verbose_name = _("Translations")

    def ready(self):
        from .models import connect_revisions

        connect_revisions()
