from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import format_html

from common import language_tags

register = template.Library()


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
        info = translation.get_language_info(code)
        languages.append(
            {
                "code": code,
                "html_lang": html_lang(code),
                "name": info["name_local"][:1].upper() + info["name_local"][1:],
                "url": url,
                "is_current": code == current,
            }
        )
    return {"languages": languages}


@register.simple_tag
def lang_if_fallback(fallback, field):
    """` lang="fr"` on an element whose text is shown in French for want of a translation."""
    if field in fallback:
        return format_html(' lang="{}"', html_lang(settings.LANGUAGE_CODE))
    return ""
