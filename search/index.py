"""
Keep the search entries in step with what readers see: one entry per published section, place,
route and glossary term in each language of the site, written again whenever staff save or
delete it (or its theme, its category, one of its stops). `manage.py rebuild_search_index`
writes them all.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from common.text import plain
from guide.models import Section, Term, Theme
from places.models import Category, Place
from routes.models import Route, RouteStop

from .backends import backend
from .models import Entry, Word
from .text import WORD, fold

MAX_WORD = 100


def _section_texts(section):
    return section.title, section.theme.title, f"{section.summary} {plain(section.body)}"


def _place_texts(place):
    parts = (place.description, place.full_address, place.category.name, place.languages)
    return place.name, place.category.name, " ".join(part for part in parts if part)


def _route_texts(route):
    stops = " ".join(f"{stop.place.name} {stop.text} {stop.to_next}" for stop in route.stops.all())
    return route.title, "", f"{route.introduction} {stops}"


def _term_texts(term):
    return term.term, term.meaning, f"{term.meaning} {term.variants} {term.definition}"


# What each kind indexes: its model, what to read with it, and its title, context and text as
# a reader of the active language sees them (modeltranslation falls back to French).
SOURCES = {
    Entry.Kind.SECTION: (Section, lambda objects: objects.select_related("theme"), _section_texts),
    Entry.Kind.PLACE: (Place, lambda objects: objects.select_related("category"), _place_texts),
    Entry.Kind.ROUTE: (
        Route,
        lambda objects: objects.prefetch_related("stops__place"),
        _route_texts,
    ),
    Entry.Kind.TERM: (Term, lambda objects: objects, _term_texts),
}


def _entries(kind, ids):
    model, prepare, texts = SOURCES[kind]
    objects = prepare(model.objects.published().filter(pk__in=ids))
    entries, french = [], {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for obj in objects:
                title, context, text = texts(obj)
                if code == settings.LANGUAGE_CODE:
                    french[obj.pk] = f"{title} {text}"
                entries.append(
                    Entry(
                        kind=kind,
                        object_id=obj.pk,
                        language=code,
                        url=obj.get_absolute_url(),
                        title=title,
                        context=context,
                        text=text,
                    )
                )
    for entry in entries:
        if entry.language != settings.LANGUAGE_CODE:
            entry.also = french[entry.object_id]
    return entries


def _words(entries):
    seen = {}
    for entry in entries:
        for match in WORD.finditer(f"{entry.title} {entry.text}"):
            word = match[0].lower()
            if 3 <= len(word) <= MAX_WORD and not word.isdigit():
                seen[entry.language, word] = Word(language=entry.language, word=word)
    for word in seen.values():
        word.folded = fold(word.word)
    return list(seen.values())


@transaction.atomic
def reindex(kind, ids):
    """Write again the entries of these objects of one kind (none left if unpublished)."""
    Entry.objects.filter(kind=kind, object_id__in=ids).delete()
    entries = Entry.objects.bulk_create(_entries(kind, ids))
    if entries:
        backend().write(entries)
        Word.objects.bulk_create(_words(entries), ignore_conflicts=True)


@transaction.atomic
def rebuild():
    """Write every entry again, and forget the words no page uses any more."""
    Entry.objects.all().delete()
    Word.objects.all().delete()
    for kind, (model, _prepare, _texts) in SOURCES.items():
        reindex(kind, list(model.objects.values_list("pk", flat=True)))
    return Entry.objects.count()


# Signal receivers: the sender's change, as the kind and ids of the entries it touches.
def _changed(sender, instance, **kwargs):
    for kind, ids in _touched(sender, instance):
        reindex(kind, ids)


def _touched(sender, instance):
    if sender is Section:
        return [(Entry.Kind.SECTION, [instance.pk])]
    if sender is Theme:
        return [(Entry.Kind.SECTION, list(instance.sections.values_list("pk", flat=True)))]
    if sender is Place:
        stops = RouteStop.objects.filter(place=instance).values_list("route_id", flat=True)
        return [(Entry.Kind.PLACE, [instance.pk]), (Entry.Kind.ROUTE, list(stops))]
    if sender is Category:
        return [(Entry.Kind.PLACE, list(instance.places.values_list("pk", flat=True)))]
    if sender is Route:
        return [(Entry.Kind.ROUTE, [instance.pk])]
    if sender is Term:
        return [(Entry.Kind.TERM, [instance.pk])]
    if sender is RouteStop:
        return [(Entry.Kind.ROUTE, [instance.route_id])]
    return []


def connect():
    for model in (Section, Theme, Place, Category, Route, RouteStop, Term):
        label = model._meta.label_lower
        post_save.connect(_changed, sender=model, dispatch_uid=f"search-save-{label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"search-delete-{label}")
