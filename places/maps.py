"""What the map script needs: the located places as markers, and the tile configuration."""

from django.conf import settings


def markers(places):
    """Return the located places as the map script reads them (a JSON data block)."""
    return [
        {
            "lat": float(place.latitude),
            "lon": float(place.longitude),
            "name": place.name,
            "category": place.category.name,
            "address": ", ".join(part for part in (place.address, place.city) if part),
            "url": place.get_absolute_url(),
        }
        for place in places
        if place.is_located
    ]


def config(**overrides):
    leaflet = settings.LEAFLET_CONFIG
    return {
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "center": leaflet["DEFAULT_CENTER"],
        "zoom": leaflet["DEFAULT_ZOOM"],
        "maxZoom": leaflet["MAX_ZOOM"],
        **overrides,
    }
