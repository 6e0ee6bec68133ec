from django.urls import path

from . import routes

app_name = "routes"

urlpatterns = [
    path("<slug:slug>/", routes.route_detail, name="detail"),
    path("<slug:slug>/embed/", routes.route_embed, name="embed"),
]
