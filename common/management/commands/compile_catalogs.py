"""
Compile the project's .po catalogs into the .mo files Django reads, without GNU gettext.

`compilemessages` needs msgfmt, which a fresh machine may not have; polib writes the same files.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogs():
    """Yield (po_path, mo_path) for every catalog under LOCALE_PATHS."""
    for locale_path in settings.LOCALE_PATHS:
        for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
            yield po_path, po_path.with_suffix(".mo")


def compiled(po_path):
    """Return the bytes of the .mo file for po_path."""
    return polib.pofile(str(po_path)).to_binary()


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po into .mo files (no GNU gettext needed)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; fail if a .mo file is missing or older than its .po file.",
        )

    def handle(self, *args, check=False, verbosity=1, **options):
        stale = []
        for po_path, mo_path in catalogs():
            try:
                data = compiled(po_path)
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path}: {error}") from error
            if mo_path.exists() and mo_path.read_bytes() == data:
                continue
            stale.append(mo_path)
            if not check:
                # Whole or not at all: a running site may be reading the old file.
                partial = mo_path.with_suffix(".mo.partial")
                partial.write_bytes(data)
                partial.replace(mo_path)
                if verbosity >= 1:
                    self.stdout.write(self.style.SUCCESS(f"Compiled {mo_path}"))
        if check and stale:
            raise CommandError("Stale catalogs: " + ", ".join(str(path) for path in stale))
