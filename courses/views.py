"""The French course finder: filters in the address, a plain form, the courses' places on a map."""

from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from common.translations import with_fallbacks
from places import maps
from places.models import OpeningSlot

from . import finder
from .models import LEVEL_SLUGS, Audience, Course, CourseSlot, Level


def published_courses():
    return (
        Course.objects.published()
        .filter(place__published=True)
        .select_related("place__category")
        .prefetch_related(Prefetch("slots", CourseSlot.objects.order_by("weekday", "starts")))
    )


def _languages_taught_in():
    codes = set()
    for value in Course.objects.published().values_list("teacher_languages", flat=True):
        codes.update(value.split())
    return sorted(codes)


@require_safe
def course_list(request):
    # The form sends its empty choices too (« no preference »): the address a reader shares
    # keeps only what was chosen.
    pairs = [(name, value) for name, values in request.GET.lists() for value in values]
    chosen = [(name, value) for name, value in pairs if value]
    if len(chosen) < len(pairs):
        return redirect(f"{request.path}?{urlencode(chosen)}" if chosen else request.path)
    filters = finder.read_filters(request.GET)
    matching_but_schedule, courses = finder.apply(filters, published_courses())
    courses = with_fallbacks(courses)
    unscheduled = 0
    if filters.by_schedule:
        unscheduled = matching_but_schedule.filter(slots__isnull=True).count()
    without_schedule = [pair for pair in filters.query() if pair[0] not in ("day", "time")]
    places = list({course.place.pk: course.place for course in courses}.values())
    return render(
        request,
        "courses/course_list.html",
        {
            "courses": courses,
            "filters": filters,
            "levels": [(slug, Level(value)) for slug, value in LEVEL_SLUGS.items()],
            "days": [
                (slug, OpeningSlot.Weekday(value).label) for slug, value in finder.DAY_SLUGS.items()
            ],
            "times": [(slug, label) for slug, (label, _q) in finder.TIMES.items()],
            "audiences": [(value, Audience(value).label) for value in finder.AUDIENCES],
            "languages": _languages_taught_in(),
            "unscheduled": unscheduled,
            "unscheduled_query": urlencode(without_schedule),
            "query": urlencode(filters.query()),
            "markers": maps.markers(places),
            "map_config": maps.config(),
        },
    )
