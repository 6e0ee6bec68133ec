from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def place_list(request):
    return render(request, "places/place_list.html")
