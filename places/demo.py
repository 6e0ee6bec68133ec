"""The demo places: every row of places/demo/places.csv, from the sourced list kept with it."""

import csv
import datetime
import json
from decimal import Decimal
from pathlib import Path

from common.pictograms import Pictogram
from common.translations import translated_fields

from .hours import slots_from_osm
from .models import Category, OpeningSlot, Place

CSV_PATH = Path(__file__).parent / "demo" / "places.csv"
# The name in each other language: the French name on the sign, then what the place is.
NAMES_PATH = Path(__file__).parent / "demo" / "names.json"
# Phones, addresses, hours and what to know before going, from the sourced details of each
# place (details.json, with its texts translated in details-*.json).
DETAILS_PATHS = sorted((Path(__file__).parent / "demo").glob("details*.json"))
# A timetable older than this stays a note: a wrong hour sends someone to a closed door.
HOURS_TRUSTED_SINCE = datetime.date(2020, 1, 1)

# slug: (pictogram, colour, {language: name})
CATEGORIES = {
    "emergency": (
        Pictogram.EMERGENCY,
        "#a0001c",
        {
            "fr": "Urgences",
            "en": "Emergencies",
            "fr-falc": "Les urgences",
            "ar": "الطوارئ",
            "fa": "حالات اضطراری",
            "ps": "بیړني حالتونه",
            "uk": "Екстрена допомога",
            "ru": "Экстренная помощь",
            "ti": "ህጹጽ ኩነታት",
        },
    ),
    "health": (
        Pictogram.HEALTH,
        "#9c2a2a",
        {
            "fr": "Santé",
            "en": "Health",
            "fr-falc": "La santé",
            "ar": "الصحة",
            "fa": "صحت",
            "ps": "روغتیا",
            "uk": "Здоров'я",
            "ru": "Здоровье",
            "ti": "ጥዕና",
        },
    ),
    "housing": (
        Pictogram.HOUSING,
        "#2e6b30",
        {
            "fr": "Hébergement",
            "en": "Shelter and housing",
            "fr-falc": "Dormir et se loger",
            "ar": "الإيواء والسكن",
            "fa": "سرپناه و مسکن",
            "ps": "سرپناه او کور",
            "uk": "Прихисток і житло",
            "ru": "Ночлег и жильё",
            "ti": "መዕቆብን መንበሪ ገዛን",
        },
    ),
    "food_clothing": (
        Pictogram.FOOD,
        "#8a4b00",
        {
            "fr": "Alimentation et vêtements",
            "en": "Food and clothes",
            "fr-falc": "Manger et s'habiller",
            "ar": "الطعام والملابس",
            "fa": "غذا و لباس",
            "ps": "خواړه او جامې",
            "uk": "Їжа та одяг",
            "ru": "Еда и одежда",
            "ti": "መግብን ክዳንን",
        },
    ),
    "administration": (
        Pictogram.ADMINISTRATION,
        "#37474f",
        {
            "fr": "Services publics",
            "en": "Public services",
            "fr-falc": "Les bureaux pour vos papiers et vos droits",
            "ar": "الخدمات العامة",
            "fa": "خدمات عامه",
            "ps": "عامه خدمتونه",
            "uk": "Державні послуги",
            "ru": "Государственные службы",
            "ti": "ህዝባዊ ኣገልግሎታት",
        },
    ),
    "legal": (
        Pictogram.LEGAL,
        "#303f9f",
        {
            "fr": "Aide juridique",
            "en": "Legal help",
            "fr-falc": "L'aide pour connaître vos droits",
            "ar": "المساعدة القانونية",
            "fa": "کمک حقوقی",
            "ps": "حقوقي مرسته",
            "uk": "Юридична допомога",
            "ru": "Юридическая помощь",
            "ti": "ሕጋዊ ሓገዝ",
        },
    ),
    "language": (
        Pictogram.LANGUAGE,
        "#00695c",
        {
            "fr": "Apprendre le français",
            "en": "Learning French",
            "fr-falc": "Apprendre le français",
            "ar": "تعلّم اللغة الفرنسية",
            "fa": "آموختن زبان فرانسوی",
            "ps": "د فرانسوي ژبې زده کړه",
            "uk": "Вивчати французьку",
            "ru": "Учить французский",
            "ti": "ፈረንሳይኛ ምምሃር",
        },
    ),
    "employment": (
        Pictogram.WORK,
        "#4e342e",
        {
            "fr": "Emploi",
            "en": "Jobs",
            "fr-falc": "Le travail",
            "ar": "العمل",
            "fa": "کار",
            "ps": "کار",
            "uk": "Робота",
            "ru": "Работа",
            "ti": "ስራሕ",
        },
    ),
    "education": (
        Pictogram.SCHOOL,
        "#5b3c88",
        {
            "fr": "Formation et engagement",
            "en": "Training and volunteering",
            "fr-falc": "Apprendre et aider les autres",
            "ar": "التدريب والتطوّع",
            "fa": "آموزش و کار داوطلبانه",
            "ps": "زده کړه او داوطلبانه کار",
            "uk": "Навчання і волонтерство",
            "ru": "Обучение и волонтёрство",
            "ti": "ስልጠናን ወለንታዊ ስራሕን",
        },
    ),
    "transport": (
        Pictogram.TRANSPORT,
        "#005a9c",
        {
            "fr": "Transports",
            "en": "Transport",
            "fr-falc": "Le bus, le tram et le train",
            "ar": "النقل",
            "fa": "ترانسپورت",
            "ps": "ټرانسپورټ",
            "uk": "Транспорт",
            "ru": "Транспорт",
            "ti": "መጓዓዝያ",
        },
    ),
    "culture": (
        Pictogram.CULTURE,
        "#6d3b2e",
        {
            "fr": "Bibliothèques et culture",
            "en": "Libraries and culture",
            "fr-falc": "Les livres",
            "ar": "المكتبات والثقافة",
            "fa": "کتابخانه‌ها و فرهنگ",
            "ps": "کتابتونونه او کلتور",
            "uk": "Бібліотеки і культура",
            "ru": "Библиотеки и культура",
            "ti": "ቤተ-መጻሕፍትን ባህልን",
        },
    ),
    "leisure": (
        Pictogram.CULTURE,
        "#6a1b9a",
        {
            "fr": "Découvrir la ville",
            "en": "Discovering the city",
            "fr-falc": "Visiter la ville",
            "ar": "اكتشاف المدينة",
            "fa": "آشنایی با شهر",
            "ps": "د ښار پېژندنه",
            "uk": "Знайомство з містом",
            "ru": "Знакомство с городом",
            "ti": "ከተማ ምፍላጥ",
        },
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
    names = json.loads(NAMES_PATH.read_text(encoding="utf-8"))
    details = _details()
    for row in rows:
        precision = row["precision"]
        place, _created = Place.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name_fr": row["name"],
                **translated_fields("name", names[row["slug"]]),
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
                **_details_fields(details[row["slug"]], row),
            },
        )
        _load_hours(place, details[row["slug"]])
    return len(rows)


