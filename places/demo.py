"""The demo places: every row of places/demo/places.csv, from the sourced list kept with it."""

import csv
import json
from decimal import Decimal
from pathlib import Path

from common.pictograms import Pictogram
from common.translations import translated_fields

from .models import Category, Place

CSV_PATH = Path(__file__).parent / "demo" / "places.csv"
# The name in each other language: the French name on the sign, then what the place is.
NAMES_PATH = Path(__file__).parent / "demo" / "names.json"

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
    for row in rows:
        precision = row["precision"]
        Place.objects.update_or_create(
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
            },
        )
    return len(rows)
