"""Discovery route pages: the stops in order, on a map, in a list, and on paper."""

import math

from csp.decorators import csp_replace
from django.shortcuts import get_object_or_404, render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from common.geo import distance_km
from common.translations import fallback_fields
from places import maps

from .models import Route

SKETCH_WIDTH, SKETCH_HEIGHT, SKETCH_MARGIN = 160, 110, 10
WALKING_KMH = 4.5


def _sketch(points):
    """Project the stops into a small SVG box: a map that prints, with no tiles and no script."""
    if not points:
        return []
    lats = [lat for lat, _lon in points]
    lons = [lon for _lat, lon in points]
    scale_x = math.cos(math.radians(sum(lats) / len(lats)))
    span_x = max((max(lons) - min(lons)) * scale_x, 1e-6)
    span_y = max(max(lats) - min(lats), 1e-6)
    size = min(
        (SKETCH_WIDTH - 2 * SKETCH_MARGIN) / span_x, (SKETCH_HEIGHT - 2 * SKETCH_MARGIN) / span_y
    )
    return [
        (
            round(SKETCH_MARGIN + (lon - min(lons)) * scale_x * size, 1),
            round(SKETCH_HEIGHT - SKETCH_MARGIN - (lat - min(lats)) * size, 1),
        )
        for lat, lon in points
    ]


def _route_context(slug):
    route = get_object_or_404(Route.objects.published(), slug=slug)
    stops = list(route.stops.select_related("place__category"))
    located = [stop for stop in stops if stop.place.is_located]
    points = [(float(s.place.latitude), float(s.place.longitude)) for s in located]
    sketch = dict(zip((s.pk for s in located), _sketch(points), strict=True))
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
    return render(request, "routes/route_detail.html", _route_context(slug))


@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def route_embed(request, slug):
    return render(request, "routes/route_embed.html", _route_context(slug))
