"""What the map script needs: the located places as markers, and the tile configuration."""

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext as _

from common.pictograms import Pictogram


def markers(places):
    """Return the located places as the map script reads them (a JSON data block): a marker in
    its category's colour with its pictogram."""
    return [
        {
            "lat": float(place.latitude),
            "lon": float(place.longitude),
            "name": place.name,
            "category": place.category.name,
            "colour": place.category.colour,
            "pictogram": static(Pictogram.static_path(place.category.pictogram)),
            "approx": place.precision == place.Precision.APPROX,
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
        # Places on one point (a building, or near the same landmark) gather into a numbered
        # circle that spreads them out when tapped: Leaflet.markercluster, vendored.
        "clusterJs": static("places/vendor/leaflet.markercluster.js"),
        "clusterCss": static("places/vendor/MarkerCluster.css"),
        "labels": {
            # No plural: the number goes after the colon in every language.
            "cluster": _("Places here: %(count)s. Open to see them."),
            "approx": _("Position: near the address, not at the door."),
        },
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "center": leaflet["DEFAULT_CENTER"],
        "zoom": leaflet["DEFAULT_ZOOM"],
        "maxZoom": leaflet["MAX_ZOOM"],
        **overrides,
    }
