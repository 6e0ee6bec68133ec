"""
The language tags sent to machines (hreflang, Content-Language) must be valid BCP 47.

Our language codes are not all tags: in `fr-falc` a 4-letter subtag would be a script. The tag
of such a language is its "bcp47" key in settings.EXTRA_LANG_INFO (`fr-x-falc`, a private-use
subtag); every other code is its own tag.
"""

from django.utils import translation


def language_tag(code):
    """Return the BCP 47 tag of a language code of ours; other values are returned unchanged."""
    try:
        info = translation.get_language_info(code)
    except KeyError:  # not a language (x-default) or one Django does not know
        return code
    return info.get("bcp47", code)


def content_language(get_response):
    """Send the tag of the page's language in Content-Language (LocaleMiddleware sends its code).

    Goes right after LocaleMiddleware, so that it sees the response first.
    """

    def middleware(request):
        response = get_response(request)
        code = response.headers.get("Content-Language") or translation.get_language()
        if code:
            response.headers["Content-Language"] = language_tag(code)
        return response

    return middleware
