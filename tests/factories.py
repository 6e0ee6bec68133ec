"""Plain factory functions: sensible defaults, every field overridable."""

import datetime
from itertools import count

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
