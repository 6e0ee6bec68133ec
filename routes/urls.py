from django.urls import path

from . import views

app_name = "routes"

urlpatterns = [
    path("<slug:slug>/", views.route_detail, name="detail"),
    path("<slug:slug>/embed/", views.route_embed, name="embed"),
]
