from welcome.language_tags import LanguageTagSitemap

from .models import Place, Route


class PlaceSitemap(LanguageTagSitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Place.objects.published().order_by("pk")


class RouteSitemap(LanguageTagSitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Route.objects.published().order_by("pk")
