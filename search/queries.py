"""Search the guide in the reader's language: PostgreSQL full text, a plain match elsewhere."""

from functools import reduce
from operator import and_, or_

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q
from modeltranslation.utils import build_localized_fieldname

from guide.models import Section
from places.models import Place

# PostgreSQL text-search dictionaries by base language; others get "simple" (no stemming).
POSTGRES_CONFIGS = {
    "ar": "arabic",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "pt": "portuguese",
    "ru": "russian",
}
MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
FIELDS = ("title", "summary", "body")


def clean_query(raw):
    """Return the query as the reader meant it: no control characters, a sane length."""
    text = "".join(char if char.isprintable() else " " for char in raw)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def _languages(language):
    """The reader's language, then French, which every text falls back to."""
    return list(dict.fromkeys([language, settings.LANGUAGE_CODE]))


def _postgres_config(language):
    return POSTGRES_CONFIGS.get(language.split("-")[0], "simple")


def search_sections(query, language, sections=None):
    sections = Section.objects.published() if sections is None else sections
    sections = sections.select_related("theme")
    if connection.vendor == "postgresql":
        vector = None
        for code, weights in zip(_languages(language), ("ABC", "DDD"), strict=False):
            for field, weight in zip(FIELDS, weights, strict=True):
                part = SearchVector(
                    build_localized_fieldname(field, code),
                    weight=weight,
                    config=_postgres_config(code),
                )
                vector = part if vector is None else vector + part
        search_query = SearchQuery(
            query, config=_postgres_config(language), search_type="websearch"
        )
        return (
            sections.annotate(document=vector, rank=SearchRank(vector, search_query))
            .filter(document=search_query)
            .order_by("-rank", "theme__order", "order")
        )
    return sections.filter(_every_word(query, language, FIELDS)).order_by("theme__order", "order")


def _every_word(query, language, fields):
    """Match rows holding every word of the query in one of the fields, in either language."""
    return reduce(
        and_,
        (
            reduce(
                or_,
                (
                    Q(**{f"{build_localized_fieldname(field, code)}__icontains": word})
                    for code in _languages(language)
                    for field in fields
                ),
            )
            for word in query.split()[:MAX_WORDS]
        ),
    )


def search_places(query, language, limit=10):
    places = Place.objects.published().filter(_every_word(query, language, ("name", "description")))
    return places.select_related("category")[:limit]
