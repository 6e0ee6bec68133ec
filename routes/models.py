from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.content import ContentKind
from common.querysets import PublishedQuerySet
from common.translations import CheckedTranslation, TranslationTracking
from places.models import Place


class Route(CheckedTranslation):
    """A discovery route (« rallye de l'intégration »): places to walk to, in order."""

    content_kind = ContentKind.PUBLIC
    TRACKED_FIELDS = ("title", "introduction")

    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    introduction = models.TextField(_("introduction"), blank=True)
    published = models.BooleanField(_("published"), default=False)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("discovery route")
        verbose_name_plural = _("discovery routes")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("routes:detail", args=[self.slug])


class RouteStop(TranslationTracking):
    content_kind = ContentKind.PUBLIC
    TRACKED_FIELDS = ("text", "to_next")

    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="stops")
    place = models.ForeignKey(
        Place, on_delete=models.PROTECT, related_name="route_stops", verbose_name=_("place")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("what to do here"), blank=True)
    to_next = models.CharField(
        _("getting to the next stop"),
        max_length=300,
        blank=True,
        help_text=_("On foot, or which tram or bus line to take, and where to get off."),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("stop")
        verbose_name_plural = _("stops")

    def __str__(self):
        return f"{self.order}. {self.place}"
