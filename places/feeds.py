"""The notices as an Atom feed, in each language: what partners follow to pass news on."""

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Notice


class NoticesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Welcome to Clermont-Ferrand: notices")
    subtitle = _("Closures, moves and new services of the places in the guide, while they last.")

    def link(self):
        return reverse("home")

    def items(self):
        today = timezone.localdate()
        return (
            Notice.objects.filter(Q(ends__isnull=True) | Q(ends__gte=today))
            .prefetch_related("places")
            .order_by("-starts", "-pk")[:50]
        )

    def item_title(self, notice):
        return notice.title

    def item_description(self, notice):
        return notice.text

    def item_link(self, notice):
        places = list(notice.places.all())
        page = places[0].get_absolute_url() if len(places) == 1 else reverse("home")
        return f"{page}#notice-{notice.pk}"

    def item_pubdate(self, notice):
        return notice.created_at

    def item_updateddate(self, notice):
        return notice.updated_at
