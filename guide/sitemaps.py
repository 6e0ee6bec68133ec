from django.contrib.sitemaps import Sitemap

from .models import Theme


class ThemeSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Theme.objects.order_by("order", "pk")
