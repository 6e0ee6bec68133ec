from django import forms
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from common.history import Changes
from common.templatetags.common_tags import html_lang
from common.translations import _comparable

from .exchange import MAX_FILE_BYTES
from .units import OUTDATED


def text_direction(code):
    return "rtl" if code in settings.LANGUAGES_BIDI else "ltr"


class TranslationForm(forms.Form):
    """One document in one language: a field per text, then « still right » and the check."""

    def __init__(self, doc, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.doc = doc
        self.user = user
        code = doc.code
        for segment in doc.segments:
            field = segment.model_field.formfield()
            field.label = segment.label
            field.required = False
            field.initial = segment.target
            field.widget.attrs.update(dir=text_direction(code), lang=html_lang(code))
            self.fields[segment.key] = field
        if doc.state == OUTDATED:
            self.fields["current"] = forms.BooleanField(
                label=_("The translation says what the source text says now"),
                help_text=_("Tick it when the source changed in a way that needs no change here."),
                required=False,
            )
        root = doc.root
        self.fields["checked_by"] = forms.CharField(
            label=_("Checked by"),
            max_length=200,
            required=False,
            initial=getattr(root, build_localized_fieldname("checked_by", code))
            or (user.get_full_name() or user.get_username() if user else ""),
            help_text=root._meta.get_field("checked_by").help_text,
        )
        self.fields["checked"] = forms.BooleanField(
            label=_("I read this whole translation as a speaker: it is right"),
            required=False,
        )

    def text_fields(self):
        return [(segment, self[segment.key]) for segment in self.doc.segments]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("checked"):
            if not cleaned.get("checked_by"):
                self.add_error("checked_by", _("Say who read it."))
            if any(not cleaned.get(segment.key) for segment in self.doc.segments):
                self.add_error("checked", _("Translate every text before saying it is checked."))
        return cleaned

    def save(self):
        """Save what changed; return how many texts changed."""
        code = self.doc.code
        changes = Changes()
        changed = 0
        for segment in self.doc.segments:
            text = self.cleaned_data[segment.key] or ""
            field = segment.model_field
            if _comparable(field, text) != _comparable(field, segment.target):
                name = build_localized_fieldname(segment.field, code)
                setattr(segment.obj, name, text)
                changes.add(segment.obj, name)
                changed += 1
        if self.cleaned_data.get("current"):
            for obj in self.doc.outdated_objects:
                name = build_localized_fieldname("translated_at", code)
                setattr(obj, name, timezone.now())
                changes.add(obj, name)
        if self.cleaned_data["checked"]:
            root = self.doc.root
            checked_by = self.cleaned_data["checked_by"]
            for name, value in (
                (build_localized_fieldname("checked_by", code), checked_by),
                (build_localized_fieldname("checked_on", code), timezone.localdate()),
            ):
                setattr(root, name, value)
                changes.add(root, name)
        with transaction.atomic():
            for obj in changes.objects():
                obj.save()
            changes.log(self.user)
        return changed


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("XLIFF or PO file"),
        help_text=_("The file exported here, translated in your tool. 5 MB at most."),
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return file
