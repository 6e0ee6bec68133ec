"""
Files for translators' tools: everything missing or outdated in one language, out as XLIFF 1.2
or PO, and back in, all or nothing.

A unit's key names the object and field (« section-12-body »); its source is the text it was
translated from, checked again on the way back: if it changed since the export, the translation
was made from an old text, and the import stops there. A unit marked for review (PO « fuzzy »,
XLIFF state « needs-review-translation ») whose text nobody changed is left as it was.
"""

import dataclasses
import xml.etree.ElementTree as ET

import polib
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

from common.history import Changes
from common.language_tags import language_tag  # valid BCP 47 for tools: « fr-x-falc »
from common.translations import _comparable
from guide.sanitize import sanitize

from .units import MISSING, OUTDATED

XLIFF = "urn:oasis:names:tc:xliff:document:1.2"
NEEDS_TRANSLATION, NEEDS_REVIEW = "needs-translation", "needs-review-translation"
MAX_FILE_BYTES = 5 * 1024 * 1024


class ExchangeError(Exception):
    """A file that cannot be read as a whole: nothing of it is imported."""


@dataclasses.dataclass
class Unit:
    key: str
    source: str
    target: str
    needs_review: bool = False


def _note(segment, doc):
    return f"{doc.kind.model._meta.verbose_name}: {doc.root} — {segment.label}"


def write_xliff(code, docs):
    ET.register_namespace("", XLIFF)
    root = ET.Element(f"{{{XLIFF}}}xliff", version="1.2")
    file = ET.SubElement(
        root,
        f"{{{XLIFF}}}file",
        {
            "original": "bienvenue",
            "datatype": "html",
            "source-language": language_tag(docs[0].source_language if docs else "fr"),
            "target-language": language_tag(code),
        },
    )
    body = ET.SubElement(file, f"{{{XLIFF}}}body")
    for doc in docs:
        for segment in doc.segments:
            if not segment.needs_work:
                continue
            unit = ET.SubElement(
                body, f"{{{XLIFF}}}trans-unit", id=segment.key, resname=segment.key
            )
            ET.SubElement(unit, f"{{{XLIFF}}}source").text = segment.source
            state = NEEDS_TRANSLATION if segment.need == MISSING else NEEDS_REVIEW
            ET.SubElement(unit, f"{{{XLIFF}}}target", state=state).text = segment.target
            ET.SubElement(unit, f"{{{XLIFF}}}note").text = _note(segment, doc)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def write_po(code, docs):
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "Bienvenue à Clermont-Ferrand",
        "Language": language_tag(code),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": language_tag(docs[0].source_language if docs else "fr"),
    }
    for doc in docs:
        for segment in doc.segments:
            if not segment.needs_work:
                continue
            outdated = segment.need == OUTDATED
            po.append(
                polib.POEntry(
                    msgctxt=segment.key,
                    msgid=segment.source,
                    msgstr=segment.target,
                    comment=_note(segment, doc),
                    flags=["fuzzy"] if outdated else [],
                    previous_msgid=segment.previous_source if outdated else None,
                )
            )
    return str(po).encode("utf-8")


