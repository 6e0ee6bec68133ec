from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from guide.models import Section, Theme

from .queries import clean_query, search_places, search_sections


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    language = get_language()
    sections = places = themes = ()
    if query:
        sections = list(
            search_sections(query, language, Section.objects.published().without_bodies())
        )
        places = list(search_places(query, language))
    if not sections and not places:
        themes = Theme.objects.all()
    return render(
        request,
        "search/results.html",
        {"query": query, "sections": sections, "places": places, "themes": themes},
    )
