"""Pages the page cache must leave alone, under a language prefix like every page of the site."""

from itertools import count

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt

from welcome.urls import urlpatterns as site

_visits = count(1)


@cache_control(no_store=True)
def private_page(request):
    return HttpResponse(f"visit {next(_visits)}")


@csrf_exempt
def form_page(request):
    """A form that answers 200 to a POST, as a future one may."""
    return HttpResponse(f"{request.method} {next(_visits)}")


urlpatterns = [
    *site,
    *i18n_patterns(path("private/", private_page), path("form/", form_page)),
]
