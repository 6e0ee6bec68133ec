"""Delete mentoring requests closed longer ago than the retention period."""

from django.conf import settings

from common.retention import RetentionCommand
from mentoring.models import Consultation, MentoringRequest


class Command(RetentionCommand):
    help = "Delete mentoring requests closed more than MENTORING_RETENTION_MONTHS (6) months ago."
    setting_name = "MENTORING_RETENTION_MONTHS"

    def default_months(self):
        return settings.MENTORING_RETENTION_MONTHS

    def expired(self, cutoff):
        closed = MentoringRequest.objects.filter(status=MentoringRequest.Status.CLOSED)
        return {
            "requests closed": closed.filter(closed_at__lt=cutoff),
            # A request's consultations go with it; those of the lists, when as old.
            "consultations of lists": Consultation.objects.filter(request=None, at__lt=cutoff),
        }
