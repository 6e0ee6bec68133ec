"""The translators' screens, in the admin: dashboard, one document in one language, files."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from common.admin import allow_editor_styles, editor_media
from common.models import LanguageFallback, languages_of, may_translate
from common.translations import translation_languages

from . import exchange
from .diff import diff_html
from .forms import ImportForm, TranslationForm, html_lang, text_direction
from .units import KINDS, OUTDATED, State, attach_previous_sources, document, documents


def language_name(code):
    """The name the site gives the language (« Dari / persan », not Django's « Perse »)."""
    return str(dict(settings.LANGUAGES)[code])


def _language(request, code):
    if code not in translation_languages():
        raise Http404
    if not may_translate(request.user, code):
        raise PermissionDenied
    return {
        "code": code,
        "name": language_name(code),
        "direction": text_direction(code),
        "html_lang": html_lang(code),
    }


def _render(request, template, context, status=200):
    context = {**admin.site.each_context(request), **context}
    return TemplateResponse(request, f"admin/translators/{template}", context, status=status)


@staff_member_required
def dashboard(request):
    codes = languages_of(request.user)
    if not codes:
        raise PermissionDenied
    sources = LanguageFallback.sources()
    roots = {key: list(kind.roots()) for key, kind in KINDS.items()}
    by_language = {code: documents(code, sources, roots) for code in codes}
    summaries = []
    for code in codes:
        docs = by_language[code]
        counts = dict.fromkeys(State, 0)
        for doc in docs:
            counts[doc.state] += 1
        summaries.append(
            {
                "language": _language(request, code),
                "source": language_name(sources[code]),
                "counts": [(state, counts[state]) for state in State],
                "documents": len(docs),
                "words_left": sum(doc.words_left for doc in docs),
            }
        )
    tables = []
    for kind in KINDS.values():
        cells = {}
        for code in codes:
            for doc in by_language[code]:
                if doc.kind is kind:
                    cells.setdefault(doc.root.pk, (doc.root, {}))[1][code] = doc
        rows = [(root, [docs.get(code) for code in codes]) for root, docs in cells.values()]
        tables.append({"kind": kind, "rows": rows})
    context = {
        "title": _("Translations"),
        "codes": codes,
        "summaries": summaries,
        "tables": tables,
        "states": list(State),
    }
    return _render(request, "dashboard.html", context)


@staff_member_required
def translate(request, code, kind, pk):
    language = _language(request, code)
    if kind not in KINDS:
        raise Http404
    root = get_object_or_404(KINDS[kind].roots(), pk=pk)
    source = LanguageFallback.sources()[code]
    doc = document(KINDS[kind], root, code, source)
    attach_previous_sources(doc.segments)
    form = TranslationForm(doc, request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        changed = form.save()
        messages.success(request, _("Saved. Texts changed: %(count)d.") % {"count": changed})
        return redirect(request.path)
    rows = [
        {
            "segment": segment,
            "field": field,
            "diff": diff_html(segment.previous_source, segment.source)
            if segment.need == OUTDATED and segment.previous_source is not None
            else None,
        }
        for segment, field in form.text_fields()
    ]
    context = {
        "title": _("%(document)s — translation into %(language)s")
        % {"document": root, "language": language["name"]},
        "language": language,
        "source": {
            "code": source,
            "name": language_name(source),
            "direction": text_direction(source),
            "html_lang": html_lang(source),
        },
        "doc": doc,
        "form": form,
        "rows": rows,
        "media": editor_media(request, form.media),
        "admin_url": f"admin:{root._meta.app_label}_{root._meta.model_name}_change",
    }
    status = 400 if form.errors else 200
    return allow_editor_styles(_render(request, "translate.html", context, status))


@staff_member_required
def export(request, code, extension):
    _language(request, code)
    docs = documents(code)
    if extension == "po":
        data, content_type = exchange.write_po(code, docs), "text/x-gettext-translation"
    else:
        data, content_type = exchange.write_xliff(code, docs), "application/x-xliff+xml"
    response = HttpResponse(data, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bienvenue-{code}.{extension}"'
    return response


@staff_member_required
def import_file(request, code):
    language = _language(request, code)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            tag, units = exchange.read(upload.name, upload.read())
        except exchange.ExchangeError as error:
            form.add_error("file", str(error))
        else:
            report = exchange.import_units(code, tag, units, documents(code), request.user)
    failed = bool(form.errors or (report and report.errors))
    context = {
        "title": _("Import a translation into %(language)s") % {"language": language["name"]},
        "language": language,
        "form": form,
        "report": report,
    }
    return _render(request, "import.html", context, status=400 if failed else 200)
