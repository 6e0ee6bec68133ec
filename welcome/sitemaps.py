from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PageSitemap(Sitemap):
    """The home page and the pages every site keeps (accessibility, privacy, legal notice)."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["home", "accessibility", "privacy", "legal-notice"]

    def location(self, item):
        return reverse(item)
