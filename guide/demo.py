"""The guide's demo content, written from the sourced facts kept with the project."""

from .models import Theme

THEMES = [
    {
        "slug": "urgences",
        "title": {
            "fr": "Urgences",
            "en": "Emergencies",
            "fr-falc": "Les urgences",
        },
        "introduction": {
            "fr": "Les numéros à appeler en cas de danger, de problème de santé grave ou "
            "quand vous n'avez pas d'endroit où dormir. Ils sont gratuits, jour et nuit.",
            "en": "The numbers to call when you are in danger, seriously ill or have nowhere "
            "to sleep. They are free, day and night.",
            "fr-falc": "Vous êtes en danger ?\nVous êtes très malade ?\n"
            "Vous n'avez pas d'endroit pour dormir ?\nAppelez ces numéros.\n"
            "C'est gratuit, le jour et la nuit.",
        },
    },
    {
        "slug": "sante",
        "title": {"fr": "Santé", "en": "Health", "fr-falc": "La santé"},
        "introduction": {
            "fr": "Se faire soigner, obtenir une couverture maladie, trouver un médecin ou une "
            "permanence d'accès aux soins.",
            "en": "Getting care, getting health cover, finding a doctor or a free health clinic.",
            "fr-falc": "Vous êtes malade ?\nVous pouvez voir un médecin.\n"
            "Ici, on vous explique comment payer moins cher.",
        },
    },
    {
        "slug": "logement",
        "title": {
            "fr": "Logement et hébergement",
            "en": "Housing and shelter",
            "fr-falc": "Dormir et se loger",
        },
        "introduction": {
            "fr": "Trouver un hébergement d'urgence, un accueil de jour, puis un logement.",
            "en": "Finding emergency shelter, a day centre, and then a home.",
            "fr-falc": "Vous cherchez un endroit pour dormir ?\n"
            "Vous cherchez un logement ?\nVoici les lieux qui peuvent vous aider.",
        },
    },
    {
        "slug": "apprendre-le-francais",
        "title": {
            "fr": "Apprendre le français",
            "en": "Learning French",
            "fr-falc": "Apprendre le français",
        },
        "introduction": {
            "fr": "Des cours de français pour tous les niveaux, gratuits ou peu chers, et les "
            "lieux où pratiquer.",
            "en": "French classes for every level, free or cheap, and places to practise.",
            "fr-falc": "Vous voulez parler français ?\nIl y a des cours gratuits.\n"
            "Il y a des lieux pour parler avec d'autres personnes.",
        },
    },
    {
        "slug": "papiers",
        "title": {
            "fr": "Papiers et préfecture",
            "en": "Papers and the préfecture",
            "fr-falc": "Les papiers",
        },
        "introduction": {
            "fr": "Titre de séjour, demande d'asile, contrat d'intégration républicaine (CIR) : "
            "les démarches et les lieux pour se faire aider.",
            "en": "Residence permits, asylum, the republican integration contract (CIR): the "
            "steps and where to get help.",
            "fr-falc": "Pour rester en France, il faut des papiers.\n"
            "La préfecture donne ces papiers.\n"
            "La préfecture est un bureau de l'État.\n"
            "Des associations peuvent vous aider.",
        },
    },
    {
        "slug": "travail-et-formation",
        "title": {
            "fr": "Travail et formation",
            "en": "Work and training",
            "fr-falc": "Le travail",
        },
        "introduction": {
            "fr": "Chercher un emploi, faire reconnaître ses diplômes, se former.",
            "en": "Looking for a job, getting your qualifications recognised, training.",
            "fr-falc": "Vous cherchez un travail ?\nVous voulez apprendre un métier ?\n"
            "Voici qui peut vous aider.",
        },
    },
    {
        "slug": "banque",
        "title": {
            "fr": "Compte bancaire",
            "en": "Bank account",
            "fr-falc": "La banque",
        },
        "introduction": {
            "fr": "Ouvrir un compte bancaire : le droit au compte et les documents à apporter.",
            "en": "Opening a bank account: the right to an account and the documents to bring.",
            "fr-falc": "Vous pouvez avoir un compte à la banque.\n"
            "C'est un droit.\nOn vous dit quels papiers apporter.",
        },
    },
    {
        "slug": "enfants-et-ecole",
        "title": {
            "fr": "Enfants et école",
            "en": "Children and school",
            "fr-falc": "Les enfants et l'école",
        },
        "introduction": {
            "fr": "En France, l'école est obligatoire de 3 à 16 ans. Comment inscrire vos "
            "enfants, et qui peut vous aider.",
            "en": "In France, school is compulsory from age 3 to 16. How to enrol your "
            "children, and who can help.",
            "fr-falc": "En France, les enfants de 3 à 16 ans vont à l'école.\n"
            "C'est obligatoire.\nL'école publique est gratuite.",
        },
    },
    {
        "slug": "se-deplacer",
        "title": {
            "fr": "Se déplacer",
            "en": "Getting around",
            "fr-falc": "Se déplacer",
        },
        "introduction": {
            "fr": "Le tram, les bus et les vélos du réseau T2C, et les tarifs réduits.",
            "en": "The T2C trams, buses and bikes, and reduced fares.",
            "fr-falc": "Vous pouvez prendre le tram ou le bus.\n"
            "Le réseau s'appelle T2C.\nVous pouvez payer moins cher.",
        },
    },
    {
        "slug": "culture-et-loisirs",
        "title": {
            "fr": "Culture et loisirs",
            "en": "Culture and leisure",
            "fr-falc": "Les sorties et les loisirs",
        },
        "introduction": {
            "fr": "Médiathèques, sport, sorties : découvrir la ville et rencontrer du monde.",
            "en": "Libraries, sport, outings: discover the city and meet people.",
            "fr-falc": "Vous pouvez lire des livres à la médiathèque.\n"
            "Vous pouvez faire du sport.\nVous pouvez rencontrer des personnes.",
        },
    },
]


def _translated(field, values):
    return {f"{field}_{code.replace('-', '_')}": text for code, text in values.items()}


def load():
    """Create or update the demo themes; return how many there are."""
    for order, theme in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(
            slug=theme["slug"],
            defaults={
                "order": order,
                **_translated("title", theme["title"]),
                **_translated("introduction", theme["introduction"]),
            },
        )
    return len(THEMES)
