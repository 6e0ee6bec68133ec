from django.urls import path

from . import views

app_name = "handoff"

urlpatterns = [path("", views.handoff_list, name="list")]
