"""The second factor: enrolled at the first login, asked at every login, managed by its owner."""

from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import site
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from common.antispam import over_limit

from . import recovery
from .forms import CodeForm, EnrolForm, StaffPasswordResetForm


def _admin_context(request, title, **context):
    return {**site.each_context(request), "title": title, **context}


def _next(request):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("admin:index")


@never_cache
@login_required
def verify(request):
    """After the password: a code from the app, a recovery code, or a passkey."""
    user = request.user
    if user.is_verified() or not settings.STAFF_SECOND_FACTOR:
        return redirect(_next(request))
    if not user_has_device(user):
        return redirect(f"{reverse('account-enrol')}?{request.GET.urlencode()}")
    form = CodeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device)
        if form.device.persistent_id.startswith("otp_static."):
            left = recovery.remaining(user)
            messages.warning(
                request,
                ngettext(
                    "Recovery code used: %(count)d left. Make new ones on your account's security "
                    "page if you are running out.",
                    "Recovery code used: %(count)d left. Make new ones on your account's security "
                    "page if you are running out.",
                    left,
                )
                % {"count": left},
            )
        return redirect(_next(request))
    has_passkey = WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()
    context = _admin_context(
        request,
        _("Second step of the login"),
        form=form,
        next=_next(request),
        has_passkey=has_passkey,
    )
    return render(request, "accounts/verify.html", context, status=400 if form.errors else 200)


@never_cache
@login_required
def enrol(request):
    """Set up the authenticator app: at the first login, or to replace a lost phone's."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        return redirect(f"{reverse('account-verify')}?{request.GET.urlencode()}")
    first = not user_has_device(user)
    # The same secret until it is confirmed, so that reloading the page keeps the QR code.
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)
    form = EnrolForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            # One app at a time: a new one replaces the lost or old phone's.
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        otp_login(request, device)
        if first or not recovery.remaining(user):
            return _show_recovery_codes(request, recovery.new_codes(user), _next(request))
        messages.success(request, _("Your authenticator app is set up."))
        return redirect(_next(request))
    secret = b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m")
    context = _admin_context(
        request,
        _("Set up your second factor") if first else _("Change authenticator app"),
        form=form,
        first=first,
        next=_next(request),
        # segno writes the SVG from the secret's URL: no outside input.
        qr=mark_safe(qr.svg_inline(scale=4, title=_("QR code of your secret"))),  # noqa: S308
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    )
    return render(request, "accounts/enrol.html", context, status=400 if form.errors else 200)


def _show_recovery_codes(request, codes, next_url):
    context = _admin_context(request, _("Your recovery codes"), codes=codes, next=next_url)
    return render(request, "accounts/recovery_codes.html", context)


@never_cache
@login_required
def security(request):
    """The owner's view of her second factors: app, passkeys, recovery codes."""
    user = request.user
    context = _admin_context(
        request,
        _("Security of your account"),
        apps=TOTPDevice.objects.filter(user=user, confirmed=True),
        passkeys=WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by(
            "created_at"
        ),
        recovery_left=recovery.remaining(user),
    )
    return render(request, "accounts/security.html", context)


@require_POST
@login_required
def new_recovery_codes(request):
    return _show_recovery_codes(
        request, recovery.new_codes(request.user), reverse("account-security")
    )


@require_POST
@login_required
def remove_passkey(request, pk):
    passkey = get_object_or_404(WebAuthnCredential, pk=pk, user=request.user)
    passkey.delete()
    messages.success(request, _("The passkey is removed."))
    return redirect("account-security")


class PasswordResetView(auth_views.PasswordResetView):
    """Django's view, for staff, limited per connection and per address; no enumeration."""

    form_class = StaffPasswordResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"

    def form_valid(self, form):
        if over_limit(self.request, "password_reset"):
            context = self.get_context_data(form=form, over_limit=True)
            return self.render_to_response(context, status=429)
        email = form.cleaned_data["email"].strip().lower()
        if over_limit(self.request, "password_reset_address", who=email):
            # The same page as a sent e-mail: nothing says whether the address has an account.
            return redirect(self.get_success_url())
        return super().form_valid(form)
