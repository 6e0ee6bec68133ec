"""Recovery codes: ten single-use codes, django-otp's static device."""

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

COUNT = 10
NAME = "recovery codes"


@transaction.atomic
def new_codes(user):
    """Replace the user's recovery codes with ten new ones; return them, to be shown once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [f"{code[:4]} {code[4:]}" for code in codes]


def remaining(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
