from django.urls import path

from . import views

app_name = "guide"

urlpatterns = [
    # Before the theme pattern: "print" is not a theme (Theme.clean refuses that slug).
    path("print/", views.guide_print, name="print"),
    path("<slug:slug>/", views.theme_detail, name="theme"),
    path("<slug:theme>/<slug:slug>/", views.section_detail, name="section"),
]
