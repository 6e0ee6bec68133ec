from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from common import views
from common.media import media
from common.sitemaps import TranslatedSitemap
from events import views as event_views
from events.models import Event
from guide import offline
from guide import views as guide_views
from guide.models import Section, Term, Theme
from places.models import Place
from routes.models import Route

admin.site.site_header = _("Welcome to Clermont-Ferrand – administration")
admin.site.site_title = _("Welcome to Clermont-Ferrand")

sitemaps = {
    "pages": TranslatedSitemap(
        lambda: [
            "home",
            "guide:print",
            "glossary",
            "offline",
            "places:list",
            "places:partners",
            "courses:list",
            "events:list",
            "mentoring:programme",
            "accessibility",
            "privacy",
            "legal-notice",
        ]
    ),
    "themes": TranslatedSitemap(lambda: Theme.objects.order_by("order", "pk")),
    "sections": TranslatedSitemap(
        lambda: Section.objects.published().select_related("theme").order_by("pk"),
        lastmod="last_reviewed",
    ),
    "places": TranslatedSitemap(lambda: Place.objects.published().order_by("pk")),
    "terms": TranslatedSitemap(lambda: Term.objects.published().order_by("pk")),
    "routes": TranslatedSitemap(lambda: Route.objects.published().order_by("pk")),
    "events": TranslatedSitemap(lambda: Event.objects.published().order_by("pk")),
}

urlpatterns = [
    path("admin/translations/", include("translators.urls")),
    path("admin/account/", include("accounts.urls")),
    path("admin/account/passkeys/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sw.js", offline.service_worker, name="service-worker"),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media, name="media"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
]


def _page(template_name):
    return TemplateView.as_view(
        template_name=template_name,
        extra_context={
            "contact_email": settings.CONTACT_EMAIL,
            "hosting_provider": settings.HOSTING_PROVIDER,
            # Called when the page renders, so that it states the setting in force.
            "mentoring_retention_months": lambda: settings.MENTORING_RETENTION_MONTHS,
        },
    )


urlpatterns += i18n_patterns(
    path("", guide_views.home, name="home"),
    path("accessibility/", _page("pages/accessibility.html"), name="accessibility"),
    path("privacy/", _page("pages/privacy.html"), name="privacy"),
    path("legal/", _page("pages/legal.html"), name="legal-notice"),
    path("guide/", include("guide.urls")),
    path("offline/", offline.save_page, name="offline"),
    path("offline/pages.json", offline.pages, name="offline-pages"),
    path("offline/unavailable/", offline.unavailable, name="offline-unavailable"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("glossary/", guide_views.glossary_list, name="glossary"),
    path("glossary/<slug:slug>/", guide_views.term_detail, name="term"),
    path("search/", include("search.urls")),
    path("places/", include("places.urls")),
    path("routes/", include("routes.urls")),
    path("courses/", include("courses.urls")),
    path("events/", include("events.urls")),
    path("events.ics", event_views.calendar_feed, name="events-feed"),
    path("feedback/", include("feedback.urls")),
    path("mentoring/", include("mentoring.urls")),
    path("list/", include("handoff.urls")),
)
