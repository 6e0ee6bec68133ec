from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from guide.models import Theme

from .queries import clean_query, record_miss, search


@require_safe
def results(request):
    query = clean_query(request.GET.get("q", ""))
    language = get_language()
    found = search(query, language)
    response = render(
        request,
        "search/results.html",
        {"query": query, "results": found, "themes": () if found.hits else Theme.objects.all()},
    )
    if query and not found.hits:
        if request.method == "GET":
            record_miss(query, language)
        # Every search that finds nothing is counted: never answer it from the page cache.
        patch_cache_control(response, no_store=True)
    return response
