"""Facts checked again every year: sections of the guide, French courses, events.

Each has `last_reviewed`; the admin filters what is due and marks a selection reviewed today.
"""

import datetime

from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .querysets import PublishedQuerySet

REVIEW_AFTER = datetime.timedelta(days=365)


class ReviewedQuerySet(PublishedQuerySet):
    def due_for_review(self, today=None):
        today = today or timezone.localdate()
        return self.filter(last_reviewed__lt=today - REVIEW_AFTER)


class Reviewed(models.Model):
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=timezone.localdate,
        help_text=_("When the facts of this page were last checked. Due again after 12 months."),
    )

    class Meta:
        abstract = True

    @property
    def is_due_for_review(self):
        return self.last_reviewed < timezone.localdate() - REVIEW_AFTER


class DueForReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", _("Due for review (checked more than 12 months ago)"))]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.due_for_review()
        return queryset


@admin.action(description=_("Mark as reviewed today"))
def mark_reviewed(modeladmin, request, queryset):
    # One save each, not update(): the save signal tells the page cache the date changed.
    count = 0
    for obj in queryset:
        obj.last_reviewed = timezone.localdate()
        obj.save(update_fields=["last_reviewed"])
        count += 1
    modeladmin.message_user(
        request,
        _("%(count)d %(items)s marked as reviewed.")
        % {"count": count, "items": queryset.model._meta.verbose_name_plural},
    )
