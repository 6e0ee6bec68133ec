"""What the map script needs: the located places as markers, and the tile configuration."""

from django.conf import settings
from django.templatetags.static import static


def markers(places):
    """Return the located places as the map script reads them (a JSON data block)."""
    return [
        {
            "lat": float(place.latitude),
            "lon": float(place.longitude),
            "name": place.name,
            "category": place.category.name,
            "address": place.full_address,
            "url": place.get_absolute_url(),
        }
        for place in places
        if place.is_located
    ]


def _marker_icon():
    """Leaflet's default marker, named in full.

    Leaflet guesses the folder of its images from the URL of its stylesheet, which hashed static
    names break: give it each image's URL (and the sizes its default icon has).
    """
    return {
        "iconUrl": static("leaflet/images/marker-icon.png"),
        "iconRetinaUrl": static("leaflet/images/marker-icon-2x.png"),
        "shadowUrl": static("leaflet/images/marker-shadow.png"),
        "iconSize": [25, 41],
        "iconAnchor": [12, 41],
        "popupAnchor": [1, -34],
        "tooltipAnchor": [16, -28],
        "shadowSize": [41, 41],
    }


def config(**overrides):
    leaflet = settings.LEAFLET_CONFIG
    return {
        "icon": _marker_icon(),
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "center": leaflet["DEFAULT_CENTER"],
        "zoom": leaflet["DEFAULT_ZOOM"],
        "maxZoom": leaflet["MAX_ZOOM"],
        **overrides,
    }
