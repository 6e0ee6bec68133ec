from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .content import ContentKind, translate_codename


def may_translate(user, code):
    """Translators of a language write its texts, and only its texts (translators app)."""
    translated = [c for c, _name in settings.LANGUAGES if c != settings.LANGUAGE_CODE]
    return code in translated and user.has_perm(f"common.{translate_codename(code)}")


def languages_of(user):
    """The languages this member of staff may translate into, in the order of the site."""
    return [code for code, _name in settings.LANGUAGES if may_translate(user, code)]


def default_fallbacks(language):
    """Without a choice of staff: English, then French, then the other languages."""
    preferred = ["en", settings.LANGUAGE_CODE]
    codes = [code for code, _name in settings.LANGUAGES]
    return [code for code in dict.fromkeys([*preferred, *codes]) if code != language]


class LanguageFallback(models.Model):
    """What staff choose for one reader language: the languages to offer, in order, when a page
    is not written in it (a Pashto reader may read Dari first, then English, then French), and
    the language its translators translate from (French, unless they know another better)."""

    content_kind = ContentKind.PUBLIC

    language = models.CharField(
        _("readers of"), max_length=10, choices=settings.LANGUAGES, unique=True
    )
    offered = models.CharField(
        _("languages offered, in order"),
        max_length=100,
        blank=True,
        help_text=_(
            "Language codes separated by spaces, for example: fa en fr. "
            "Empty: English, French, then the others."
        ),
    )
    source = models.CharField(
        _("translated from"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The text translators of this language see beside theirs. A language translated "
            "from French; French if unsure."
        ),
    )

    class Meta:
        verbose_name = _("reader language")
        verbose_name_plural = _("reader languages")
        # One per language translated from French: « Traducteurs — arabe » holds translate_ar.
        permissions = [
            (translate_codename(code), f"Translate into {name}")
            for code, name in settings.LANGUAGES
            if code != settings.LANGUAGE_CODE
        ]

    def __str__(self):
        return f"{self.language}: {self.offered}"

    def clean(self):
        known = {code for code, _name in settings.LANGUAGES}
        unknown = [code for code in self.offered.split() if code not in known]
        errors = {}
        if unknown:
            errors["offered"] = _("Unknown language codes: %(codes)s.") % {
                "codes": " ".join(unknown)
            }
        errors.update(self._source_errors())
        if errors:
            raise ValidationError(errors)

    def _source_errors(self):
        """A source is French or translated from French: no language translated from itself,
        and no chain (Pashto from Dari from Pashto)."""
        if self.source == settings.LANGUAGE_CODE:
            return {}
        if self.language == settings.LANGUAGE_CODE or self.source == self.language:
            return {"source": _("A language cannot be translated from itself.")}
        others = LanguageFallback.objects.exclude(language=self.language)
        if others.filter(language=self.source).exclude(source=settings.LANGUAGE_CODE).exists():
            return {"source": _("That language is itself translated from another: choose French.")}
        if others.filter(source=self.language).exists():
            return {"source": _("Other languages are translated from this one: it stays French.")}
        return {}

    def codes(self):
        codes = [code for code in self.offered.split() if code != self.language]
        return codes or default_fallbacks(self.language)

    @classmethod
    def order_for(cls, language):
        row = cls.objects.filter(language=language).first()
        return row.codes() if row else default_fallbacks(language)

    @classmethod
    def sources(cls):
        """{language: the language it is translated from}, for every language."""
        chosen = dict(cls.objects.values_list("language", "source"))
        return {
            code: chosen.get(code, settings.LANGUAGE_CODE) for code, _name in settings.LANGUAGES
        }
