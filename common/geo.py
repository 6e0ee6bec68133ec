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
