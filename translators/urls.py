from django.urls import path

from . import views

app_name = "translators"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<str:code>/<slug:kind>/<int:pk>/", views.translate, name="translate"),
    path("<str:code>/export.xlf", views.export, {"extension": "xlf"}, name="export-xliff"),
    path("<str:code>/export.po", views.export, {"extension": "po"}, name="export-po"),
    path("<str:code>/import/", views.import_file, name="import"),
]
