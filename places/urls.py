from django.urls import path

from . import views
from .feeds import NoticesFeed

app_name = "places"

urlpatterns = [
    path("", views.place_list, name="list"),
    # Before the place pattern: these are not place slugs (Place.clean refuses them).
    path("embed/", views.place_embed, name="embed"),
    path("places.geojson", views.place_geojson, name="geojson"),
    path("notices.atom", NoticesFeed(), name="notices"),
    path("partners/", views.partners, name="partners"),
    path("partners/qr.svg", views.partners_qr, name="partners-qr"),
    path("<slug:slug>/", views.place_detail, name="detail"),
]
