"""The demo questionnaire: what the guide's authors wanted to learn from its readers."""

from django.db import transaction

from common.translations import translated_fields

from .models import Choice, Question, Questionnaire

QUESTIONNAIRE = {
    "slug": "avis-sur-le-guide",
    "title": {
        "fr": "Votre avis sur le guide",
        "en": "What do you think of the guide?",
        "fr-falc": "Donnez votre avis sur le guide",
    },
    "introduction": {
        "fr": "Ce questionnaire prend 3 minutes. Vos réponses aident la Ville et ses "
        "partenaires à améliorer le guide « Bienvenue à Clermont-Ferrand ».",
        "en": "This questionnaire takes 3 minutes. Your answers help the City and its partners "
        "improve the guide « Bienvenue à Clermont-Ferrand ».",
        "fr-falc": "Répondre prend 3 minutes.\nVos réponses nous aident.\n"
        "Avec vos réponses, nous rendons le guide meilleur.",
    },
    "questions": [
        {
            "kind": Question.Kind.SINGLE,
            "required": False,
            "text": {
                "fr": "Comment avez-vous connu ce guide ?",
                "en": "How did you hear about this guide?",
                "fr-falc": "Qui vous a parlé de ce guide ?",
            },
            "choices": [
                {
                    "fr": "À un guichet (mairie, préfecture, OFII…)",
                    "en": "At a public office (town hall, préfecture, OFII…)",
                    "fr-falc": "Une personne dans un bureau, par exemple à la mairie",
                },
                {
                    "fr": "Par une association",
                    "en": "Through an association",
                    "fr-falc": "Une association",
                },
                {
                    "fr": "Par un proche (famille, ami)",
                    "en": "From family or a friend",
                    "fr-falc": "Une personne de ma famille ou un ami",
                },
                {
                    "fr": "Sur internet",
                    "en": "On the internet",
                    "fr-falc": "J'ai vu le guide sur internet",
                },
                {"fr": "Autrement", "en": "Another way", "fr-falc": "Autre chose"},
            ],
        },
        {
            "kind": Question.Kind.SINGLE,
            "required": False,
            "text": {
                "fr": "Dans quelle langue avez-vous lu le guide ?",
                "en": "In which language did you read the guide?",
                "fr-falc": "Vous avez lu le guide dans quelle langue ?",
            },
            "choices": [
                {"fr": "En français", "en": "In French", "fr-falc": ""},
                {"fr": "En anglais", "en": "In English", "fr-falc": ""},
                {
                    "fr": "En français facile à lire (FALC)",
                    "en": "In easy-to-read French (FALC)",
                    "fr-falc": "En facile à lire",
                },
                {
                    "fr": "Quelqu'un me l'a traduit",
                    "en": "Someone translated it for me",
                    "fr-falc": "Une personne m'a traduit le guide",
                },
            ],
        },
        {
            "kind": Question.Kind.YES_NO,
            "required": True,
            "text": {
                "fr": "Le guide vous a-t-il aidé ?",
                "en": "Did the guide help you?",
                "fr-falc": "Le guide vous a aidé ?",
            },
        },
        {
            "kind": Question.Kind.MULTIPLE,
            "required": False,
            "text": {
                "fr": "Pour quoi vous a-t-il été utile ?",
                "en": "What did it help you with?",
                "fr-falc": "Le guide vous a aidé pour quoi ?",
            },
            "help_text": {
                "fr": "Cochez tout ce qui convient.",
                "en": "Tick all that apply.",
                "fr-falc": "Vous pouvez choisir plusieurs réponses.",
            },
            "choices": [
                {"fr": "La santé", "en": "Health", "fr-falc": "Me soigner"},
                {"fr": "Le logement", "en": "Housing", "fr-falc": "Trouver où dormir"},
                {"fr": "Les papiers", "en": "Papers", "fr-falc": "Mes papiers"},
                {"fr": "Apprendre le français", "en": "Learning French", "fr-falc": ""},
                {"fr": "Le travail", "en": "Work", "fr-falc": "Trouver un travail"},
                {"fr": "L'école des enfants", "en": "My children's school", "fr-falc": ""},
                {"fr": "Les transports", "en": "Getting around", "fr-falc": "Le bus et le tram"},
            ],
        },
        {
            "kind": Question.Kind.TEXT,
            "required": False,
            "text": {
                "fr": "Qu'est-ce qui manque, ou qu'est-ce qui est difficile à comprendre ?",
                "en": "What is missing, or hard to understand?",
                "fr-falc": "Qu'est-ce qui est difficile à comprendre ?",
            },
            "help_text": {
                "fr": "N'écrivez pas votre nom ni votre adresse.",
                "en": "Do not write your name or your address.",
                "fr-falc": "N'écrivez pas votre nom.",
            },
        },
        {
            "kind": Question.Kind.SCALE,
            "required": True,
            "text": {
                "fr": "Quelle note donnez-vous au guide ?",
                "en": "How would you rate the guide overall?",
                "fr-falc": "Le guide est bien ou pas bien ?",
            },
            "help_text": {
                "fr": "De 1 (très mauvais) à 5 (très bien).",
                "en": "From 1 (very bad) to 5 (very good).",
                "fr-falc": "1 veut dire très mauvais.\n5 veut dire très bien.",
            },
        },
        {
            "kind": Question.Kind.TEXT,
            "required": False,
            "text": {
                "fr": "Voulez-vous ajouter quelque chose ?",
                "en": "Is there anything else you want to tell us?",
                "fr-falc": "Vous voulez dire autre chose ?",
            },
        },
    ],
}


@transaction.atomic
def load():
    """Create or update the demo questionnaire and make it the active one; return it."""
    Questionnaire.objects.exclude(slug=QUESTIONNAIRE["slug"]).update(active=False)
    questionnaire, _created = Questionnaire.objects.update_or_create(
        slug=QUESTIONNAIRE["slug"],
        defaults={
            "active": True,
            **translated_fields("title", QUESTIONNAIRE["title"]),
            **translated_fields("introduction", QUESTIONNAIRE["introduction"]),
        },
    )
    for order, item in enumerate(QUESTIONNAIRE["questions"], start=1):
        question, _created = Question.objects.update_or_create(
            questionnaire=questionnaire,
            order=order,
            defaults={
                "kind": item["kind"],
                "required": item["required"],
                **translated_fields("text", item["text"]),
                **translated_fields("help_text", item.get("help_text", {})),
            },
        )
        for choice_order, labels in enumerate(item.get("choices", []), start=1):
            Choice.objects.update_or_create(
                question=question, order=choice_order, defaults=translated_fields("label", labels)
            )
    return questionnaire
