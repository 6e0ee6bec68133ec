"""
The history of the texts translators translate from: what the translation screen compares to
show what changed in French since the Arabic was last written.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.signals import post_delete, post_save
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from common.content import ContentKind
from common.translations import TranslationTracking


class SourceRevision(models.Model):
    """One language's text of one field, as it was saved: what a translation was made from.

    Written on every save that changes a tracked text (see TranslationTracking.changed_texts),
    stamped with the same time as that language's `translated_at`.
    """

    content_kind = ContentKind.DERIVED

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveIntegerField()
    field = models.CharField(max_length=50)
    language = models.CharField(max_length=10)
    text = models.TextField(blank=True)
    saved_at = models.DateTimeField()

    class Meta:
        default_permissions = ()  # written by code only
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "language", "saved_at"],
                name="source_revision_lookup",
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}:{self.field}:{self.language}"


def source_at(obj, field, language, moment):
    """The text `field` had in `language` at `moment`; None if no revision says."""
    if moment is None:
        return None
    revision = (
        SourceRevision.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            field=field,
            language=language,
            saved_at__lte=moment,
        )
        .order_by("-saved_at", "-pk")
        .first()
    )
    return revision.text if revision else None


def _record(sender, instance, raw=False, **kwargs):
    changed = getattr(instance, "changed_texts", None)
    if raw or not changed:
        return
    content_type = ContentType.objects.get_for_model(sender)
    SourceRevision.objects.bulk_create(
        SourceRevision(
            content_type=content_type,
            object_id=instance.pk,
            field=field,
            language=code,
            text=text,
            saved_at=getattr(instance, build_localized_fieldname("translated_at", code)),
        )
        for (field, code), text in changed.items()
    )
    instance.changed_texts = {}


def _forget(sender, instance, **kwargs):
    SourceRevision.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


def connect_revisions():  # pragma: no mutate block
    for model in translator.get_registered_models():
        if issubclass(model, TranslationTracking):
            label = model._meta.label_lower
            post_save.connect(_record, sender=model, dispatch_uid=f"revisions-{label}")
            post_delete.connect(_forget, sender=model, dispatch_uid=f"forget-{label}")
