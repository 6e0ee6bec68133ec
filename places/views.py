from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def place_list(request):
    return render(request, "places/place_list.html")
