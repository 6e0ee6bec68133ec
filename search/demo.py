"""Demo synonyms: what newcomers and the people helping them say, mapped to the guide's words.

Written from the words heard at reception desks: everyday words (« docteur », « papiers »),
old names still in use (« Pôle emploi », « CMU »), short forms (« sécu », « préf »). French
synonyms also serve readers of FALC and of the other languages (search.text.query_languages).
"""

from .models import Synonym

SYNONYMS = {
    "fr": {
        "docteur": "médecin",
        "toubib": "médecin",
        "généraliste": "médecin",
        "sécu": "assurance maladie",
        "sécurité sociale": "assurance maladie",
        "mutuelle": "complémentaire santé",
        "CMU": "complémentaire santé solidaire, C2S, PUMa",
        "papiers": "titre de séjour",
        "carte de séjour": "titre de séjour",
        "préf": "préfecture",
        "hôpital": "CHU",
        "Pôle emploi": "France Travail",
        "boulot": "travail, emploi",
        "job": "travail, emploi",
        "allocations": "CAF",
        "APL": "CAF, aide au logement",
        "bus": "T2C",
        "tram": "T2C",
        "tramway": "T2C",
        "train": "gare",
        "banque": "compte bancaire",
        "dormir": "hébergement, 115",
        "foyer": "hébergement",
        "nourriture": "manger, alimentaire",
        "repas": "manger",
        "cours de langue": "cours de français",
    },
    "en": {
        "GP": "doctor",
        "family doctor": "doctor",
        "social security": "health insurance",
        "papers": "residence permit",
        "hospital": "CHU",
        "Pole emploi": "France Travail",
        "job": "work, employment",
        "jobs": "work, employment",
        "benefits": "CAF",
        "family allowance": "CAF",
        "bus": "T2C",
        "tram": "T2C",
        "train": "station",
        "sleep": "shelter, 115",
        "meal": "food",
        "food bank": "food",
        "language classes": "French classes",
        "learn French": "French classes",
    },
}


def load():
    for language, synonyms in SYNONYMS.items():
        for term, means in synonyms.items():
            Synonym.objects.update_or_create(
                language=language,
                folded=Synonym.key(term),
                defaults={"term": term, "means": means},
            )
