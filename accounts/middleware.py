from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

# What a session that has passed the password but not the second factor may open: logging in and
# out, resetting the password, proving the second factor, and enrolling one at the first login.
OPEN_BEFORE_SECOND_FACTOR = {
    "admin:login",
    "admin:logout",
    "admin_password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "account-verify",
    "account-enrol",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:credential-registration-begin",
    "otp_webauthn:credential-registration-complete",
    "otp_webauthn:js-i18n-catalog",
}


class StaffSessions:
    """Idle staff sessions end; a staff session without its second factor is not staff yet.

    Within the admin, such a session is sent to prove its second factor (or to enrol one);
    elsewhere it counts as a reader's, so a password alone shows no draft.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated:
            return None
        # Every request starts the count again: the session ends after this long idle.
        request.session.set_expiry(settings.STAFF_IDLE_MINUTES * 60)
        if not settings.STAFF_SECOND_FACTOR or user.is_verified():
            return None
        if request.resolver_match.view_name in OPEN_BEFORE_SECOND_FACTOR:
            return None
        if request.path_info.startswith(reverse("admin:index")):
            step = "account-verify" if user_has_device(user) else "account-enrol"
            return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        request.user = AnonymousUser()
        return None
