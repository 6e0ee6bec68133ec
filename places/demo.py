"""The demo places: every row of places/demo/places.csv, from the sourced list kept with it."""

import csv
from decimal import Decimal
from pathlib import Path

from common.pictograms import Pictogram
from common.translations import translated_fields

from .models import Category, Place

CSV_PATH = Path(__file__).parent / "demo" / "places.csv"

# slug: (pictogram, colour, {language: name})
CATEGORIES = {
    "emergency": (
        Pictogram.EMERGENCY,
        "#a0001c",
        {"fr": "Urgences", "en": "Emergencies", "fr-falc": "Les urgences"},
    ),
    "health": (Pictogram.HEALTH, "#9c2a2a", {"fr": "Santé", "en": "Health", "fr-falc": "La santé"}),
    "housing": (
        Pictogram.HOUSING,
        "#2e6b30",
        {"fr": "Hébergement", "en": "Shelter and housing", "fr-falc": "Dormir et se loger"},
    ),
    "food_clothing": (
        Pictogram.FOOD,
        "#8a4b00",
        {
            "fr": "Alimentation et vêtements",
            "en": "Food and clothes",
            "fr-falc": "Manger et s'habiller",
        },
    ),
    "administration": (
        Pictogram.ADMINISTRATION,
        "#37474f",
        {
            "fr": "Services publics",
            "en": "Public services",
            "fr-falc": "Les bureaux pour vos papiers et vos droits",
        },
    ),
    "legal": (
        Pictogram.LEGAL,
        "#303f9f",
        {"fr": "Aide juridique", "en": "Legal help", "fr-falc": "L'aide pour connaître vos droits"},
    ),
    "language": (
        Pictogram.LANGUAGE,
        "#00695c",
        {"fr": "Apprendre le français", "en": "Learning French", "fr-falc": ""},
    ),
    "employment": (
        Pictogram.WORK,
        "#4e342e",
        {"fr": "Emploi", "en": "Jobs", "fr-falc": "Le travail"},
    ),
    "education": (
        Pictogram.SCHOOL,
        "#5b3c88",
        {
            "fr": "Formation et engagement",
            "en": "Training and volunteering",
            "fr-falc": "Apprendre et aider les autres",
        },
    ),
    "transport": (
        Pictogram.TRANSPORT,
        "#005a9c",
        {"fr": "Transports", "en": "Transport", "fr-falc": "Le bus, le tram et le train"},
    ),
    "culture": (
        Pictogram.CULTURE,
        "#6d3b2e",
        {"fr": "Bibliothèques et culture", "en": "Libraries and culture", "fr-falc": "Les livres"},
    ),
    "leisure": (
        Pictogram.CULTURE,
        "#6a1b9a",
        {"fr": "Découvrir la ville", "en": "Discovering the city", "fr-falc": "Visiter la ville"},
    ),
}


def _decimal(value):
    return Decimal(value) if value.strip() else None


def load():
    """Create or update the demo categories and places; return how many places there are."""
    categories = {}
    for order, (slug, (pictogram, colour, names)) in enumerate(CATEGORIES.items(), start=1):
        categories[slug], _created = Category.objects.update_or_create(
            slug=slug,
            defaults={
                "pictogram": pictogram,
                "colour": colour,
                "order": order,
                **translated_fields("name", names),
            },
        )
    with CSV_PATH.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    for row in rows:
        precision = row["precision"]
        Place.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name_fr": row["name"],
                "category": categories[row["category"]],
                "address": row["address"],
                "postcode": row["postcode"],
                "city": row["city"] or "Clermont-Ferrand",
                "latitude": _decimal(row["latitude"]),
                "longitude": _decimal(row["longitude"]),
                "precision": precision,
                "to_verify": precision != Place.Precision.VERIFIED,
                "phone": row["phone"],
                "website": row["website"],
                "staff_notes": f"{row['notes']}\n\nSources: {row['sources']}".strip(),
                "published": True,
            },
        )
    return len(rows)
