from django.contrib.sitemaps import Sitemap

from .models import Place, Route


class PlaceSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Place.objects.published().order_by("pk")


class RouteSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Route.objects.published().order_by("pk")
