from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from common.admin import TranslatedAdmin

from .models import Route, RouteStop


class RouteStopInline(TranslationTabularInline):
    model = RouteStop
    extra = 1
    fields = ["order", "place", "text", "to_next"]
    autocomplete_fields = ["place"]
    ordering = ["order", "pk"]


@admin.register(Route)
class RouteAdmin(TranslatedAdmin):
    list_display = ["title", "slug", "published"]
    prepopulated_fields = {"slug": ["title_fr"]}
    inlines = [RouteStopInline]
