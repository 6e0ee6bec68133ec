"""The demo discovery route, from the demo places."""

from common.translations import translated_fields
from places.models import Place

from .models import Route, RouteStop

# The first « rallye de l'intégration »: the tourist office, a training centre, the médiathèque
# and the CPAM. Distances between stops are computed from the coordinates on the page.
ROUTE = {
    "slug": "rallye-integration",
    "title": {
        "fr": "Le rallye de l'intégration",
        "en": "The integration rally",
        "fr-falc": "La balade pour découvrir la ville",
    },
    "introduction": {
        "fr": "Un parcours en équipe, à pied et en tram, par les lieux qui comptent quand on "
        "arrive à Clermont-Ferrand. Prévoyez une demi-journée.",
        "en": "A team walk, on foot and by tram, through the places that matter when you arrive "
        "in Clermont-Ferrand. Allow half a day.",
        "fr-falc": "Vous marchez en groupe dans la ville.\nVous prenez aussi le tram.\n"
        "Vous découvrez des lieux utiles.\nLa balade dure une demi-journée.",
    },
    "stops": [
        (
            "office-de-tourisme",
            {
                "fr": "Demandez un plan de la ville et des idées de sorties.",
                "en": "Ask for a map of the city and ideas for outings.",
                "fr-falc": "Demandez un plan de la ville.\nDemandez des idées de sorties.",
            },
            {
                "fr": "À pied, ou en tram (ligne A) : demandez l'arrêt le plus proche à "
                "l'office de tourisme.",
                "en": "On foot, or by tram (line A): ask the tourist office for the nearest stop.",
                "fr-falc": "Marchez ou prenez le tram A.\n"
                "Demandez le chemin à l'office de tourisme.",
            },
        ),
        (
            "universite-clermont-auvergne",
            {
                "fr": "L'université propose des cours de français langue étrangère et le DU "
                "Passerelle pour reprendre des études.",
                "en": "The university offers French as a foreign language and the DU Passerelle "
                "to go back to studying.",
                "fr-falc": "À l'université, vous pouvez apprendre le français.\n"
                "Vous pouvez aussi reprendre des études.",
            },
            {
                "fr": "À pied, ou en tram A jusqu'à l'arrêt Jaude.",
                "en": "On foot, or by tram A to the Jaude stop.",
                "fr-falc": "Marchez ou prenez le tram A.\nDescendez à l'arrêt Jaude.",
            },
        ),
        (
            "mediatheque-jaude",
            {
                "fr": "Entrez, regardez les livres pour apprendre le français et demandez "
                "comment s'inscrire.",
                "en": "Go in, look at the books for learning French and ask how to register.",
                "fr-falc": "Entrez dans la médiathèque.\nIl y a des livres pour apprendre "
                "le français.\nDemandez comment avoir une carte.",
            },
            {
                "fr": "En bus : demandez à l'Espace T2C, près de la place de Jaude, la ligne "
                "vers le quartier Cataroux.",
                "en": "By bus: ask at the Espace T2C, near place de Jaude, which line goes to "
                "the Cataroux district.",
                "fr-falc": "Prenez le bus.\nDemandez quelle ligne prendre à l'Espace T2C.",
            },
        ),
        (
            "cpam",
            {
                "fr": "L'accueil de l'Assurance maladie : on y demande la couverture santé.",
                "en": "The health insurance (Assurance maladie) office: this is where you "
                "ask for health cover.",
                "fr-falc": "C'est le bureau de l'Assurance maladie.\n"
                "L'Assurance maladie paie une partie de vos soins.",
            },
            {"fr": "", "en": "", "fr-falc": ""},
        ),
    ],
}


def load():
    """Create or update the demo discovery route from the demo places."""
    route, _created = Route.objects.update_or_create(
        slug=ROUTE["slug"],
        defaults={
            "published": True,
            **translated_fields("title", ROUTE["title"]),
            **translated_fields("introduction", ROUTE["introduction"]),
        },
    )
    for order, (slug, text, to_next) in enumerate(ROUTE["stops"], start=1):
        RouteStop.objects.update_or_create(
            route=route,
            order=order,
            defaults={
                "place": Place.objects.get(slug=slug),
                **translated_fields("text", text),
                **translated_fields("to_next", to_next),
            },
        )
    return route
