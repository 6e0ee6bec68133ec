"""
What translators translate: documents (what a reader opens: a section, a place, the
questionnaire) made of segments (one field of one object: a section's body, a question's text).

A document's state in one language is missing (a field has no text), outdated (its source
changed since), or complete, then either not checked yet or checked by a speaker. Its words left
are the source words still to translate: those of the fields with no text, and of the fields
whose source changed since the translation.
"""

import dataclasses
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, TextChoices
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

from common.models import LanguageFallback
from common.text import plain
from common.translations import _comparable
from courses.models import Course
from events.models import Category as EventCategory
from events.models import Event
from feedback.models import Question, Questionnaire
from guide.models import Section, Term, Theme
from places.models import Category, Notice, Place
from routes.models import Route, RouteStop

from .models import SourceRevision


class State(TextChoices):
    MISSING = "missing", _("missing")
    OUTDATED = "outdated", _("outdated")
    DRAFT = "draft", _("complete, not checked")
    CHECKED = "checked", _("complete and checked")


# What a segment needs: written (or not) and, if written, made from the source as it is now.
MISSING, OUTDATED, CURRENT = "missing", "outdated", "current"


@dataclasses.dataclass(frozen=True)
class Kind:
    key: str
    model: type
    prefetch: tuple = ()

    @property
    def label(self):
        return self.model._meta.verbose_name_plural

    def roots(self):
        return self.model.objects.prefetch_related(*self.prefetch)

    def objects(self, root):
        """The root and the objects whose texts are part of it, in reading order."""
        if self.model is Route:
            return [root, *root.stops.all()]
        if self.model is Questionnaire:
            return [root, *(o for q in root.questions.all() for o in (q, *q.choices.all()))]
        return [root]


KINDS = {
    kind.key: kind
    for kind in [
        Kind("theme", Theme),
        Kind("section", Section, ("theme",)),
        Kind("term", Term),
        Kind("category", Category),
        Kind("place", Place),
        Kind("notice", Notice),
        Kind("route", Route, (Prefetch("stops", RouteStop.objects.select_related("place")),)),
        Kind("course", Course, ("place",)),
        Kind("eventcategory", EventCategory),
        Kind("event", Event, ("category",)),
        Kind(
            "questionnaire",
            Questionnaire,
            (Prefetch("questions", Question.objects.prefetch_related("choices")),),
        ),
    ]
}


def words(text):
    return len(plain(text or "").split())


@dataclasses.dataclass
class Segment:
    obj: object
    field: str
    code: str
    source_language: str
    source: str
    target: str
    need: str  # MISSING, OUTDATED or CURRENT
    previous_source: str | None = None  # the source when the target was written, if recorded

    @property
    def key(self):
        return f"{self.obj._meta.model_name}-{self.obj.pk}-{self.field}"

    @property
    def model_field(self):
        return self.obj._meta.get_field(build_localized_fieldname(self.field, self.code))

    @property
    def label(self):
        return self.obj._meta.get_field(self.field).verbose_name

    @property
    def is_rich(self):
        return isinstance(self.model_field, ProseEditorField)

    @property
    def source_changed(self):
        """Outdated, and the source of this very field changed (or nobody recorded it)."""
        if self.need != OUTDATED:
            return False
        if self.previous_source is None:
            return True
        field = self.model_field
        return _comparable(field, self.previous_source) != _comparable(field, self.source)

    @property
    def needs_work(self):
        """Missing, or its own source changed: what the files for translators' tools hold."""
        return self.need == MISSING or self.source_changed

    @property
    def words_left(self):
        return words(self.source) if self.needs_work else 0


@dataclasses.dataclass
class Document:
    kind: Kind
    root: object
    code: str
    source_language: str
    segments: list

    @property
    def state(self):
        needs = {segment.need for segment in self.segments}
        if MISSING in needs:
            return State.MISSING
        if OUTDATED in needs:
            return State.OUTDATED
        return State.CHECKED if self.is_checked() else State.DRAFT

    def is_checked(self):
        """The root's check covers the texts inside it (a route's stops) if none changed since."""
        if not self.root.is_checked(self.code):
            return False
        checked_on = getattr(self.root, build_localized_fieldname("checked_on", self.code))
        changed = build_localized_fieldname("translated_at", self.code)
        return all(
            getattr(obj, changed) is None or timezone.localdate(getattr(obj, changed)) <= checked_on
            for obj in {id(s.obj): s.obj for s in self.segments}.values()
        )

    @property
    def words_left(self):
        return sum(segment.words_left for segment in self.segments)

    @property
    def outdated_objects(self):
        return list({id(s.obj): s.obj for s in self.segments if s.need == OUTDATED}.values())


def document(kind, root, code, source_language):
    segments = []
    for obj in kind.objects(root):
        outdated = obj.source_changed_since(code, source_language)
        for field in obj.TRACKED_FIELDS:
            in_source = getattr(obj, build_localized_fieldname(field, source_language))
            language = source_language if in_source else settings.LANGUAGE_CODE
            source = getattr(obj, build_localized_fieldname(field, language))
            if not source:
                continue  # nothing to translate
            target = getattr(obj, build_localized_fieldname(field, code)) or ""
            need = MISSING if not target else OUTDATED if outdated else CURRENT
            segments.append(Segment(obj, field, code, language, source, target, need))
    return Document(kind, root, code, source_language, segments)


def documents(code, sources=None, roots=None):
    """Every document with something to translate, in one language, kind by kind.

    `roots` ({kind key: objects}) lets a page showing several languages load them once.
    """
    source_language = (sources or LanguageFallback.sources())[code]
    found = []
    for key, kind in KINDS.items():
        for root in roots[key] if roots else kind.roots():
            doc = document(kind, root, code, source_language)
            if doc.segments:
                found.append(doc)
    attach_previous_sources([s for doc in found for s in doc.segments])
    return found


def attach_previous_sources(segments):
    """Give each outdated segment the source text it was translated from, in one query."""
    outdated = [s for s in segments if s.need == OUTDATED]
    if not outdated:
        return
    wanted = defaultdict(set)
    for segment in outdated:
        wanted[ContentType.objects.get_for_model(segment.obj).pk].add(segment.obj.pk)
    match = Q()
    for content_type, pks in wanted.items():
        match |= Q(content_type_id=content_type, object_id__in=pks)
    history = defaultdict(list)
    rows = SourceRevision.objects.filter(match).order_by("saved_at", "pk")
    for row in rows.values_list("content_type_id", "object_id", "field", "language", "saved_at"):
        history[row[:4]].append(row[4])
    chosen = []  # (segment, its content type, when its source was saved last before it)
    for segment in outdated:
        content_type = ContentType.objects.get_for_model(segment.obj).pk
        translated = getattr(segment.obj, build_localized_fieldname("translated_at", segment.code))
        moments = history[content_type, segment.obj.pk, segment.field, segment.source_language]
        before = [moment for moment in moments if translated and moment <= translated]
        if before:
            chosen.append((segment, content_type, before[-1]))
    if not chosen:
        return
    match = Q()
    for segment, content_type, moment in chosen:
        match |= Q(
            content_type_id=content_type,
            object_id=segment.obj.pk,
            field=segment.field,
            language=segment.source_language,
            saved_at=moment,
        )
    found = {
        (row.content_type_id, row.object_id, row.field, row.language): row.text
        for row in SourceRevision.objects.filter(match).order_by("saved_at", "pk")
    }
    for segment, content_type, _moment in chosen:
        key = (content_type, segment.obj.pk, segment.field, segment.source_language)
        segment.previous_source = found.get(key)
