from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

# Django's password views name their URLs without a namespace (the admin's login page links to
# « admin_password_reset »), so these names have none either.
_admin = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}

urlpatterns = [
    path("verify/", views.verify, name="account-verify"),
    path("enrol/", views.enrol, name="account-enrol"),
    path("security/", views.security, name="account-security"),
    path("security/recovery-codes/", views.new_recovery_codes, name="account-recovery-codes"),
    path("security/passkeys/<int:pk>/remove/", views.remove_passkey, name="account-remove-passkey"),
    path(
        "password-reset/",
        views.PasswordResetView.as_view(extra_context=_admin),
        name="admin_password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(extra_context=_admin),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            extra_context=_admin, success_url=reverse_lazy("password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(extra_context=_admin),
        name="password_reset_complete",
    ),
]
