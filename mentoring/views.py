from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_safe

from common.antispam import over_limit
from common.translations import fallback_fields
from guide.models import Section

from . import notify
from .forms import MentoringRequestForm

# Anonymous like the feedback forms: no CSRF cookie for readers; the honeypot and the rate
# limit contain abuse. Only valid requests count towards the limit.


@csrf_exempt
@sensitive_post_parameters()
def programme(request):
    """The peer-mentoring programme, and the form to ask for a mentor or to become one."""
    form = MentoringRequestForm(request.POST if request.method == "POST" else None)
    rate_limited = False
    if request.method == "POST":
        if form.is_valid():
            rate_limited = over_limit(request, "mentoring")
            if not rate_limited:
                if not form.is_spam():
                    mentoring_request = form.save(commit=False)
                    mentoring_request.language = get_language()
                    mentoring_request.save()
                    transaction.on_commit(lambda: notify.coordinators(request, mentoring_request))
                return redirect("mentoring:thanks")
    elif request.method not in ("GET", "HEAD"):
        return render(request, "mentoring/programme.html", {"form": form}, status=405)
    page = (
        Section.objects.published()
        .select_related("theme")
        .filter(slug=settings.MENTORING_SECTION_SLUG)
        .first()
    )
    return render(
        request,
        "mentoring/programme.html",
        {
            "form": form,
            "page": page,
            "fallback": fallback_fields(page, ("summary", "body")),
            "rate_limited": rate_limited,
        },
        status=429 if rate_limited else 400 if form.errors else 200,
    )


@require_safe
def thanks(request):
    return render(request, "mentoring/thanks.html")
