from django.contrib.sitemaps import Sitemap

from .models import Section, Theme


class ThemeSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Theme.objects.order_by("order", "pk")


class SectionSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Section.objects.published().select_related("theme").order_by("pk")

    def lastmod(self, section):
        return section.last_reviewed
