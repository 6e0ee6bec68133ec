"""
Load the demo content: each app's `demo.load()`, in the order of INSTALLED_APPS (places before
the routes and the guide that cite them). `make run` calls it with --if-empty so that a second
run keeps staff edits; without it, the demo is loaded again over what is there (same slugs are
updated).
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from common.content import project_apps, public_models


class Command(BaseCommand):
    help = "Load the demo content of the welcome guide."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds content shown to readers.",
        )

    def handle(self, *args, if_empty=False, verbosity=1, **options):
        if if_empty and any(model.objects.exists() for model in public_models()):
            if verbosity >= 1:
                self.stdout.write("The database already has content: demo not loaded.")
            return
        with transaction.atomic():
            for app_config in project_apps():
                if module_has_submodule(app_config.module, "demo"):
                    import_module(f"{app_config.name}.demo").load()
        if verbosity >= 1:
            counts = ", ".join(
                f"{model.objects.count()} {model._meta.verbose_name_plural}"
                for model in public_models()
            )
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {counts}."))
