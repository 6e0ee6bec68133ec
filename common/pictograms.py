"""The pictograms every part of the site may show: themes, categories of places."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Pictogram(models.TextChoices):
    """The pictograms shipped in common/static/common/pictograms/, shared by themes and places."""

    ADMINISTRATION = "administration", _("Administration")
    BANK = "bank", _("Bank")
    CULTURE = "culture", _("Culture")
    EMERGENCY = "emergency", _("Emergency")
    FOOD = "food", _("Food and clothing")
    HEALTH = "health", _("Health")
    HOUSING = "housing", _("Housing")
    LANGUAGE = "language", _("Language")
    LEGAL = "legal", _("Legal help")
    PAPERS = "papers", _("Papers")
    SCHOOL = "school", _("School")
    TRANSPORT = "transport", _("Transport")
    WORK = "work", _("Work")

    @classmethod
    def static_path(cls, value):
        return f"common/pictograms/{value}.svg"
