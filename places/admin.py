from django.contrib import admin
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

from .models import Category, Place


@admin.register(Category)
class CategoryAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["name", "slug", "pictogram", "colour", "order"]
    search_fields = ["name_fr", "name_en", "name_fr_falc"]
    prepopulated_fields = {"slug": ["name_fr"]}


@admin.register(Place)
class PlaceAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["name", "category", "city", "published", "to_verify", "precision"]
    list_filter = ["category", "published", "to_verify", "precision"]
    list_select_related = ["category"]
    search_fields = ["name_fr", "name_en", "name_fr_falc", "address", "slug"]
    prepopulated_fields = {"slug": ["name_fr"]}
