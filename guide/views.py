from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .models import Theme


@require_safe
def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    return render(request, "guide/theme_detail.html", {"theme": theme})