def _decode(data):
    if len(data) > MAX_FILE_BYTES:
        raise ExchangeError(_("The file is larger than 5 MB."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExchangeError(_("The file is not UTF-8 text.")) from error


def read_xliff(data):
    """Return (target language tag, units) of an XLIFF 1.2 file."""
    text = _decode(data)
    try:
        # No document type, no entities: an XLIFF file needs none, and they are how XML attacks.
        root = fromstring(text, forbid_dtd=True)
    except DefusedXmlException as error:
        raise ExchangeError(_("The file declares a document type or entities.")) from error
    except ET.ParseError as error:
        message = _("The file is not valid XML: %(error)s.") % {"error": error}
        raise ExchangeError(message) from error
    file = root.find(f"{{{XLIFF}}}file")
    if root.tag != f"{{{XLIFF}}}xliff" or file is None:
        raise ExchangeError(_("The file is not XLIFF 1.2."))
    units = []
    for element in file.iter(f"{{{XLIFF}}}trans-unit"):
        source = element.find(f"{{{XLIFF}}}source")
        target = element.find(f"{{{XLIFF}}}target")
        units.append(
            Unit(
                key=element.get("id", ""),
                source="".join(source.itertext()) if source is not None else "",
                target="".join(target.itertext()) if target is not None else "",
                needs_review=target is not None and target.get("state") == NEEDS_REVIEW,
            )
        )
    return file.get("target-language", ""), units


def read_po(data):
    """Return (language tag, units) of a PO file."""
    text = _decode(data)
    try:
        po = polib.pofile(text if "\n" in text else text + "\n")
    except (OSError, ValueError) as error:
        message = _("The file is not a valid PO file: %(error)s.") % {"error": error}
        raise ExchangeError(message) from error
    units = [
        Unit(
            key=entry.msgctxt or "",
            source=entry.msgid,
            target=entry.msgstr,
            needs_review=entry.fuzzy,
        )
        for entry in po
        if not entry.obsolete
    ]
    return po.metadata.get("Language", ""), units


def read(name, data):
    is_xml = data.lstrip()[:5] in (b"<?xml", b"<xlif") or name.lower().endswith((".xlf", ".xliff"))
    return read_xliff(data) if is_xml else read_po(data)


@dataclasses.dataclass
class Report:
    changed: list = dataclasses.field(default_factory=list)  # (segment, before, after)
    confirmed: list = dataclasses.field(default_factory=list)  # outdated, still right
    left: list = dataclasses.field(default_factory=list)  # (key, why) left as they were
    errors: list = dataclasses.field(default_factory=list)


def _stored(segment, text):
    """The text as it will be stored, or ValidationError."""
    field = segment.model_field
    text = field.formfield().clean(text.replace("\r\n", "\n"))
    if isinstance(field, ProseEditorField):
        text = sanitize(text)
    return text


def import_units(code, tag, units, docs, user):
    """Check every unit against the current texts, then save them all, or nothing."""
    report = Report()
    if tag and tag.lower() not in {code.lower(), language_tag(code).lower()}:
        report.errors.append(
            _("This file is for the language « %(tag)s », not « %(code)s ».")
            % {"tag": tag, "code": code}
        )
        return report
    segments = {s.key: s for doc in docs for s in doc.segments}
    seen = set()
    accepted = []
    for unit in units:
        segment = segments.get(unit.key)
        if unit.key in seen:
            report.errors.append(_("%(key)s: twice in the file.") % {"key": unit.key})
            continue
        seen.add(unit.key)
        if segment is None:
            report.errors.append(
                _("%(key)s: no such text to translate (deleted, or not from this site).")
                % {"key": unit.key}
            )
            continue
        model_field = segment.model_field
        if _comparable(model_field, unit.source) != _comparable(model_field, segment.source):
            report.errors.append(
                _("%(key)s (%(label)s): the source text changed since the export. Export again.")
                % {"key": unit.key, "label": segment.label}
            )
            continue
        if not unit.target.strip():
            report.left.append((segment, _("left empty")))
            continue
        try:
            text = _stored(segment, unit.target)
        except ValidationError as error:
            report.errors.append(f"{unit.key} ({segment.label}): {' '.join(error.messages)}")
            continue
        unchanged = _comparable(model_field, text) == _comparable(model_field, segment.target)
        if unchanged and unit.needs_review:
            report.left.append((segment, _("still marked for review")))
            continue
        if not unchanged:
            report.changed.append((segment, segment.target, text))
        elif segment.need == OUTDATED:
            report.confirmed.append(segment)
        accepted.append((segment, text, unchanged))
    if report.errors:
        report.changed, report.confirmed = [], []
        return report
    _save(code, accepted, user)
    return report


def _save(code, accepted, user):
    changes = Changes()
    for segment, text, unchanged in accepted:
        if not unchanged:
            name = build_localized_fieldname(segment.field, code)
            setattr(segment.obj, name, text)
            changes.add(segment.obj, name)
        if segment.need == OUTDATED:
            # Confirmed (or rewritten): made from the source as it is now.
            name = build_localized_fieldname("translated_at", code)
            setattr(segment.obj, name, timezone.now())
            changes.add(segment.obj, name)
    with transaction.atomic():
        for obj in changes.objects():
            obj.save()
        changes.log(user)
