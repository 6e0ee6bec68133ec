import datetime

from django.conf import settings
from django.contrib import admin
from django.db.models import Count, Max, Sum
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import MissedSearch, Synonym

PERIODS = (30, 90, 365)  # days the ranking of missed searches can cover


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["term", "means", "language"]
    list_filter = ["language"]
    search_fields = ["term", "means"]
    fields = ["language", "term", "means"]


@admin.register(MissedSearch)
class MissedSearchAdmin(admin.ModelAdmin):
    """What readers looked for and did not find, most asked first: what to write next."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)  # answers 403
        try:
            days = int(request.GET.get("days", PERIODS[0]))
        except ValueError:
            days = PERIODS[0]
        days = days if days in PERIODS else PERIODS[0]
        language = request.GET.get("language", "")
        language = language if language in dict(settings.LANGUAGES) else ""
        missed = MissedSearch.objects.filter(
            day__gt=timezone.localdate() - datetime.timedelta(days=days)
        )
        if language:
            missed = missed.filter(language=language)
        names = dict(settings.LANGUAGES)
        ranking = [
            {**row, "language_name": names.get(row["language"], row["language"])}
            for row in missed.values("query", "language")
            .annotate(total=Sum("count"), days=Count("id"), last=Max("day"))
            .order_by("-total", "-last", "query")[:200]
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Searches without result"),
            "ranking": ranking,
            "days": days,
            "periods": PERIODS,
            "language": language,
            "languages": settings.LANGUAGES,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/search/missed_searches.html", context)
