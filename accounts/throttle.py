"""Login failures slow down the pair (username, address) and the address, never a username alone.

django-axes counts failures per lockout parameter (settings.AXES_LOCKOUT_PARAMETERS: the pair, then
the address) but compares every count with one limit. The address gets a limit of its own
(STAFF_LOGIN_ADDRESS_FAILURE_LIMIT), larger: an office's staff share one address.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


class PairAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        pair, address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        # The address's count on the pair's scale: it reaches the pair's limit exactly when it
        # reaches its own (a·P // A ≥ P ⟺ a ≥ A, for whole numbers).
        pair_limit = settings.AXES_FAILURE_LIMIT
        return max(pair, address * pair_limit // settings.STAFF_LOGIN_ADDRESS_FAILURE_LIMIT)
