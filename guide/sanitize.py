"""
The one allow-list for guide HTML: what the admin editor can produce is what readers can get.

The editor's form field sanitises what staff type; Section.save() sanitises every other write
path that goes through the model; templates sanitise again at render, for the paths that skip
save() (QuerySet.update(), bulk_create(), raw SQL).
"""

import re

from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi
from django_prose_editor.fields import create_sanitizer

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


# Left-to-right fragments that a right-to-left sentence scrambles: a phone number (its groups
# come out in reverse order), an address that starts with its number, a web or e-mail address.
# The editor has no <bdi>, so they are isolated when a right-to-left page is rendered.
_LEFT_TO_RIGHT = re.compile(
    r"https?://[^\s<]+[^\s<.,;:!?)]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\+?\d[\d\u00a0\u202f .:/-]*\d(?:,? [A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*(?: [A-Za-zÀ-ÿ'’-]+)*)?"
)
_TAG = re.compile(r"(<[^>]*>)")


def isolate_left_to_right(html):
    """Wrap the left-to-right fragments of the text of `html` (not its tags) in <bdi dir="ltr">."""
    return "".join(
        part
        if part.startswith("<")
        else _LEFT_TO_RIGHT.sub(lambda match: f'<bdi dir="ltr">{match[0]}</bdi>', part)
        for part in _TAG.split(html)
    )


def sanitized_html(html):
    """Return staff HTML cleaned by the allow-list and safe to put in a page."""
    clean = sanitize(html or "")
    if get_language_bidi():
        clean = isolate_left_to_right(clean)  # adds only <bdi dir="ltr"> around text
    return mark_safe(clean)  # noqa: S308 (cleaned by nh3 just before)
