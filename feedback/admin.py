import datetime

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedDjangoJqueryTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from . import results
from .models import (
    Answer,
    Choice,
    PageFeedback,
    Question,
    Questionnaire,
    Response,
)


class QuestionInline(TranslationStackedInline):
    model = Question
    extra = 0
    fields = ["order", "text", "help_text", "kind", "required", "choices_link"]
    readonly_fields = ["choices_link"]
    ordering = ["order", "pk"]

    @admin.display(description=_("choices"))
    def choices_link(self, question):
        if not question.pk or not question.has_choices:
            return "–"
        url = reverse("admin:feedback_question_change", args=[question.pk])
        count = question.choices.count()
        return format_html('<a href="{}">{} ({})</a>', url, _("Edit the choices"), count)


@admin.register(Questionnaire)
class QuestionnaireAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["title", "slug", "active", "response_count", "results_link"]
    prepopulated_fields = {"slug": ["title_fr"]}
    inlines = [QuestionInline]

    @admin.display(description=_("responses"))
    def response_count(self, questionnaire):
        return questionnaire.responses.count()

    @admin.display(description=_("results"))
    def results_link(self, questionnaire):
        url = reverse("admin:feedback_questionnaire_results", args=[questionnaire.pk])
        return format_html('<a href="{}">{}</a>', url, _("See the results"))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/results/",
                view(self.results_view),
                name="feedback_questionnaire_results",
            ),
            path(
                "<int:pk>/export.csv",
                view(self.export_view),
                name="feedback_questionnaire_export",
            ),
            *super().get_urls(),
        ]

    def _can_read_responses(self, request, questionnaire):
        return self.has_view_permission(request, questionnaire) and request.user.has_perm(
            "feedback.view_response"
        )

    def _filters(self, request):
        return {
            "since": results.parse_date(request.GET.get("since")),
            "until": results.parse_date(request.GET.get("until")),
            "language": request.GET.get("language", ""),
        }

    def results_view(self, request, pk):
        questionnaire = get_object_or_404(Questionnaire, pk=pk)
        if not self._can_read_responses(request, questionnaire):
            raise PermissionDenied
        filters = self._filters(request)
        responses = results.filtered_responses(questionnaire, **filters)
        total, per_question = results.question_results(questionnaire, responses)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Results: %(title)s") % {"title": questionnaire.title},
            "questionnaire": questionnaire,
            "total": total,
            "results": per_question,
            "filters": filters,
            "languages": settings.LANGUAGES,
            "query": request.GET.urlencode(),
        }
        return TemplateResponse(request, "admin/feedback/results.html", context)

    def export_view(self, request, pk):
        questionnaire = get_object_or_404(Questionnaire, pk=pk)
        if not self._can_read_responses(request, questionnaire):
            raise PermissionDenied
        responses = results.filtered_responses(questionnaire, **self._filters(request))
        response = StreamingHttpResponse(
            results.export_rows(questionnaire, responses), content_type="text/csv; charset=utf-8"
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = (
            f'attachment; filename="reponses-{questionnaire.slug}-{stamp}.csv"'
        )
        return response


class ChoiceInline(TranslationTabularInline):
    model = Choice
    extra = 1
    fields = ["order", "label"]


@admin.register(Question)
class QuestionAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["text", "questionnaire", "kind", "required", "order"]
    list_filter = ["questionnaire", "kind"]
    inlines = [ChoiceInline]


class ReadOnlyAdmin(admin.ModelAdmin):
    """What readers sent is evidence: staff read it, nobody edits it."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AnswerInline(admin.TabularInline):
    model = Answer
    fields = ["question", "value"]
    readonly_fields = ["question", "value"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("answer"))
    def value(self, answer):
        return answer.display_value()


@admin.register(Response)
class ResponseAdmin(ReadOnlyAdmin):
    list_display = ["submitted_at", "questionnaire", "language"]
    list_filter = ["questionnaire", "language"]
    date_hierarchy = "submitted_at"
    inlines = [AnswerInline]


@admin.register(PageFeedback)
class PageFeedbackAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "section", "language", "useful", "comment"]
    list_filter = ["useful", "language", "section__theme"]
    list_select_related = ["section"]
    date_hierarchy = "created_at"
    change_list_template = "admin/feedback/pagefeedback/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.report_view)
        return [
            path("report/", view, name="feedback_pagefeedback_report"),
            *super().get_urls(),
        ]

    def report_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        since = results.parse_date(request.GET.get("since")) or (
            timezone.localdate() - datetime.timedelta(days=365)
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Pages by « not useful » votes"),
            "rows": results.page_report(since=since),
            "since": since,
        }
        return TemplateResponse(request, "admin/feedback/page_report.html", context)
