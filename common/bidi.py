"""Text that must read left to right inside a right-to-left page."""

import re

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
