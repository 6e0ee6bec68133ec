from django.urls import reverse

from .language_tags import LanguageTagSitemap


class PageSitemap(LanguageTagSitemap):
    """The home page, the printable guide and the pages every site keeps."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return [
            "home",
            "guide:print",
            "places:list",
            "places:partners",
            "mentoring",
            "accessibility",
            "privacy",
            "legal-notice",
        ]

    def location(self, item):
        return reverse(item)
