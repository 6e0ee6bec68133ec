"""Discovery route pages: the stops in order, on a map, in a list, and on paper."""

from csp.decorators import csp_replace
from django.shortcuts import get_object_or_404, render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from common import geo
from common.geo import distance_km
from common.middleware import true_until
from common.translations import fallback_fields, with_fallbacks
from places import maps

from .models import Route

SKETCH_WIDTH, SKETCH_HEIGHT = 160, 110
WALKING_KMH = 4.5


def _route_context(slug):
    route = get_object_or_404(Route.objects.published(), slug=slug)
    stops = list(route.stops.select_related("place__category"))
    located = [stop for stop in stops if stop.place.is_located]
    points = [(float(s.place.latitude), float(s.place.longitude)) for s in located]
    sketch = dict(
        zip((s.pk for s in located), geo.sketch(points, SKETCH_WIDTH, SKETCH_HEIGHT), strict=True)
    )
    line = " ".join(f"{x},{y}" for x, y in sketch.values())
    for number, stop in enumerate(stops, start=1):
        stop.number = number
        stop.sketch_point = sketch.get(stop.pk)
        stop.fallback = fallback_fields(stop, ("text", "to_next"))
    for stop, following in zip(stops, stops[1:], strict=False):
        if stop.place.is_located and following.place.is_located:
            km = distance_km(
                (float(stop.place.latitude), float(stop.place.longitude)),
                (float(following.place.latitude), float(following.place.longitude)),
            )
            stop.next_km = round(km, 1)
            stop.next_minutes = max(1, round(km / WALKING_KMH * 60))
    markers = maps.markers(stop.place for stop in stops)
    numbers = [stop.number for stop in stops if stop.place.is_located]
    for marker, number in zip(markers, numbers, strict=True):
        marker["name"] = f"{number}. {marker['name']}"
        marker["number"] = number
    return {
        "route": route,
        "stops": stops,
        "fallback": fallback_fields(route) | set().union(*(stop.fallback for stop in stops)),
        "markers": markers,
        "map_config": maps.config(line=True),
        "sketch_line": line,
        "sketch_size": (SKETCH_WIDTH, SKETCH_HEIGHT),
    }


@require_safe
def route_detail(request, slug):
    context = _route_context(slug)
    # The outings along it, through the relation the events app adds (it comes after this one).
    events = with_fallbacks(context["route"].events.published().upcoming())
    response = render(request, "routes/route_detail.html", {**context, "events": events})
    return true_until(response, *(event.next.end for event in events))


@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def route_embed(request, slug):
    return render(request, "routes/route_embed.html", _route_context(slug))
