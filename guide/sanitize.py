"""
The one allow-list for guide HTML: what the admin editor can produce is what readers can get.

The editor's form field sanitises what staff type; Section.save() sanitises every other write
path that goes through the model; templates sanitise again at render, for the paths that skip
save() (QuerySet.update(), bulk_create(), raw SQL).
"""

from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi
from django_prose_editor.fields import create_sanitizer

from common.bidi import isolate_left_to_right

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["https", "http", "mailto", "tel"]},
    "History": True,
}

sanitize = create_sanitizer(EDITOR_EXTENSIONS)


def sanitized_html(html):
    """Return staff HTML cleaned by the allow-list and safe to put in a page."""
    clean = sanitize(html or "")
    if get_language_bidi():
        clean = isolate_left_to_right(clean)  # adds only <bdi dir="ltr"> around text
    return mark_safe(clean)  # noqa: S308 (cleaned by nh3 just before)
