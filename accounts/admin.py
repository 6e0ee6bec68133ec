"""Second factors as administrators see them: who has which, when used; removed, never read.

django-otp's own admin shows an app's secret and lets anyone with the permission edit it: whoever
reads the secret can make the codes. Here an administrator can only see that a device exists and
remove it, which is what a lost phone needs (the owner sets up a new one at her next login).
"""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)
admin.site.unregister(User)


class DeviceAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at", "last_used_at"]
    list_filter = ["created_at"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]
    fields = ["user", "created_at", "last_used_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).filter(confirmed=True).select_related("user")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(TOTPDevice)
class AuthenticatorAppAdmin(DeviceAdmin):
    pass


@admin.register(StaticDevice)
class RecoveryCodesAdmin(DeviceAdmin):
    list_display = [*DeviceAdmin.list_display, "left"]

    @admin.display(description=_("codes left"))
    def left(self, device):
        return device.token_set.count()


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """A person who changed content keeps her name on its history: deactivate, do not delete.

    Django deletes a user's history entries with her account (LogEntry.user cascades).
    """

    list_display = [*UserAdmin.list_display, "is_active", "last_login"]

    def has_delete_permission(self, request, obj=None):
        if obj is not None and LogEntry.objects.filter(user=obj).exists():
            return False
        return super().has_delete_permission(request, obj)
