from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def questionnaire(request):
    return render(request, "feedback/form.html")
