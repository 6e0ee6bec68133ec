from welcome.language_tags import LanguageTagSitemap

from .models import Section, Theme


class ThemeSitemap(LanguageTagSitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Theme.objects.order_by("order", "pk")


class SectionSitemap(LanguageTagSitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Section.objects.published().select_related("theme").order_by("pk")

    def lastmod(self, section):
        return section.last_reviewed