def _details():
    merged = {}
    for path in DETAILS_PATHS:
        for slug, fields in json.loads(path.read_text(encoding="utf-8")).items():
            place = merged.setdefault(slug, {})
            for key, value in fields.items():
                if isinstance(value, dict):
                    place.setdefault(key, {}).update(value)
                else:
                    place[key] = value
    return merged


def _details_fields(detail, row):
    fields = {
        **translated_fields("description", detail["before_going"]),
        **translated_fields("opening_hours", detail["hours_note"]),
        **translated_fields("booking", detail.get("booking", {})),
        **translated_fields("documents", detail.get("documents", {})),
        "access": detail.get("access", ""),
        "cost": detail.get("cost", ""),
        "interpreting": detail.get("interpreting", ""),
        "public_holidays": detail["public_holidays"],
        "to_verify": detail["to_verify"] or row["precision"] != Place.Precision.VERIFIED,
        "staff_notes": f"{detail['staff_notes']}\n\n{row['notes']}\n\nSources: {row['sources']}",
    }
    for name in ("phone", "address", "postcode"):
        if detail[name]:
            fields[name] = detail[name]
    if detail["opening_hours_osm"] and not _trusted(detail):
        fields["staff_notes"] += (
            f"\n\nHours from {detail['hours_checked_on']}, not shown until checked: "
            f"{detail['opening_hours_osm']}"
        )
    return fields


def _trusted(detail):
    checked = detail["hours_checked_on"]
    return checked is None or datetime.date.fromisoformat(checked) >= HOURS_TRUSTED_SINCE


def _load_hours(place, detail):
    place.slots.all().delete()
    if not (detail["opening_hours_osm"] and _trusted(detail)):
        return
    slots, holidays_rule = slots_from_osm(detail["opening_hours_osm"])
    if place.public_holidays != holidays_rule:
        place.public_holidays = holidays_rule
        place.save(update_fields=["public_holidays"])
    OpeningSlot.objects.bulk_create(
        OpeningSlot(
            place=place,
            weekday=slot.weekday,
            opens=slot.opens,
            closes=slot.closes,
            by_appointment=slot.by_appointment or detail["hours_by_appointment"],
        )
        for slot in slots
    )
