from django.contrib import admin
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

from .models import Theme


@admin.register(Theme)
class ThemeAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["title", "slug", "order"]
    search_fields = ["title", "introduction"]
    prepopulated_fields = {"slug": ["title_fr"]}
