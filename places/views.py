import hashlib
import io
import json
import re

import segno
from csp.decorators import csp_replace
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import urlencode
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from common.middleware import true_until
from common.translations import fallback_fields, with_fallbacks

from . import maps
from .hours import hours_state, opening_hours_specification, to_osm
from .models import Category, Place

# What « open now » reads, fetched with the places (two queries whatever their number).
HOURS = ("slots", "exceptions")
_SLUG = re.compile(r"^[-a-z0-9_]{1,60}$")


def _chosen_categories(request):
    """Return the category slugs asked for in ?category=a&category=b or ?category=a,b."""
    slugs = []
    for value in request.GET.getlist("category"):
        slugs += [slug.strip() for slug in value.split(",")]
    # An unknown or malformed slug is an ignored filter, never an error: a partner's old link
    # to a category since renamed shows every place, not none.
    wellformed = {slug for slug in slugs if _SLUG.match(slug)}
    if not wellformed:
        return []
    return sorted(Category.objects.filter(slug__in=wellformed).values_list("slug", flat=True))


def _filtered_places(request):
    chosen = _chosen_categories(request)
    places = Place.objects.published().select_related("category").prefetch_related(*HOURS)
    if chosen:
        places = places.filter(category__slug__in=chosen)
    return chosen, places


def _map_context(request):
    chosen, places = _filtered_places(request)
    places = list(places)
    categories = Category.objects.all()
    groups = {}
    for place in places:
        groups.setdefault(place.category_id, []).append(place)
    return {
        "categories": categories,
        "chosen": chosen,
        "groups": [(c, groups[c.pk]) for c in categories if c.pk in groups],
        "place_count": len(places),
        "places": places,
        "markers": maps.markers(places),
        "map_config": maps.config(),
        "query": urlencode([("category", slug) for slug in chosen]),
    }


def _until_hours_change(response, places):
    """Keep the page no longer than the « open now » it shows: until the first place on it
    opens or closes, or midnight."""
    now = timezone.now()
    return true_until(response, *(hours_state(place, now).valid_until for place in places))


@require_safe
def place_list(request):
    context = _map_context(request)
    response = render(request, "places/place_list.html", context)
    return _until_hours_change(response, context["places"])


# Partners put this page in an iframe on their own sites: it alone may be framed.
@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def place_embed(request):
    context = _map_context(request)
    response = render(request, "places/place_embed.html", context)
    return _until_hours_change(response, context["places"])


@require_safe
def place_detail(request, slug):
    place = get_object_or_404(
        Place.objects.published().select_related("category").prefetch_related(*HOURS), slug=slug
    )
    sections = place.sections.published().select_related("theme")
    # Its French courses and coming events, through the relations the courses and events apps
    # add to places (those apps come after this one, and may import it, not the reverse).
    courses = with_fallbacks(place.courses.published().prefetch_related("slots"))
    events = place.events.published().upcoming()
    # A place's name is often a proper name nobody translates: marked in French, not announced.
    fallback = fallback_fields(place, ("name", *Place.TRACKED_FIELDS))
    response = render(
        request,
        "places/place_detail.html",
        {
            "place": place,
            "sections": sections,
            "courses": courses,
            "events": events,
            "markers": maps.markers([place]),
            "map_config": maps.config(zoom=16),
            "structured_data": _structured_data(request, place),
            "fallback": fallback,
            "untranslated_texts": fallback - {"name"},
            "category_fallback": fallback_fields(place.category),
            "notices": place.notices.current().for_readers(),
            "upcoming_exceptions": [
                e for e in place.exceptions.all() if e.ends >= timezone.localdate()
            ],
        },
    )
    # Its hours, and so its notices too, change by midnight at the latest; an event's date
    # when it ends.
    return true_until(_until_hours_change(response, [place]), *(event.next.end for event in events))


def _without_empty(data):
    """Drop the properties that have no value: an empty string tells a machine nothing."""
    kept = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = _without_empty(value)
            if set(value) <= {"@type"}:
                continue
        if value not in (None, []) and not (isinstance(value, str) and not value.strip()):
            kept[key] = value
    return kept


