"""Plain factory functions: sensible defaults, every field overridable."""

import datetime
from itertools import count

from django.utils import timezone

from courses.models import Cost, Course, Level
from events.models import Category as EventCategory
from events.models import Event
from guide.models import Section, Term, Theme
from places.models import Category, Place

_sequence = count(1)


def make_theme(**kwargs):
    n = next(_sequence)
    fields = {
        "slug": f"theme-{n}",
        "title_fr": f"Santé {n}",
        "title_en": f"Health {n}",
        "title_fr_falc": f"La santé {n}",
        "introduction_fr": "Se faire soigner et obtenir une couverture maladie.",
        "introduction_en": "Getting care and health cover.",
        "introduction_fr_falc": "Vous êtes malade ?\nVous pouvez voir un médecin.",
        "order": n,
    }
    fields.update(kwargs)
    return Theme.objects.create(**fields)


def make_section(theme=None, places=(), **kwargs):
    n = next(_sequence)
    fields = {
        "theme": theme or make_theme(),
        "slug": f"section-{n}",
        "title_fr": f"Voir un médecin {n}",
        "title_en": f"Seeing a doctor {n}",
        "title_fr_falc": f"Aller chez le médecin {n}",
        "summary_fr": "Comment trouver un médecin traitant.",
        "summary_en": "How to find a family doctor.",
        "summary_fr_falc": "Vous cherchez un médecin ?",
        "body_fr": "<p>Appelez le <strong>15</strong> en cas d'urgence.</p>",
        "body_en": "<p>Call <strong>15</strong> in an emergency.</p>",
        "body_fr_falc": "<p>C'est urgent ?</p><p>Appelez le 15.</p>",
        "order": n,
        "published": True,
        "last_reviewed": datetime.date(2026, 10, 1),
    }
    fields.update(kwargs)
    section = Section.objects.create(**fields)
    section.places.set(places)
    return section


def make_category(**kwargs):
    n = next(_sequence)
    fields = {
        "slug": f"category-{n}",
        "name_fr": f"Santé {n}",
        "name_en": f"Health {n}",
        "pictogram": "health",
        "order": n,
    }
    fields.update(kwargs)
    return Category.objects.create(**fields)


def make_place(**kwargs):
    n = next(_sequence)
    fields = {
        "slug": f"place-{n}",
        "name_fr": f"Centre de santé {n}",
        "category": kwargs.pop("category", None) or make_category(),
        "address": "12 rue Montlosier",
        "postcode": "63000",
        "city": "Clermont-Ferrand",
        "latitude": "45.777200",
        "longitude": "3.087000",
        "phone": "04 73 00 00 00",
        "published": True,
    }
    fields.update(kwargs)
    return Place.objects.create(**fields)


def make_term(places=(), **kwargs):
    n = next(_sequence)
    fields = {
        "slug": f"term-{n}",
        "term": f"récépissé {n}",
        "meaning_en": f"receipt {n}",
        "definition_fr": "Un papier qui prouve que votre demande est enregistrée.",
        "definition_en": "A paper that proves your application is registered.",
    }
    fields.update(kwargs)
    term = Term.objects.create(**fields)
    term.places.set(places)
    return term


def make_course(place=None, slots=(), **kwargs):
    """A published course; `slots` as (weekday, "09:00", "11:30")."""
    n = next(_sequence)
    fields = {
        "place": place or make_place(),
        "title_fr": f"Cours de français {n}",
        "title_en": f"French course {n}",
        "level_from": Level.A1,
        "level_to": Level.A2,
        "cost": Cost.FREE,
        "published": True,
    }
    fields.update(kwargs)
    course = Course.objects.create(**fields)
    for weekday, starts, ends in slots:
        course.slots.create(weekday=weekday, starts=starts, ends=ends)
    return course


def make_event_category(**kwargs):
    n = next(_sequence)
    fields = {"slug": f"events-{n}", "name_fr": f"Réunions {n}", "name_en": f"Meetings {n}"}
    fields.update(kwargs)
    return EventCategory.objects.create(**fields)


def make_event(**kwargs):
    """A published event, by default tomorrow 14:00–16:00 Clermont-Ferrand time."""
    n = next(_sequence)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(14)))
    fields = {
        "slug": f"event-{n}",
        "title_fr": f"Réunion d'information {n}",
        "title_en": f"Information session {n}",
        "summary_fr": "Comprendre le contrat d'intégration républicaine.",
        "summary_en": "Understand the Republican Integration Contract.",
        "category": kwargs.pop("category", None) or make_event_category(),
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
        "published": True,
    }
    fields.update(kwargs)
    return Event.objects.create(**fields)
