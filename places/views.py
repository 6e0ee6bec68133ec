from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .models import Category, Place


@require_safe
def place_list(request):
    categories = Category.objects.prefetch_related(
        Prefetch("places", queryset=Place.objects.published(), to_attr="published_places")
    )
    return render(request, "places/place_list.html", {"categories": categories})


@require_safe
def place_detail(request, slug):
    place = get_object_or_404(Place.objects.published().select_related("category"), slug=slug)
    sections = place.sections.published().select_related("theme")
    return render(request, "places/place_detail.html", {"place": place, "sections": sections})
