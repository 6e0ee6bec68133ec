from django.urls import path

from . import views

app_name = "mentoring"

urlpatterns = [
    path("", views.programme, name="programme"),
    path("thanks/", views.thanks, name="thanks"),
]
