from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security)
def check_development_key(app_configs, **kwargs):
    """Say loudly that the site runs with the built-in development key."""
    if not settings.USING_DEVELOPMENT_KEY:
        return []
    return [
        Warning(
            "DJANGO_SECRET_KEY is not set: the site runs in development mode (DEBUG on) "
            "with a key that is not secret.",
            hint="Set DJANGO_SECRET_KEY (and DJANGO_ALLOWED_HOSTS) to run in production.",
            id="common.W001",
        )
    ]
