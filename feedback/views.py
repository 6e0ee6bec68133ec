from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def questionnaire(request):
    return render(request, "feedback/form.html")
