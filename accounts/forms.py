import math

from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


def _normalise(code):
    """As typed or pasted: spaces, dashes and capitals do not matter."""
    return "".join(c for c in code if c.isalnum()).lower()


def _wait_message(device):
    allowed, info = device.verify_is_allowed()
    if allowed or not info or not info.get("locked_until"):
        return None
    seconds = max(1, math.ceil((info["locked_until"] - timezone.now()).total_seconds()))
    return ngettext(
        "Too many wrong codes: try again in %(seconds)d second.",
        "Too many wrong codes: try again in %(seconds)d seconds.",
        seconds,
    ) % {"seconds": seconds}


class CodeForm(forms.Form):
    """The second step of a login: a code from the authenticator app, or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("The 6 digits your authenticator app shows now, or a recovery code."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        code = _normalise(self.cleaned_data["code"])
        kind = TOTPDevice if code.isdigit() and len(code) <= 8 else StaticDevice
        wait = None
        with transaction.atomic():
            for device in devices_for_user(self.user, for_verify=True):
                if not isinstance(device, kind):
                    continue
                wait = _wait_message(device) or wait
                if device.verify_token(code):
                    self.device = device
                    return code
        raise forms.ValidationError(wait or _("This code is not right. Check it and try again."))


class EnrolForm(forms.Form):
    """Proves the authenticator app holds the new secret before it counts."""

    code = forms.CharField(
        label=_("Code shown by the app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = _normalise(self.cleaned_data["code"])
        wait = _wait_message(self.device)
        if wait:
            raise forms.ValidationError(wait)
        if not code.isdigit() or not self.device.verify_token(code):
            raise forms.ValidationError(
                _("This code is not right. Check the time on your phone, then type the new code.")
            )
        return code


class StaffPasswordResetForm(PasswordResetForm):
    """Django's reset by e-mail, for staff accounts only; it never says whether one exists."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)
