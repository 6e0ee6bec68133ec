"""The peer-mentoring programme: requests from people who want a mentor or to become one.

Personal data: only the « Coordination parrainage » group sees them (ContentKind.PERSONAL), and
`manage.py delete_closed_mentoring_requests` deletes closed ones.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.content import ContentKind

MAX_MESSAGE = 1000


class MentoringRequest(models.Model):
    """Someone asking for a mentor, or offering to be one. Only the coordinators see these."""

    content_kind = ContentKind.PERSONAL

    class Kind(models.TextChoices):
        MENTEE = "mentee", _("I would like a mentor")
        MENTOR = "mentor", _("I would like to become a mentor")

    class Status(models.TextChoices):
        NEW = "new", _("new")
        CONTACTED = "contacted", _("contacted")
        MATCHED = "matched", _("matched")
        CLOSED = "closed", _("closed")

    kind = models.CharField(_("request"), max_length=10, choices=Kind.choices)
    first_name = models.CharField(_("first name"), max_length=80)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    languages = models.CharField(_("languages spoken"), max_length=200)
    preferred_times = models.CharField(_("best times to call"), max_length=200, blank=True)
    message = models.TextField(_("message"), max_length=MAX_MESSAGE, blank=True)
    language = models.CharField(_("language of the site"), max_length=10)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    note = models.TextField(_("coordinator's note"), blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mentoring request")
        verbose_name_plural = _("mentoring requests")

    def __str__(self):
        return f"{self.first_name} ({self.get_kind_display()})"

    def save(self, *args, **kwargs):
        if self.status == self.Status.CLOSED and self.closed_at is None:
            self.closed_at = timezone.now()
        elif self.status != self.Status.CLOSED:
            self.closed_at = None
        super().save(*args, **kwargs)
