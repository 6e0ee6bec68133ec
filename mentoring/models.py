"""The peer-mentoring programme: requests from people who want a mentor or to become one.

Personal data: only the « Coordination parrainage » group sees them (ContentKind.PERSONAL), and
`manage.py delete_closed_mentoring_requests` deletes closed ones.
"""

from django.conf import settings
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


class Consultation(models.Model):
    """Who read personal data, and when: each request opened, each list of requests shown.

    Changes are in the admin's history (LogEntry); this is the reading. A request's consultations
    go with it; those of lists go after MENTORING_RETENTION_MONTHS, as closed requests do.
    """

    content_kind = ContentKind.PERSONAL

    request = models.ForeignKey(
        MentoringRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consultations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True
    )
    # Kept as it was, should the account be renamed or deleted.
    username = models.CharField(_("account"), max_length=150)
    path = models.CharField(_("page"), max_length=500)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("consultation of requests")
        verbose_name_plural = _("consultations of requests")

    def __str__(self):
        return f"{self.username} {self.at:%Y-%m-%d %H:%M} {self.path}"
