"""Distances on the map of Clermont-Ferrand."""

import math

from django.conf import settings

# Place de Jaude, the centre every map opens on (LEAFLET_CONFIG).
CITY_CENTRE = tuple(settings.LEAFLET_CONFIG["DEFAULT_CENTER"])
EARTH_RADIUS_KM = 6371


def distance_km(a, b):
    """Return the great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def sketch(points, width, height, margin=10):
    """Project (latitude, longitude) points into a small SVG box of width × height: a map that
    prints, with no tiles and no script (a route's stops, the places of a hand-off list)."""
    if not points:
        return []
    lats = [lat for lat, _lon in points]
    lons = [lon for _lat, lon in points]
    scale_x = math.cos(math.radians(sum(lats) / len(lats)))
    span_x = max((max(lons) - min(lons)) * scale_x, 1e-6)
    span_y = max(max(lats) - min(lats), 1e-6)
    size = min((width - 2 * margin) / span_x, (height - 2 * margin) / span_y)
    return [
        (
            round(margin + (lon - min(lons)) * scale_x * size, 1),
            round(height - margin - (lat - min(lats)) * size, 1),
        )
        for lat, lon in points
    ]
