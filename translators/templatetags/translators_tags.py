from django import template

from common.models import languages_of

register = template.Library()


@register.filter
def translates(user):
    """Whether this member of staff translates a language (the admin index links the dashboard)."""
    return bool(languages_of(user))
