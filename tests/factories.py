"""Plain factory functions: sensible defaults, every field overridable."""

from itertools import count

from guide.models import Theme

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
