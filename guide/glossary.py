"""The glossary in the guide's pages: the first time a page uses a word of the glossary, the word
links to its explanation. Done as the page is rendered, so the stored HTML stays as staff wrote
it; never inside a link or a heading."""

import re

from django.utils.safestring import mark_safe

_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z0-9]+)")
# Text inside these is left alone: a link in a link is invalid, a link in a heading is noise.
_KEEP_OUT = {"a", "h1", "h2", "h3", "h4", "h5", "h6"}
# The apostrophes a text may hold, as typed or as escaped in HTML.
_APOSTROPHE = "(?:'|’|&#x27;|&#39;)"


def _pattern(form):
    pattern = re.escape(form).replace("'", _APOSTROPHE).replace("’", _APOSTROPHE)
    # Acronyms keep their case (« AME », not the « ame » of a sentence); words do not.
    return f"(?-i:{pattern})" if form.isupper() else pattern


def matcher(terms):
    """A pattern of every form of every term (longest first), and the term each form names."""
    by_form = {}
    for term in terms:
        for form in term.forms():
            by_form.setdefault(form.casefold(), term)
    if not by_form:
        return None, {}
    forms = sorted(by_form, key=len, reverse=True)
    originals = {form.casefold(): form for term in terms for form in term.forms()}
    alternation = "|".join(_pattern(originals[form]) for form in forms)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE), by_form


def _term_of(match, by_form):
    text = match[0].replace("&#x27;", "'").replace("&#39;", "'").replace("’", "'")
    return by_form.get(text.casefold()) or by_form.get(match[0].casefold())


def link_terms(html, terms, exclude=None):
    """Return `html` (already sanitised) with the first use of each term linked to it."""
    pattern, by_form = matcher(terms)
    if pattern is None:
        return html
    linked = {exclude} if exclude else set()
    depth = 0

    def link(match):
        term = _term_of(match, by_form)
        if term is None or term.pk in linked:
            return match[0]
        linked.add(term.pk)
        return f'<a class="term" href="{term.get_absolute_url()}">{match[0]}</a>'

    parts = []
    for part in _TAG.split(str(html)):
        if part.startswith("<"):
            name = _TAG_NAME.match(part)
            if name and name[2].lower() in _KEEP_OUT and not part.endswith("/>"):
                depth += -1 if name[1] else 1
            parts.append(part)
        elif depth > 0 or not part.strip():
            parts.append(part)
        else:
            parts.append(pattern.sub(link, part))
    return mark_safe("".join(parts))  # noqa: S308 (only <a> with our own URLs added)


def uses(text, term):
    """Whether a plain text uses the term (in the active language's forms)."""
    pattern, _by_form = matcher([term])
    return bool(pattern and pattern.search(text))
