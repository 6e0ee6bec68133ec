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


class ContentKind(enum.Enum):
    PUBLIC = "public"  # shown to readers: editors write it, translators translate it
    SUBMITTED = "submitted"  # sent by readers, anonymous: editors read it
    PERSONAL = "personal"  # personal data sent by readers: their coordinators only
    DERIVED = "derived"  # computed from public content by code (the search index): no staff


# Group name → {kind: actions}. Translators change only models with translated fields.
STAFF_GROUPS = {
    "Éditeurs": {
        ContentKind.PUBLIC: ("add", "change", "delete", "view"),
        ContentKind.SUBMITTED: ("view",),
    },
    "Traducteurs": {ContentKind.PUBLIC: ("change", "view")},
    "Coordination parrainage": {ContentKind.PERSONAL: ("view", "change", "delete")},
}
TRANSLATORS = "Traducteurs"


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
    for name, grants in STAFF_GROUPS.items():
        group, _created = groups.get_or_create(name=name)
        permissions = []
        for model in project_models():
            if name == TRANSLATORS and model not in translated:
                continue
            actions = grants.get(kind_of(model), [])
            codenames = [f"{action}_{model._meta.model_name}" for action in actions]
            if not codenames:
                continue
            content_type = content_types.get_for_model(model)
            of_model = all_permissions.filter(content_type=content_type)  # pragma: no mutate
            permissions += of_model.filter(codename__in=codenames)
        group.permissions.set(permissions)
