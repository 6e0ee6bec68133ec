from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff accounts: second factor, login throttling, password reset, idle sessions."""

    name = "accounts"
    verbose_name = _("Staff accounts")
