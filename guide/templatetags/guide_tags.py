import re

from django import template
from django.utils.safestring import mark_safe

from guide import glossary
from guide.sanitize import sanitized_html

register = template.Library()

_HEADING = re.compile(r"<(/?)h([1-6])>")


@register.filter
def rich_text(html):
    """Render staff-written HTML through the guide's allow-list."""
    return sanitized_html(html)


@register.filter
def shift_headings(html, levels):
    """Render staff HTML with its headings moved down, to nest it under the page's own."""

    def shift(match):
        return f"<{match[1]}h{min(int(match[2]) + int(levels), 6)}>"

    # The allow-list leaves headings without attributes, so the pattern sees them all.
    return mark_safe(_HEADING.sub(shift, sanitized_html(html)))  # noqa: S308


@register.filter
def link_terms(html, terms):
    """Link the first use of each glossary term in sanitised HTML to its explanation."""
    return glossary.link_terms(html, terms)
