from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from feedback import views as feedback_views
from guide import views as guide_views
from guide.sitemaps import SectionSitemap, ThemeSitemap
from places.sitemaps import PlaceSitemap, RouteSitemap

from . import views
from .sitemaps import PageSitemap

admin.site.site_header = _("Welcome to Clermont-Ferrand – administration")
admin.site.site_title = _("Welcome to Clermont-Ferrand")

sitemaps = {
    "pages": PageSitemap,
    "themes": ThemeSitemap,
    "sections": SectionSitemap,
    "places": PlaceSitemap,
    "routes": RouteSitemap,
}

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
]


def _page(template_name):
    return TemplateView.as_view(
        template_name=template_name,
        extra_context={
            "contact_email": settings.CONTACT_EMAIL,
            "hosting_provider": settings.HOSTING_PROVIDER,
            # A callable, which templates call as they render: the setting in force is shown.
            "mentoring_retention_months": lambda: settings.MENTORING_RETENTION_MONTHS,
        },
    )


urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accessibility/", _page("pages/accessibility.html"), name="accessibility"),
    path("privacy/", _page("pages/privacy.html"), name="privacy"),
    path("legal/", _page("pages/legal.html"), name="legal-notice"),
    path("guide/", include("guide.urls")),
    path("search/", guide_views.search, name="search"),
    path("places/", include("places.urls")),
    path("routes/", include("places.route_urls")),
    path("feedback/", include("feedback.urls")),
    path("mentoring/", feedback_views.mentoring, name="mentoring"),
    path("mentoring/thanks/", feedback_views.mentoring_thanks, name="mentoring-thanks"),
)
