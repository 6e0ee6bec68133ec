from django.conf import settings
from django.urls import reverse
from django.utils import translation


def admin_in_default_language(get_response):
    """Show the staff admin in French whatever the browser asks for.

    The admin lives outside the language prefixes, so LocaleMiddleware would otherwise pick its
    language from Accept-Language.
    """

    def middleware(request):
        if request.path_info.startswith(reverse("admin:index")):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return get_response(request)

    return middleware
