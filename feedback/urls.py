from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("", views.questionnaire, name="questionnaire"),
    path("thanks/", views.thanks, name="thanks"),
    path("page/<int:section_id>/", views.page_feedback, name="page"),
]
