from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from common.antispam import over_limit
from guide.models import Section

from .forms import PageFeedbackForm, QuestionnaireForm
from .models import PageFeedback, Questionnaire

# The feedback forms are anonymous: with no account and no session there is nothing for a
# forged request to abuse, and CSRF protection would set a cookie on readers. Abuse is
# contained by the honeypot field and the rate limit instead. Only valid submissions count
# towards the limit, and a reader over it gets her form back, filled in, with a 429.


@csrf_exempt
def questionnaire(request):
    questionnaire = Questionnaire.objects.active().first()
    if questionnaire is None:
        return render(request, "feedback/form.html", {"questionnaire": None})
    form = QuestionnaireForm(questionnaire, request.POST if request.method == "POST" else None)
    rate_limited = False
    if request.method == "POST":
        if form.is_valid():
            rate_limited = over_limit(request, "questionnaire")
            if not rate_limited:
                if not form.is_spam():
                    form.save(language=get_language())
                return redirect("feedback:thanks")
    elif request.method not in ("GET", "HEAD"):
        return render(request, "feedback/form.html", {"form": form}, status=405)
    return render(
        request,
        "feedback/form.html",
        {"questionnaire": questionnaire, "form": form, "rate_limited": rate_limited},
        status=429 if rate_limited else 400 if form.errors else 200,
    )


@require_safe
def thanks(request):
    return render(request, "feedback/thanks.html")


@csrf_exempt
@require_POST
def page_feedback(request, section_id):
    section = get_object_or_404(Section.objects.select_related("theme"), pk=section_id)
    if not section.published:
        raise Http404("Draft section")
    wants_json = "application/json" in request.headers.get("Accept", "")
    form = PageFeedbackForm(request.POST)
    if not form.is_valid():
        if wants_json:
            return JsonResponse({"status": "invalid", "errors": form.errors}, status=400)
        return render(
            request,
            "feedback/page_feedback_error.html",
            {"form": form, "section": section},
            status=400,
        )
    if over_limit(request, "page"):
        if wants_json:
            return JsonResponse({"status": "rate_limited"}, status=429)
        return render(
            request,
            "feedback/page_feedback_error.html",
            {"form": form, "section": section, "rate_limited": True},
            status=429,
        )
    if not form.is_spam():
        PageFeedback.objects.create(
            section=section,
            language=get_language(),
            useful=form.cleaned_data["useful"] == "yes",
            comment=form.cleaned_data["comment"],
        )
    if wants_json:
        return JsonResponse({"status": "ok"})
    return redirect(
        f"{reverse('guide:section', args=[section.theme.slug, section.slug])}"
        "?feedback=thanks#page-feedback"
    )
