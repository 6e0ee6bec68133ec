from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .language_tags import language_tag


class TranslatedSitemap(Sitemap):
    """Each item in every language, with its alternates (hreflang as BCP 47 tags) and x-default.

    `items` is called at each request: a list of URL names, or a queryset of objects that have
    get_absolute_url. `lastmod` names the date attribute of the objects, if any.
    """

    i18n = True
    alternates = True
    x_default = True

    def __init__(self, items, lastmod=None):
        self.source = items
        self.lastmod_attribute = lastmod

    def items(self):
        return self.source()

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return getattr(item, self.lastmod_attribute) if self.lastmod_attribute else None

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            for alternate in url["alternates"]:
                alternate["lang_code"] = language_tag(alternate["lang_code"])
        return urls
