"""What changed in a source text since it was translated: a word-by-word diff to read."""

import difflib
import re

from django.utils.html import format_html_join

from common.text import plain

_TOKENS = re.compile(r"\s+|[^\s]+")


def _tokens(text):
    # HTML is read as its text, one block after another: translators compare what readers see.
    return _TOKENS.findall(plain(text) if "<" in text else text)


def diff_html(old, new):
    """The new text with the removed words in <del> and the added ones in <ins>, escaped."""
    before, after = _tokens(old or ""), _tokens(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(("span", "".join(after[j1:j2])))
            continue
        if i2 > i1:
            parts.append(("del", "".join(before[i1:i2])))
        if j2 > j1:
            parts.append(("ins", "".join(after[j1:j2])))
    return format_html_join("", "<{0}>{1}</{0}>", ((tag, text) for tag, text in parts))