def _structured_data(request, place):
    """schema.org description of the place, for search engines."""
    data = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": place.name,
        "url": request.build_absolute_uri(place.get_absolute_url()),
    }
    if place.address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": place.address,
            "postalCode": place.postcode,
            "addressLocality": place.city,
            "addressCountry": "FR",
        }
    if place.is_located:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    data["openingHoursSpecification"] = opening_hours_specification(place) or None
    data["isAccessibleForFree"] = {Place.Cost.FREE: True, Place.Cost.PAID: False}.get(place.cost)
    data["telephone"] = place.phone
    data["email"] = place.email
    data["sameAs"] = place.website
    return _without_empty(data)


@require_safe
def place_geojson(request):
    """Open data for partners: an RFC 7946 FeatureCollection, [longitude, latitude]."""
    _chosen, places = _filtered_places(request)
    places = list(places)
    now = timezone.now()
    hours = {place.pk: hours_state(place, now) for place in places}
    features = [
        {
            "type": "Feature",
            "id": place.slug,
            "geometry": {
                "type": "Point",
                "coordinates": [float(place.longitude), float(place.latitude)],
            }
            if place.is_located
            else None,
            "properties": {
                "name": place.name,
                "category": place.category.slug,
                "category_name": place.category.name,
                "address": place.address,
                "postcode": place.postcode,
                "city": place.city,
                "phone": place.phone,
                "website": place.website,
                "opening_hours": to_osm(place),
                "opening_hours_note": place.opening_hours,
                "open_now": hours[place.pk].is_open if hours[place.pk].known else None,
                "next_change": hours[place.pk].change.isoformat()
                if hours[place.pk].known and hours[place.pk].change
                else None,
                "wheelchair": place.wheelchair or None,
                "access": place.access or None,
                "booking": place.booking,
                "documents": place.documents,
                # OpenStreetMap's tag: no = free; a fee that depends on income is still a fee.
                "fee": {"": None, Place.Cost.FREE: "no"}.get(place.cost, "yes"),
                "interpreting": place.interpreting or None,
                "to_verify": place.to_verify,
                "url": request.build_absolute_uri(place.get_absolute_url()),
            },
        }
        for place in places
    ]
    body = json.dumps(
        {"type": "FeatureCollection", "features": features}, ensure_ascii=False
    ).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    response = get_conditional_response(request, etag=etag) or HttpResponse(
        body, content_type="application/geo+json; charset=utf-8"
    )
    response["ETag"] = etag
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=300)
    patch_vary_headers(response, ["Accept-Encoding"])
    return _until_hours_change(response, places)


def _partner_choice(request):
    """The language and categories a partner picked; anything unknown falls back to the
    default (every category, the page's language)."""
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("language")
    language = language if language in languages else translation.get_language()
    chosen = _chosen_categories(request)
    categories = list(Category.objects.filter(slug__in=chosen)) if chosen else []
    with translation.override(language):
        query = "?" + urlencode([("category", slug) for slug in chosen]) if chosen else ""
        urls = {
            "page": request.build_absolute_uri(reverse("places:list")) + query,
            "embed": request.build_absolute_uri(reverse("places:embed")) + query,
            "embed_path": reverse("places:embed") + query,
            "geojson": request.build_absolute_uri(reverse("places:geojson")) + query,
            "notices": request.build_absolute_uri(reverse("places:notices")),
            "title": translation.gettext("Useful places in Clermont-Ferrand"),
        }
    return language, categories, urls


@require_safe
def partners(request):
    """Build a link, an iframe and a QR code for a chosen category and language."""
    language, chosen, urls = _partner_choice(request)
    return render(
        request,
        "places/partners.html",
        {
            "categories": Category.objects.all(),
            "chosen_language": language,
            "chosen": [category.slug for category in chosen],
            "urls": urls,
            "qr_query": urlencode(
                [("language", language), *(("category", c.slug) for c in chosen)]
            ),
        },
    )


@require_safe
def partners_qr(request):
    """The QR code of the link built on the partners page, as an SVG file."""
    _language, chosen, urls = _partner_choice(request)
    qr = segno.make(urls["page"], error="m")
    buffer = io.BytesIO()
    qr.save(buffer, kind="svg", scale=8, border=2, title=urls["page"])
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    name = f"bienvenue-lieux-{'-'.join(c.slug for c in chosen) or 'tous'}.svg"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    patch_cache_control(response, public=True, max_age=3600)
    return response
