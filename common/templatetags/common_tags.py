from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi
from modeltranslation.utils import build_localized_fieldname

from common import language_tags
from common.bidi import isolate_left_to_right
from common.models import LanguageFallback
from common.translations import FALC

register = template.Library()


@register.filter(needs_autoescape=True)
def ltr_fragments(text, autoescape=True):
    """Plain text, escaped, with its phone numbers, addresses and URLs kept left to right on a
    right-to-left page (as sanitized_html does for rich text). Apply before linebreaksbr."""
    text = conditional_escape(text) if autoescape else text
    if get_language_bidi():
        text = isolate_left_to_right(text)  # adds only <bdi dir="ltr"> around escaped text
    return mark_safe(text)  # noqa: S308


@register.filter
def html_lang(language_code):
    """Return the BCP 47 tag for <html lang>: FALC pages are French to a screen reader."""
    return translation.get_language_info(language_code).get("html_lang", language_code)


@register.filter
def language_tag(language_code):
    """Return the BCP 47 tag for hreflang: `fr-x-falc` for FALC, whose code is not a tag."""
    return language_tags.language_tag(language_code)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """List every language, each linking to the page the reader is on, in that language."""
    request = context["request"]
    path = request.get_full_path()
    current = translation.get_language()
    languages = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url == path and code != current:
            # Not a page of ours (a 404): offer that language's home page instead.
            with translation.override(code):
                url = reverse("home")
        languages.append(_language(code, url, current))
    return {"languages": languages}


def _language(code, url, current):
    info = translation.get_language_info(code)
    return {
        "code": code,
        "html_lang": html_lang(code),
        "name": info["name_local"][:1].upper() + info["name_local"][1:],
        "url": url,
        "is_current": code == current,
    }


@register.inclusion_tag("includes/fallback_notice.html", takes_context=True)
def fallback_notice(context, obj, fallback):
    """Say that texts are shown in French, and offer the languages the page is written in, in
    the order staff chose for the reader's language (common.models.LanguageFallback)."""
    if not fallback:
        return {}
    current = translation.get_language()
    path = context["request"].get_full_path()
    offered = [
        _language(code, translate_url(path, code), current)
        for code in LanguageFallback.order_for(current)
        if code == settings.LANGUAGE_CODE or obj.is_translated(code)
    ]
    return {"fallback": fallback, "offered": offered}


@register.inclusion_tag("includes/translation_check.html")
def translation_check(obj):
    """One line on the reader's translation: not checked by a speaker yet, or who checked it."""
    code = translation.get_language()
    if code == settings.LANGUAGE_CODE or not obj.is_translated(code) or not obj.has_text(code):
        return {}  # the source, a fallback (see fallback_notice), or nothing to translate
    if not obj.is_checked(code):  # (is_draft() again would test the two conditions above)
        return {"draft": True}
    return {
        "falc": code == FALC,
        "checked_by": getattr(obj, build_localized_fieldname("checked_by", code)),
        "checked_on": getattr(obj, build_localized_fieldname("checked_on", code)),
    }


@register.simple_tag
def lang_if_fallback(fallback, field):
    """` lang="fr"` on an element whose text is shown in French for want of a translation."""
    if field in fallback:
        return format_html(' lang="{}"', html_lang(settings.LANGUAGE_CODE))
    return ""
