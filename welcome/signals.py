"""The content version: one number that changes whenever staff change what readers see."""

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "content-version"
# Models whose objects appear on public pages; what readers send (responses, votes) does not.
PUBLIC_APPS = ("guide", "places", "feedback")
NOT_SHOWN = {"feedback.response", "feedback.answer", "feedback.pagefeedback"}


def content_version():
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def bump_content_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache (first save, or the cache was flushed)
        cache.set(VERSION_KEY, 2, timeout=None)


def connect():
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in PUBLIC_APPS and label not in NOT_SHOWN:
            post_save.connect(bump_content_version, sender=model, dispatch_uid=f"bump-{label}")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"del-{label}")
    m2m_changed.connect(bump_content_version, dispatch_uid="bump-m2m")
