from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .content import ContentKind


def default_fallbacks(language):
    """Without a choice of staff: English, then French, then the other languages."""
    preferred = ["en", settings.LANGUAGE_CODE]
    codes = [code for code, _name in settings.LANGUAGES]
    return [code for code in dict.fromkeys([*preferred, *codes]) if code != language]


class LanguageFallback(models.Model):
    """The languages to offer, in order, to a reader whose language a page is not written in:
    a Pashto reader may read Dari first, then English, then French."""

    content_kind = ContentKind.PUBLIC

    language = models.CharField(
        _("readers of"), max_length=10, choices=settings.LANGUAGES, unique=True
    )
    offered = models.CharField(
        _("languages offered, in order"),
        max_length=100,
        help_text=_("Language codes separated by spaces, for example: fa en fr"),
    )

    class Meta:
        verbose_name = _("languages offered instead")
        verbose_name_plural = _("languages offered instead")

    def __str__(self):
        return f"{self.language}: {self.offered}"

    def clean(self):
        known = {code for code, _name in settings.LANGUAGES}
        unknown = [code for code in self.codes() if code not in known]
        if unknown:
            raise ValidationError(
                {"offered": _("Unknown language codes: %(codes)s.") % {"codes": " ".join(unknown)}}
            )

    def codes(self):
        return [code for code in self.offered.split() if code != self.language]

    @classmethod
    def order_for(cls, language):
        row = cls.objects.filter(language=language).first()
        return row.codes() if row else default_fallbacks(language)
