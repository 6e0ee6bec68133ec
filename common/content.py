"""
What each model holds, declared on the model itself (`content_kind = ContentKind.PUBLIC`).

Two things follow from that one declaration, so that a new model is covered the day it lands:

- the content version: saving or deleting a PUBLIC object changes it, which abandons every
  cached page (see common.middleware.public_page_cache);
- the staff groups' permissions, set again after every `migrate` (post_migrate).

A test walks every model of the project and fails if one declares nothing.
"""

import enum
import uuid
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation


class ContentKind(enum.Enum):
    PUBLIC = "public"  # shown to readers: editors write it, translators translate it
    SUBMITTED = "submitted"  # sent by readers, anonymous: editors read it
    PERSONAL = "personal"  # personal data sent by readers: their coordinators only
    DERIVED = "derived"  # computed from public content by code (the search index): no staff


# Group name → {kind: actions}. Besides these, a group of translators per language (see
# translator_groups): they read the translated content, and write one language of it through
# the translators' screens.
EDITORS = "Éditeurs"
STAFF_GROUPS = {
    EDITORS: {
        ContentKind.PUBLIC: ("add", "change", "delete", "view"),
        ContentKind.SUBMITTED: ("view",),
    },
    "Coordination parrainage": {ContentKind.PERSONAL: ("view", "change", "delete")},
}
# One group changed every language of everything: replaced by a group per language.
RETIRED_GROUPS = ["Traducteurs"]


def translate_codename(code):
    """The permission to write one language's texts (on common.LanguageFallback)."""
    return f"translate_{code.replace('-', '_')}"


def translator_groups():
    """{group name: language}: « Traducteurs — arabe », named in French like the others."""
    with translation.override(settings.LANGUAGE_CODE):
        names = {code: str(name) for code, name in settings.LANGUAGES}
    return {
        f"Traducteurs — {names[code][0].lower()}{names[code][1:]}": code
        for code in names
        if code != settings.LANGUAGE_CODE
    }


def project_apps():
    """The project's own apps, in the order of INSTALLED_APPS: the folders at its top."""
    base = Path(settings.BASE_DIR)
    return [config for config in apps.get_app_configs() if Path(config.path).parent == base]


def project_models():
    """Every model of the project's apps: each must declare its content_kind."""
    return [model for config in project_apps() for model in config.get_models()]


def kind_of(model):
    return getattr(model, "content_kind", None)


def public_models():
    return [model for model in project_models() if kind_of(model) is ContentKind.PUBLIC]


# The content version is a random token, not a counter: if the cache loses it (eviction,
# restart, flush), the next one is new too, so pages cached under an old version never return.
VERSION_KEY = "content-version"


def content_version():
    return cache.get_or_set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def bump_content_version(**kwargs):
    """Change the content version now, and again when the transaction commits.

    Now, so that the next page is fresh; after the commit, because a reader's request between
    the two could cache a page built from the old rows under the first new version.
    """
    _new_version()
    # One database: which connection's commit is waited for cannot be told apart (`no mutate`).
    transaction.on_commit(_new_version, using=kwargs.get("using"))  # pragma: no mutate


def _m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and kind_of(type(instance)) is ContentKind.PUBLIC:
        bump_content_version(**kwargs)


def connect_content_version():  # pragma: no mutate block
    # Runs once, when Django starts (CommonConfig.ready), before mutation testing selects a
    # mutant: tests/common/test_caching.py checks what it connects.
    for model in public_models():
        label = model._meta.label_lower
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{label}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"del-{label}")
    m2m_changed.connect(_m2m_changed, dispatch_uid="bump-m2m")


def sync_staff_groups(using="default", **kwargs):
    """Give each staff group the permissions its kinds of content call for (post_migrate).

    `no mutate` marks what mutation testing cannot tell apart: the site has one database
    (`using`), and a codename already names its model (the content type guards against two
    apps with models of the same name).
    """
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from modeltranslation.translator import translator

    # Permissions are created by another post_migrate receiver, app by app: make sure every
    # app's exist before they are handed out.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)  # pragma: no mutate
    translated = set(translator.get_registered_models())
    groups = Group.objects.using(using)  # pragma: no mutate
    content_types = ContentType.objects.db_manager(using)  # pragma: no mutate
    all_permissions = Permission.objects.using(using)  # pragma: no mutate

    def model_permissions(model, actions):
        codenames = [f"{action}_{model._meta.model_name}" for action in actions]
        content_type = content_types.get_for_model(model)
        of_model = all_permissions.filter(content_type=content_type)  # pragma: no mutate
        return list(of_model.filter(codename__in=codenames)) if codenames else []

    language_model = apps.get_model("common", "LanguageFallback")
    translate = all_permissions.filter(
        content_type=content_types.get_for_model(language_model),
        codename__startswith="translate_",
    )
    for name, grants in STAFF_GROUPS.items():
        group, _created = groups.get_or_create(name=name)
        permissions = []
        for model in project_models():
            permissions += model_permissions(model, grants.get(kind_of(model), []))
        if name == EDITORS:  # they write every language, in the admin or the translators' screens
            permissions += translate
        group.permissions.set(permissions)
    readable = [
        permission
        for model in project_models()
        if model in translated and kind_of(model) is ContentKind.PUBLIC
        for permission in model_permissions(model, ["view"])
    ]
    groups.filter(name__in=RETIRED_GROUPS).delete()
    for name, code in translator_groups().items():
        group, _created = groups.get_or_create(name=name)
        group.permissions.set([*readable, *translate.filter(codename=translate_codename(code))])
