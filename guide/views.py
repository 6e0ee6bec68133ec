from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from common.middleware import true_until
from common.text import plain
from common.translations import fallback_fields, with_fallbacks
from events.models import Event
from places import maps
from places.hours import next_midnight
from places.models import Notice, Place
from routes.models import Route

from . import glossary
from .models import Section, Term, Theme

HOME_EVENTS = 3


def _visible_sections(request):
    """Published sections; staff also see drafts, to preview them."""
    return Section.objects.all() if request.user.is_staff else Section.objects.published()


@require_safe
def home(request):
    themes = Theme.objects.order_by("order", "pk")
    routes = Route.objects.published()
    notices = Notice.objects.current().for_readers()
    events = with_fallbacks(
        Event.objects.published().select_related("place").upcoming()[:HOME_EVENTS]
    )
    response = render(
        request,
        "guide/home.html",
        {"themes": themes, "routes": routes, "notices": notices, "events": events},
    )
    # Notices come and go with the day; an event leaves the page when it ends.
    return true_until(response, next_midnight(), *(event.next.end for event in events))


@require_safe
def theme_detail(request, slug):
    theme = get_object_or_404(Theme, slug=slug)
    sections = _visible_sections(request).filter(theme=theme).without_bodies()
    return render(
        request,
        "guide/theme_detail.html",
        {
            "theme": theme,
            "sections": sections,
            "fallback": fallback_fields(theme),
        },
    )


@require_safe
def section_detail(request, theme, slug):
    section = get_object_or_404(
        Section.objects.select_related("theme"), theme__slug=theme, slug=slug
    )
    if not section.published and not request.user.is_staff:
        raise Http404("Draft section")
    siblings = list(_visible_sections(request).filter(theme=section.theme).without_bodies())
    position = next(i for i, sibling in enumerate(siblings) if sibling.pk == section.pk)
    places = list(section.places.published().select_related("category"))
    return render(
        request,
        "guide/section_detail.html",
        {
            "section": section,
            "theme": section.theme,
            "places": places,
            "markers": maps.markers(places),
            "map_config": maps.config(zoom=15),
            "previous": siblings[position - 1] if position > 0 else None,
            "next": siblings[position + 1] if position + 1 < len(siblings) else None,
            "fallback": fallback_fields(section),
            "feedback_thanks": request.GET.get("feedback") == "thanks",
            "terms": Term.objects.published(),
            "recording": section.recordings.filter(language=get_language()).first(),
        },
    )


@require_safe
def guide_print(request):
    sections = Section.objects.published().prefetch_related(
        Prefetch("places", queryset=Place.objects.published().select_related("category"))
    )
    themes = Theme.objects.prefetch_related(Prefetch("sections", queryset=sections))
    return render(request, "guide/guide_print.html", {"themes": themes})


@require_safe
def glossary_list(request):
    terms = with_fallbacks(Term.objects.published())
    return render(request, "guide/glossary.html", {"terms": terms})


@require_safe
def term_detail(request, slug):
    term = get_object_or_404(Term.objects.published(), slug=slug)
    places = term.places.published().select_related("category")
    # The pages of the guide that use the word, as readers of this language read them.
    sections = [
        section
        for section in Section.objects.published().select_related("theme")
        if glossary.uses(f"{section.title} {section.summary} {plain(section.body)}", term)
    ]
    return render(
        request,
        "guide/term_detail.html",
        {
            "term": term,
            "places": places,
            "sections": sections,
            "fallback": fallback_fields(term),
        },
    )
