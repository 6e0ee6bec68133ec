"""Staff HTML as plain text: for the search index, its snippets, and the glossary."""

import re
from html import unescape

from django.utils.html import strip_tags

# The end of a block of staff HTML, where a space separates its text from the next block's.
BLOCK_END = re.compile(r"(</(?:p|li|h[1-6]|blockquote|div|td|th)>|<br\s*/?>)", re.IGNORECASE)


def plain(html):
    """The text of staff HTML, for the index and the snippets: one line, blocks apart."""
    return " ".join(unescape(strip_tags(BLOCK_END.sub(r"\1 ", html))).split())
