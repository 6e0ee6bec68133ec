"""Delete questionnaire responses, page votes and searches without result older than the
retention period."""

from django.conf import settings

from common.retention import RetentionCommand
from feedback.models import PageFeedback, Response
from search.models import MissedSearch


class Command(RetentionCommand):
    help = "Delete feedback older than FEEDBACK_RETENTION_MONTHS (default 24) months."
    setting_name = "FEEDBACK_RETENTION_MONTHS"

    def default_months(self):
        return settings.FEEDBACK_RETENTION_MONTHS

    def expired(self, cutoff):
        return {
            "responses": Response.objects.filter(submitted_at__lt=cutoff),
            "page votes": PageFeedback.objects.filter(created_at__lt=cutoff),
            "searches without result": MissedSearch.objects.filter(day__lt=cutoff.date()),
        }
